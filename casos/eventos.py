"""Timeline events and what each one changes in the `Caso` (the engine then re-evaluates it).

letter filed → a new `reclamaciones[]` entry (queja, silencio positivo as a petición, recurso) or
`solicitud_terminacion`; answer received → that complaint's answer date and sense; compensation
applied → `compensacion_aplicada`. The other events (letter generated, contract ended, SIC complaint
filed, case closed or reopened) are facts of the timeline that the case's situation reads.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from rules import Canal, Caso, CasoInvalido, Cun, Sentido, TipoCarta, errores_espanol, validar_caso

TipoEvento = Literal[
    "carta_generada",
    "carta_radicada",
    "respuesta_recibida",
    "compensacion_aplicada",
    "contrato_terminado",
    "queja_sic_radicada",
    "sap_cumplido",
    "caso_cerrado",
    "caso_reabierto",
]
NOMBRES: dict[str, str] = {
    "carta_generada": "Carta generada",
    "carta_radicada": "Carta presentada",
    "respuesta_recibida": "Respuesta del operador",
    "compensacion_aplicada": "Compensación aplicada en la factura",
    "contrato_terminado": "Contrato terminado",
    "queja_sic_radicada": "Queja presentada ante la SIC",
    "sap_cumplido": "El operador cumplió lo pedido (silencio positivo)",
    "caso_cerrado": "Caso cerrado",
    "caso_reabierto": "Caso reabierto",
}
# The letters that, once filed, become a complaint the operator must answer.
COMO_RECLAMACION = {"queja": "queja", "silencio_positivo": "peticion", "recurso": "recurso"}


class EventoInvalido(ValueError):
    """An event that cannot be recorded; `errores` are (field, Spanish message) pairs."""

    def __init__(self, errores: list[tuple[str, str]]) -> None:
        self.errores = errores
        super().__init__("; ".join(m for _, m in errores))


class NuevoEvento(BaseModel):
    """An event as a form or the API sends it, validated once at the door."""

    model_config = ConfigDict(
        extra="forbid", hide_input_in_errors=True, str_strip_whitespace=True, frozen=True
    )

    tipo: TipoEvento
    fecha: date
    carta: TipoCarta | None = None
    canal: Canal | None = None
    cun: Cun | None = None
    reclamacion: Annotated[int | None, Field(ge=0, le=49)] = None
    sentido: Sentido | None = None
    incompleta: bool = False
    radicado: Annotated[str | None, Field(max_length=40)] = None
    referencia: Annotated[str | None, Field(max_length=60)] = None
    motivos: Annotated[str | None, Field(max_length=1000)] = None

    @model_validator(mode="after")
    def _completo(self) -> NuevoEvento:
        if self.tipo in ("carta_generada", "carta_radicada") and self.carta is None:
            raise PydanticCustomError("evento_sin_carta", "Indique qué carta.")
        if self.tipo == "sap_cumplido" and self.reclamacion is None:
            raise PydanticCustomError(
                "evento_sin_reclamacion", "Indique qué reclamación cumplió el operador."
            )
        if self.tipo == "respuesta_recibida" and (self.reclamacion is None or self.sentido is None):
            raise PydanticCustomError(
                "evento_sin_respuesta", "Indique a qué reclamación respondieron y en qué sentido."
            )
        return self

    def datos(self) -> dict[str, Any]:
        """What is stored with the event besides its kind and date."""
        return self.model_dump(
            mode="json", exclude={"tipo", "fecha"}, exclude_none=True, exclude_defaults=True
        )


def leer_evento(datos: dict[str, Any]) -> NuevoEvento:
    """Validate a posted event; raise `EventoInvalido` with Spanish messages."""
    limpio = {k: v for k, v in datos.items() if v not in ("", None)}
    if limpio.get("tipo") == "carta_radicada" and limpio.get("carta") == "queja_sic":
        limpio["tipo"] = "queja_sic_radicada"  # filing the SIC complaint is its own event
        limpio.pop("carta")
        if "cun" in limpio:
            limpio["radicado"] = limpio.pop("cun")  # the SIC gives a filing number, not a CUN
    try:
        return NuevoEvento.model_validate(limpio)
    except ValidationError as exc:
        errores = []
        for e in errores_espanol(exc):
            errores.append((e.campo or "evento", e.mensaje))
        raise EventoInvalido(errores) from None


def _asunto_de_queja(caso: dict[str, Any]) -> str:
    if caso.get("fallas"):
        return "falla"
    if caso.get("cambios_unilaterales"):
        return "facturacion"
    if "compensacion" in caso.get("pretensiones", []):
        return "compensacion"
    return "otro"


def _reclamacion_objetivo(caso: dict[str, Any], evento: NuevoEvento) -> dict[str, Any] | None:
    """The complaint a silencio positivo letter or a recurso refers to (given, or the latest fitting)."""
    reclamaciones = caso.get("reclamaciones", [])
    if evento.reclamacion is not None:
        if evento.reclamacion >= len(reclamaciones):
            raise EventoInvalido([("reclamacion", "Esa reclamación no existe en el caso.")])
        return reclamaciones[evento.reclamacion]
    if evento.carta == "recurso":
        candidatas = [r for r in reclamaciones if r.get("sentido_respuesta") in ("desfavorable", "parcial")]
    else:
        candidatas = [r for r in reclamaciones if r.get("tipo") != "recurso"]
    return candidatas[-1] if candidatas else None


def aplicar(caso: dict[str, Any], evento: NuevoEvento) -> dict[str, Any]:
    """The case (as JSON) after one event; the evaluation date never falls before the event."""
    nuevo = copy.deepcopy(caso)
    if evento.tipo == "carta_radicada":
        _radicar(nuevo, evento)
    elif evento.tipo == "respuesta_recibida":
        _responder(nuevo, evento)
    elif evento.tipo == "compensacion_aplicada":
        nuevo["compensacion_aplicada"] = True
    elif evento.tipo == "sap_cumplido":
        _reclamacion(nuevo, evento)["sap_cumplido"] = True
    if evento.tipo != "carta_generada" and date.fromisoformat(nuevo["fecha_evaluacion"]) < evento.fecha:
        nuevo["fecha_evaluacion"] = evento.fecha.isoformat()
    return nuevo


def _radicar(caso: dict[str, Any], evento: NuevoEvento) -> None:
    carta = evento.carta or ""
    if carta == "terminacion":
        if caso.get("solicitud_terminacion"):
            raise EventoInvalido([("carta", "Ya registró la solicitud de terminación.")])
        caso["solicitud_terminacion"] = {
            "fecha": evento.fecha.isoformat(),
            "canal": evento.canal or "web",
            "cun": evento.cun,
        }
        return
    if carta not in COMO_RECLAMACION:
        return
    base = None if carta == "queja" else _reclamacion_objetivo(caso, evento)
    if carta != "queja" and base is None:
        raise EventoInvalido([("carta", "No hay una reclamación anterior a la que se refiera esta carta.")])
    reclamaciones = caso.setdefault("reclamaciones", [])
    if len(reclamaciones) >= 50:
        raise EventoInvalido([("carta", "El caso ya tiene el máximo de 50 reclamaciones.")])
    reclamaciones.append(
        {
            "tipo": COMO_RECLAMACION[carta],
            "asunto": _asunto_de_queja(caso) if base is None else base.get("asunto", "otro"),
            "fecha_radicacion": evento.fecha.isoformat(),
            "canal": evento.canal or "web",
            "cun": evento.cun,
            "pretensiones": list(
                caso.get("pretensiones", []) if base is None else base.get("pretensiones", [])
            ),
            "fecha_respuesta": None,
            "sentido_respuesta": None,
        }
    )


def _reclamacion(caso: dict[str, Any], evento: NuevoEvento) -> dict[str, Any]:
    reclamaciones = caso.get("reclamaciones", [])
    if evento.reclamacion is None or evento.reclamacion >= len(reclamaciones):
        raise EventoInvalido([("reclamacion", "Esa reclamación no existe en el caso.")])
    return reclamaciones[evento.reclamacion]


def _responder(caso: dict[str, Any], evento: NuevoEvento) -> None:
    r = _reclamacion(caso, evento)
    if date.fromisoformat(r["fecha_radicacion"]) > evento.fecha:
        raise EventoInvalido([("fecha", "La respuesta no puede ser anterior a la radicación.")])
    r["fecha_respuesta"] = evento.fecha.isoformat()
    r["sentido_respuesta"] = evento.sentido
    r["respuesta_incompleta"] = evento.incompleta
    r["respuesta_referencia"] = evento.referencia
    r["respuesta_motivos"] = evento.motivos


def validar_aplicado(caso: dict[str, Any]) -> Caso:
    """Validate the case after an event; the engine's Spanish messages become event errors."""
    try:
        return validar_caso(caso)
    except CasoInvalido as exc:
        raise EventoInvalido([(e.campo or "caso", e.mensaje) for e in exc.errores]) from None


def reconstruir(base: dict[str, Any], eventos: Iterable[tuple[str, date, dict[str, Any]]]) -> dict[str, Any]:
    """Replay (kind, date, data) events over the case as saved (used to undo the last one)."""
    caso = base
    for tipo, fecha, datos in eventos:
        caso = aplicar(caso, NuevoEvento.model_validate({"tipo": tipo, "fecha": fecha, **datos}))
    return caso
