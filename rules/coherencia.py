"""Cross-field checks of a case: dates that contradict one another, located by field path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rules.tiempo import fin_del_dia

if TYPE_CHECKING:
    from rules.caso import Caso


def problemas_de_fechas(caso: Caso) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Yield (field path, Spanish message) for each fact that contradicts another."""
    hoy = caso.fecha_evaluacion
    limite = fin_del_dia(hoy)
    contrato = caso.contrato
    if caso.operador == "otro" and not caso.operador_nombre:
        yield _ubicado(("operador_nombre",), "Escriba el nombre del operador.")
    if contrato.fecha_inicio > hoy:
        yield _ubicado(("contrato", "fecha_inicio"), _posterior("El contrato"))
    if caso.permanencia is not None:
        inicio = caso.permanencia.fecha_inicio
        if inicio > hoy:
            yield _ubicado(("permanencia", "fecha_inicio"), _posterior("La permanencia"))
        if inicio < contrato.fecha_inicio:
            yield _ubicado(
                ("permanencia", "fecha_inicio"),
                "La permanencia no puede empezar antes que el contrato; revise ambas fechas.",
            )
    for i, falla in enumerate(caso.fallas):
        if falla.servicio not in contrato.servicios:
            yield _ubicado(("fallas", i, "servicio"), "Ese servicio no está en el contrato.")
        if falla.inicio >= limite:
            yield _ubicado(("fallas", i, "inicio"), _posterior("La falla"))
        if falla.fin is not None and falla.fin > limite:
            yield _ubicado(("fallas", i, "fin"), _posterior("El fin de la falla"))
    for i, rec in enumerate(caso.reclamaciones):
        if rec.fecha_radicacion > hoy:
            yield _ubicado(("reclamaciones", i, "fecha_radicacion"), _posterior("La radicación"))
        if rec.fecha_respuesta is not None and rec.fecha_respuesta > hoy:
            yield _ubicado(("reclamaciones", i, "fecha_respuesta"), _posterior("La respuesta"))
    for i, cambio in enumerate(caso.cambios_unilaterales):
        if cambio.fecha > hoy:
            yield _ubicado(("cambios_unilaterales", i, "fecha"), _posterior("El cambio"))
    if caso.solicitud_terminacion is not None:
        fecha = caso.solicitud_terminacion.fecha
        if fecha > hoy:
            yield _ubicado(("solicitud_terminacion", "fecha"), _posterior("La solicitud"))
        if fecha < contrato.fecha_inicio:
            yield _ubicado(
                ("solicitud_terminacion", "fecha"),
                "La solicitud de terminación no puede ser anterior al contrato.",
            )


def _posterior(que: str) -> str:
    return f"{que} no puede ser posterior a la fecha de evaluación."


def _ubicado(loc: tuple[str | int, ...], mensaje: str) -> tuple[tuple[str | int, ...], str]:
    return loc, mensaje
