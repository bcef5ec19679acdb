"""A saved case evaluated on a date: the engine's decision, the situation and the derived columns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from casos.claves import huella_titular
from casos.situacion import Hecho, Situacion, situacion
from rules import BOGOTA, Caso, CasoInvalido, Decision, Plazo, evaluar, validar_caso


def dia_local(momento: datetime) -> date:
    """The Colombian date of a stored moment (stored as naive UTC)."""
    return momento.replace(tzinfo=UTC).astimezone(BOGOTA).date()


@dataclass(frozen=True)
class Evaluado:
    """A case evaluated on one date."""

    caso: Caso
    decision: Decision
    situacion: Situacion

    @property
    def fecha(self) -> date:
        """The evaluation date used."""
        return self.decision.fecha_evaluacion


def en_fecha(caso: dict[str, Any], fecha: date) -> Caso:
    """The stored case as of `fecha`; `CasoInvalido` if a fact of the case is after that date."""
    return validar_caso({**caso, "fecha_evaluacion": fecha.isoformat()})


def fecha_valida(caso: dict[str, Any], pedida: date | None, hoy: date) -> tuple[date, str | None]:
    """The date to evaluate on: the one asked for (or today) unless a fact is later; then the case's own.

    Returns the date and, when the one asked for could not be used, a Spanish notice.
    """
    propia = date.fromisoformat(caso["fecha_evaluacion"])
    fecha = pedida or hoy
    try:
        en_fecha(caso, fecha)
    except CasoInvalido:
        aviso = (
            f"El caso tiene hechos posteriores al {fecha.isoformat()}: se calculó al {propia.isoformat()}."
            if pedida
            else None
        )
        return propia, aviso
    return fecha, None


def evaluar_guardado(caso: dict[str, Any], hechos: list[Hecho], cerrado: bool, fecha: date) -> Evaluado:
    """Validate the stored case as of `fecha`, run the engine and read the situation."""
    validado = en_fecha(caso, fecha)
    decision = evaluar(validado)
    return Evaluado(validado, decision, situacion(validado, decision, hechos, cerrado))


def titular(caso: dict[str, Any]) -> str:
    """Index of the data subject (document type and number, keyed hash): to find, export or delete."""
    usuario = caso.get("usuario", {})
    return huella_titular(str(usuario.get("tipo_documento", "")), str(usuario.get("numero_documento", "")))


def derivados(ev: Evaluado) -> dict[str, Any]:
    """The columns the dashboard, the scorecard and reminders read, from one evaluation."""
    s = ev.situacion
    return {
        "operador": ev.caso.operador,
        "ciudad": ev.caso.usuario.ciudad[:120],
        "estado": s.estado,
        "proxima_carta": s.proxima_carta,
        "proximo_plazo": s.proximo.id if s.proximo else None,
        "proximo_vence": s.proximo.vence if s.proximo else None,
        "vencido_desde": s.vencido_desde,
        "urgencia": s.urgencia,
        "plazos": [_plazo_guardado(p) for p in s.plazos],
        "evaluado": ev.fecha,
    }


def _plazo_guardado(p: Plazo) -> dict[str, Any]:
    """A deadline as stored; the notice deadline's start (always "today") is stored as its own day, so
    that the stored row changes only when a deadline does."""
    datos = p.model_dump(mode="json", exclude_none=True)
    if p.id == "aviso_terminacion" and p.vence is not None:
        datos["desde"] = p.vence.isoformat()
    return datos


def pqrs(ev: Evaluado) -> list[dict[str, Any]]:
    """One row per complaint the engine dated, for the operator scorecard."""
    filas = []
    for p in ev.decision.plazos:
        if p.id != "respuesta_pqr" or p.reclamacion is None or p.vence is None:
            continue
        r = ev.caso.reclamaciones[p.reclamacion]
        filas.append(
            {
                "operador": ev.caso.operador,
                "indice": p.reclamacion,
                "tipo": r.tipo,
                "radicada": r.fecha_radicacion,
                "vence": p.vence,
                "respondida": r.fecha_respuesta,
                "sentido": r.sentido_respuesta,
                "incompleta": r.respuesta_incompleta,
            }
        )
    return filas
