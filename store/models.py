"""Tables of batch jobs: the batch, its rows, and the documents each row produced."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.db import Base


def ahora() -> datetime:
    """The current UTC time (storage only; rules never read the clock)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Lote(Base):
    """A batch: one uploaded spreadsheet and how far its processing went."""

    __tablename__ = "lotes"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    propietario: Mapped[str] = mapped_column(String(64), index=True)  # hash of the session token
    creado: Mapped[datetime] = mapped_column(default=ahora)
    estado: Mapped[str] = mapped_column(String(16), default="pendiente")
    total: Mapped[int] = mapped_column(Integer, default=0)
    tipos: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)  # None: suggested letters
    evento: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    consentimiento: Mapped[dict[str, Any]] = mapped_column(JSON)
    combinado: Mapped[bool] = mapped_column(default=False)
    errores_archivo: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # Who may see and import it: an organisation (an advocate was logged in, or `flask lote
    # --organizacion`), else the uploading browser's session and the batch's private link.
    organizacion_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    cuenta_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    origen: Mapped[str] = mapped_column(String(8), default="web", server_default="web")  # web | cli
    archivo: Mapped[str] = mapped_column(String(160), default="", server_default="")  # file name
    clave: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True,
                                                      index=True)  # hash of the private link

    filas: Mapped[list[Fila]] = relationship(back_populates="lote", cascade="all, delete-orphan")


class Fila(Base):
    """One spreadsheet row: its case, its state and (once processed) exactly one result."""

    __tablename__ = "filas"
    __table_args__ = (
        UniqueConstraint("lote_id", "numero"),
        Index("ix_filas_lote_estado", "lote_id", "estado"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    lote_id: Mapped[str] = mapped_column(ForeignKey("lotes.id", ondelete="CASCADE"))
    numero: Mapped[int] = mapped_column(Integer)  # spreadsheet row number (header = 1)
    caso: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    tipos: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    estado: Mapped[str] = mapped_column(String(16), default="pendiente")  # pendiente|en_proceso|ok|error
    ficha: Mapped[str | None] = mapped_column(String(32), nullable=True)  # claim token of the worker
    reclamada: Mapped[datetime | None] = mapped_column(nullable=True)
    intentos: Mapped[int] = mapped_column(Integer, default=0)
    resumen: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    errores: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    terminada: Mapped[datetime | None] = mapped_column(nullable=True)
    # What identifies the row in the report without the original sheet.
    referencia: Mapped[str | None] = mapped_column(String(120), nullable=True)
    operador: Mapped[str | None] = mapped_column(String(40), nullable=True)
    ciudad: Mapped[str | None] = mapped_column(String(120), nullable=True)

    lote: Mapped[Lote] = relationship(back_populates="filas")
    documentos: Mapped[list[Documento]] = relationship(back_populates="fila",
                                                       cascade="all, delete-orphan")


class Documento(Base):
    """A rendered letter (PDF bytes) of one row; names carry no personal data."""

    __tablename__ = "documentos"
    __table_args__ = (UniqueConstraint("fila_id", "nombre"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    fila_id: Mapped[int] = mapped_column(ForeignKey("filas.id", ondelete="CASCADE"), index=True)
    nombre: Mapped[str] = mapped_column(String(80))
    tipo: Mapped[str] = mapped_column(String(32))
    contenido: Mapped[bytes] = mapped_column(LargeBinary)
    texto: Mapped[str | None] = mapped_column(Text, nullable=True)

    fila: Mapped[Fila] = relationship(back_populates="documentos")


class Combinado(Base):
    """A chunk's letters combined into one PDF for printing (pages laid out once, then copied)."""

    __tablename__ = "combinados"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    lote_id: Mapped[str] = mapped_column(ForeignKey("lotes.id", ondelete="CASCADE"), index=True)
    contenido: Mapped[bytes] = mapped_column(LargeBinary)
    paginas: Mapped[list[list[Any]]] = mapped_column(JSON)  # [[row number, kind, pages], ...]


class Paquete(Base):
    """A finished batch's zip, built once by the worker that finished it (ready to download)."""

    __tablename__ = "paquetes"

    lote_id: Mapped[str] = mapped_column(ForeignKey("lotes.id", ondelete="CASCADE"), primary_key=True)
    creado: Mapped[datetime] = mapped_column(default=ahora)
    listo: Mapped[bool] = mapped_column(default=False)
    contenido: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    nombres: Mapped[list[str]] = mapped_column(JSON, default=list)  # what the zip holds, in order
