"""Deadlines as iCalendar: one file per case, and a feed of an organisation's open cases.

Each deadline is an all-day event on the day it runs out, with a reminder the day before; its
description carries the legal consequence, how the term is counted and how sure its source is.
Titles carry no personal data (no name, document or CUN): calendars get synced to other services.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from icalendar import Alarm, Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from presentacion import etiquetas as et
from presentacion import redaccion
from rules import Plazo
from store.casos import CasoGuardado

VENTANA_PASADA = timedelta(days=60)
MAXIMO_FEED = 5000


def _calendario(nombre: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Salida//Plazos de casos//ES")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", nombre)
    cal.add("x-wr-timezone", "America/Bogota")
    return cal


def _evento(uid: str, p: Plazo, prefijo: str, hoy: date, sello: datetime) -> Event:
    dia = p.vence or p.desde
    e = Event()
    e.add("uid", f"{uid}-{p.id}-{p.reclamacion if p.reclamacion is not None else 'x'}@salida")
    e.add("dtstamp", sello)
    e.add("dtstart", dia)
    e.add("dtend", dia + timedelta(days=1))
    e.add("summary", f"{prefijo}{redaccion.titulo(p, con_cun=False)}")
    e.add("description", redaccion.descripcion(p, hoy))
    e.add("transp", "TRANSPARENT")
    e.add("categories", ["Salida"])
    if p.vence is not None and p.vence >= hoy:
        alarma = Alarm()
        alarma.add("action", "DISPLAY")
        alarma.add("description", f"Mañana: {redaccion.titulo(p, con_cun=False)}")
        alarma.add("trigger", timedelta(days=-1))
        e.add_component(alarma)
    return e


def calendario_caso(uid: str, operador: str, plazos: Iterable[Plazo], hoy: date) -> bytes:
    """The deadlines of one case as an .ics file."""
    cal = _calendario(f"Salida: plazos de su caso con {et.OPERADORES.get(operador, 'su operador')}")
    sello = datetime.now(UTC)
    for p in plazos:
        cal.add_component(_evento(uid, p, "", hoy, sello))
    return cal.to_ical()


def calendario_organizacion(s: Session, organizacion_id: int, hoy: date) -> bytes:
    """The deadlines of an organisation's open cases (recent and upcoming), for one feed."""
    cal = _calendario("Salida: plazos de los casos de la organización")
    sello = datetime.now(UTC)
    # SQLAlchemy 2.1's select() rows reach mypy as Row[*tuple[Any, ...]], which it unpacks as
    # `object`: cast to the selected columns' types.
    filas = cast("Iterable[tuple[int, str, str, list[dict[str, Any]] | None]]", s.execute(
        select(CasoGuardado.id, CasoGuardado.uid, CasoGuardado.operador, CasoGuardado.plazos)
        .where(
            CasoGuardado.organizacion_id == organizacion_id,
            CasoGuardado.cerrado.is_(False),
            CasoGuardado.urgencia.is_not(None),
            CasoGuardado.urgencia >= hoy - VENTANA_PASADA,
        )
        .order_by(CasoGuardado.urgencia, CasoGuardado.id)
        .limit(MAXIMO_FEED)
    ))
    for caso_id, uid, operador, plazos in filas:
        prefijo = f"Caso {caso_id} ({et.OPERADORES.get(operador, operador)}): "
        for datos in plazos or []:
            p = Plazo.model_validate(datos)
            if (p.vence or p.desde) >= hoy - VENTANA_PASADA:
                cal.add_component(_evento(uid, p, prefijo, hoy, sello))
    return cal.to_ical()
