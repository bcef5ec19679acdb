"""Tables of saved cases: organisations and their accounts, cases, their events and consents.

A case belongs either to a subscriber (reached by a private link whose token is stored only as a
SHA-256 hash) or to an organisation (reached by its accounts). Columns after `caso` are derived from
the last evaluation, so that the dashboard, the scorecard and reminders are plain SQL.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.db import Base
from store.models import ahora


class Organizacion(Base):
    """A consumer association or advocate office with accounts and cases."""

    __tablename__ = "organizaciones"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    nombre: Mapped[str] = mapped_column(String(160), unique=True)
    creada: Mapped[datetime] = mapped_column(default=ahora)


class Cuenta(Base):
    """An advocate's account; the password is an argon2 hash, the session and feed keys are random."""

    __tablename__ = "cuentas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organizacion_id: Mapped[int] = mapped_column(
        ForeignKey("organizaciones.id", ondelete="CASCADE"), index=True
    )
    correo: Mapped[str] = mapped_column(String(254), unique=True)
    nombre: Mapped[str] = mapped_column(String(120))
    clave: Mapped[str] = mapped_column(String(255))
    ficha_sesion: Mapped[str] = mapped_column(String(64))  # rotated on logout and password change
    ficha_calendario: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)  # hash
    activa: Mapped[bool] = mapped_column(Boolean, default=True)
    creada: Mapped[datetime] = mapped_column(default=ahora)
    ultimo_ingreso: Mapped[datetime | None] = mapped_column(nullable=True)

    organizacion: Mapped[Organizacion] = relationship()


class CasoGuardado(Base):
    """A saved case: the `Caso` as saved and as it stands after its events, with derived columns."""

    __tablename__ = "casos"
    __table_args__ = (
        UniqueConstraint("lote_id", "fila_numero"),
        Index("ix_casos_org_urgencia", "organizacion_id", "urgencia", "id"),
        Index("ix_casos_org_estado", "organizacion_id", "estado", "ciudad", "urgencia"),  # the summary
        Index("ix_casos_org_operador", "organizacion_id", "operador"),
        Index("ix_casos_org_ciudad", "organizacion_id", "ciudad"),
        Index("ix_casos_org_creado", "organizacion_id", "creado"),
        Index("ix_casos_abiertos", "cerrado", "id"),
        {"sqlite_autoincrement": True},  # a deleted case's id is never given to another one
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)  # random, for calendar UIDs; not a secret
    token: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)  # sha256 of the link
    organizacion_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizaciones.id", ondelete="CASCADE"), nullable=True
    )
    lote_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    fila_numero: Mapped[int | None] = mapped_column(Integer, nullable=True)
    titular: Mapped[str] = mapped_column(String(64), index=True)  # sha256 of "CC:52123456": an index only
    caso_base: Mapped[dict[str, Any]] = mapped_column(JSON)  # as saved
    caso: Mapped[dict[str, Any]] = mapped_column(JSON)  # after the events
    correo_avisos: Mapped[str | None] = mapped_column(String(254), nullable=True)
    cerrado: Mapped[bool] = mapped_column(Boolean, default=False)
    creado: Mapped[datetime] = mapped_column(default=ahora)
    actualizado: Mapped[datetime] = mapped_column(default=ahora)  # last activity (retention)
    # Derived from the last evaluation.
    operador: Mapped[str] = mapped_column(String(16))
    ciudad: Mapped[str] = mapped_column(String(120))
    estado: Mapped[str] = mapped_column(String(24))
    proxima_carta: Mapped[str | None] = mapped_column(String(24), nullable=True)
    proximo_plazo: Mapped[str | None] = mapped_column(String(24), nullable=True)
    proximo_vence: Mapped[date | None] = mapped_column(Date, nullable=True)
    vencido_desde: Mapped[date | None] = mapped_column(Date, nullable=True)
    urgencia: Mapped[date | None] = mapped_column(Date, nullable=True)  # overdue date, else next due date
    plazos: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    evaluado: Mapped[date] = mapped_column(Date)

    eventos: Mapped[list[Evento]] = relationship(
        back_populates="caso_guardado",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Evento.id",
    )


class Evento(Base):
    """One fact on a case's timeline (a letter filed, an answer received…)."""

    __tablename__ = "eventos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    caso_id: Mapped[int] = mapped_column(ForeignKey("casos.id", ondelete="CASCADE"), index=True)
    tipo: Mapped[str] = mapped_column(String(32))
    fecha: Mapped[date] = mapped_column(Date)
    datos: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    cuenta_id: Mapped[int | None] = mapped_column(
        ForeignKey("cuentas.id", ondelete="SET NULL"), nullable=True
    )
    creado: Mapped[datetime] = mapped_column(default=ahora)

    caso_guardado: Mapped[CasoGuardado] = relationship(back_populates="eventos")


class Consentimiento(Base):
    """An express authorisation (Ley 1581 de 2012): purpose, text, policy version, when and how."""

    __tablename__ = "consentimientos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    caso_id: Mapped[int] = mapped_column(ForeignKey("casos.id", ondelete="CASCADE"), index=True)
    finalidad: Mapped[str] = mapped_column(String(32))  # guardar | recordatorios | seguimiento
    texto: Mapped[str] = mapped_column(Text)
    version_politica: Mapped[str] = mapped_column(String(32))
    otorgado: Mapped[datetime] = mapped_column(default=ahora)
    medio: Mapped[str] = mapped_column(String(16))  # enlace | cuenta | lote
    cuenta_id: Mapped[int | None] = mapped_column(
        ForeignKey("cuentas.id", ondelete="SET NULL"), nullable=True
    )
    detalle: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    revocado: Mapped[datetime | None] = mapped_column(nullable=True)


class PqrResumen(Base):
    """One complaint of a case, flattened for the operator scorecard."""

    __tablename__ = "casos_pqr"
    __table_args__ = (Index("ix_casos_pqr_org", "organizacion_id", "operador", "radicada"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    caso_id: Mapped[int] = mapped_column(ForeignKey("casos.id", ondelete="CASCADE"), index=True)
    organizacion_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    operador: Mapped[str] = mapped_column(String(16))
    indice: Mapped[int] = mapped_column(Integer)
    tipo: Mapped[str] = mapped_column(String(16))
    radicada: Mapped[date] = mapped_column(Date)
    vence: Mapped[date] = mapped_column(Date)
    respondida: Mapped[date | None] = mapped_column(Date, nullable=True)
    sentido: Mapped[str | None] = mapped_column(String(16), nullable=True)
    incompleta: Mapped[bool] = mapped_column(Boolean, default=False)


class LoteOrganizacion(Base):
    """A batch imported as cases into an organisation."""

    __tablename__ = "lotes_organizacion"

    lote_id: Mapped[str] = mapped_column(ForeignKey("lotes.id", ondelete="CASCADE"), primary_key=True)
    organizacion_id: Mapped[int] = mapped_column(
        ForeignKey("organizaciones.id", ondelete="CASCADE"), index=True
    )
    importado: Mapped[datetime] = mapped_column(default=ahora)
    casos: Mapped[int] = mapped_column(Integer, default=0)


class RecordatorioEnviado(Base):
    """A reminder already sent (so a second run the same day sends nothing twice)."""

    __tablename__ = "recordatorios"
    __table_args__ = (UniqueConstraint("caso_id", "clave"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    caso_id: Mapped[int] = mapped_column(ForeignKey("casos.id", ondelete="CASCADE"), index=True)
    clave: Mapped[str] = mapped_column(String(120))
    enviado: Mapped[datetime] = mapped_column(default=ahora)
