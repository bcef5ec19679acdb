"""Saved cases in the database: create, find (by link token or within an organisation), record events,
undo, re-evaluate, delete. Every lookup names its owner in the query itself."""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from casos.evaluacion import Evaluado, derivados, evaluar_guardado, fecha_valida, pqrs, titular
from casos.eventos import NuevoEvento, aplicar, reconstruir, validar_aplicado
from casos.situacion import Hecho
from rules import Caso
from store.casos import CasoGuardado, Consentimiento, Evento, PqrResumen
from store.db import olvidar_al_confirmar
from store.models import ahora

registro = logging.getLogger(__name__)


def huella(token: str) -> str:
    """The SHA-256 of a private link's token: the only form in which it is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def nuevo_token() -> str:
    """A fresh unguessable token for a private link (256 random bits)."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Autorizacion:
    """One consent to record with a new case."""

    finalidad: str
    texto: str
    version_politica: str
    medio: str
    cuenta_id: int | None = None
    detalle: dict[str, Any] | None = None


def crear(
    s: Session,
    caso: Caso,
    autorizaciones: list[Autorizacion],
    hoy: date,
    *,
    token: str | None = None,
    organizacion_id: int | None = None,
    correo_avisos: str | None = None,
    lote: tuple[str, int] | None = None,
) -> CasoGuardado:
    """Store a validated case with its authorisations and its first evaluation."""
    if not autorizaciones:
        raise ValueError("a case is never saved without an express authorisation")
    datos = caso.model_dump(mode="json")
    guardado = CasoGuardado(
        uid=secrets.token_hex(16),
        token=huella(token) if token else None,
        organizacion_id=organizacion_id,
        lote_id=lote[0] if lote else None,
        fila_numero=lote[1] if lote else None,
        titular=titular(datos),
        caso_base=datos,
        caso=datos,
        correo_avisos=correo_avisos,
        cerrado=False,
        creado=ahora(),
        actualizado=ahora(),
    )
    ev = evaluar(guardado, hoy)
    actualizar(guardado, ev)
    s.add(guardado)
    s.flush()
    for a in autorizaciones:
        s.add(
            Consentimiento(
                caso_id=guardado.id,
                finalidad=a.finalidad,
                texto=a.texto,
                version_politica=a.version_politica,
                medio=a.medio,
                cuenta_id=a.cuenta_id,
                detalle=a.detalle,
                otorgado=ahora(),
            )
        )
    escribir_pqrs(s, guardado, ev)
    return guardado


def por_token(s: Session, token: str) -> CasoGuardado | None:
    """The subscriber's case behind a private link (only cases saved with a link have a token)."""
    if not token or len(token) > 100:
        return None
    return s.scalar(
        select(CasoGuardado).where(
            CasoGuardado.token == huella(token), CasoGuardado.organizacion_id.is_(None)
        )
    )


def de_organizacion(s: Session, caso_id: int, organizacion_id: int) -> CasoGuardado | None:
    """A case of this organisation, or None (another organisation's case is simply not found)."""
    return s.scalar(
        select(CasoGuardado).where(
            CasoGuardado.id == caso_id, CasoGuardado.organizacion_id == organizacion_id
        )
    )


def hechos(guardado: CasoGuardado) -> list[Hecho]:
    """The timeline as the situation reads it."""
    return [Hecho(e.tipo, e.fecha, e.datos or {}) for e in guardado.eventos]


def evaluar(guardado: CasoGuardado, hoy: date, pedida: date | None = None) -> Evaluado:
    """The case evaluated on the date asked for (or today), never before its own facts."""
    fecha, _ = fecha_valida(guardado.caso, pedida, hoy)
    return evaluar_guardado(guardado.caso, hechos(guardado), guardado.cerrado, fecha)


def actualizar(guardado: CasoGuardado, ev: Evaluado) -> None:
    """Copy an evaluation into the derived columns."""
    for nombre, valor in derivados(ev).items():
        setattr(guardado, nombre, valor)


def escribir_pqrs(s: Session, guardado: CasoGuardado, ev: Evaluado) -> None:
    """Rewrite the case's rows of the scorecard table."""
    s.execute(delete(PqrResumen).where(PqrResumen.caso_id == guardado.id))
    for fila in pqrs(ev):
        s.add(PqrResumen(caso_id=guardado.id, organizacion_id=guardado.organizacion_id, **fila))


def registrar_evento(
    s: Session, guardado: CasoGuardado, evento: NuevoEvento, hoy: date, cuenta_id: int | None = None
) -> None:
    """Apply an event to the case, validate it, store it and re-evaluate (raises `EventoInvalido`)."""
    nuevo = aplicar(guardado.caso, evento)
    validar_aplicado(nuevo)
    if evento.tipo == "carta_generada" and guardado.eventos:
        ultimo = guardado.eventos[-1]
        if (
            ultimo.tipo == "carta_generada"
            and ultimo.datos == evento.datos()
            and ultimo.fecha == evento.fecha
        ):
            return  # the same letter downloaded twice the same day: one fact
    guardado.caso = nuevo
    if evento.tipo in ("caso_cerrado", "caso_reabierto"):
        guardado.cerrado = evento.tipo == "caso_cerrado"
    guardado.eventos.append(
        Evento(
            tipo=evento.tipo, fecha=evento.fecha, datos=evento.datos(), cuenta_id=cuenta_id, creado=ahora()
        )
    )
    _reevaluar(s, guardado, hoy)


def deshacer_ultimo(s: Session, guardado: CasoGuardado, hoy: date) -> bool:
    """Remove the last event and rebuild the case from the saved one and the remaining events."""
    if not guardado.eventos:
        return False
    ultimo = guardado.eventos.pop()
    s.delete(ultimo)
    restantes = [(e.tipo, e.fecha, e.datos or {}) for e in guardado.eventos]
    guardado.caso = reconstruir(guardado.caso_base, restantes)
    guardado.cerrado = _cerrado(restantes)
    _reevaluar(s, guardado, hoy)
    return True


def _cerrado(eventos: list[tuple[str, date, dict[str, Any]]]) -> bool:
    estado = False
    for tipo, _, _ in eventos:
        if tipo in ("caso_cerrado", "caso_reabierto"):
            estado = tipo == "caso_cerrado"
    return estado


def _reevaluar(s: Session, guardado: CasoGuardado, hoy: date) -> None:
    ev = evaluar(guardado, hoy)
    actualizar(guardado, ev)
    guardado.actualizado = ahora()
    s.flush()
    escribir_pqrs(s, guardado, ev)


def borrar(s: Session, guardado: CasoGuardado, motivo: str) -> None:
    """Delete a case for real: its events, consents, complaint rows and reminders go with it."""
    caso_id = guardado.id
    s.delete(guardado)
    s.flush()
    olvidar_al_confirmar(s)
    registro.info("caso %d borrado (%s)", caso_id, motivo)


def quitar_avisos(s: Session, guardado: CasoGuardado) -> None:
    """Stop reminders: forget the address and mark the authorisation for them as revoked."""
    guardado.correo_avisos = None
    for c in s.scalars(
        select(Consentimiento).where(
            Consentimiento.caso_id == guardado.id,
            Consentimiento.finalidad == "recordatorios",
            Consentimiento.revocado.is_(None),
        )
    ):
        c.revocado = ahora()
