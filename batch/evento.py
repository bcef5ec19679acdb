"""A shared outage event, given once for a batch and applied to rows without incidents of their own."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from rules.caso import Operador, Servicio
from rules.errores import CasoInvalido, ErrorCampo, errores_espanol


class EventoMasivo(BaseModel):
    """A mass outage: operator, services, start, end, municipalities and a description."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, frozen=True)

    operador: Operador | None = None
    servicios: Annotated[list[Servicio], Field(min_length=1, max_length=4)]
    inicio: datetime
    fin: datetime | None = None
    municipios: Annotated[list[Annotated[str, Field(max_length=80)]], Field(max_length=200)] = []
    descripcion: Annotated[str | None, Field(max_length=500)] = None

    @model_validator(mode="after")
    def _orden(self) -> EventoMasivo:
        if self.fin is not None and self.fin < self.inicio:
            raise PydanticCustomError("fin_antes_de_inicio", "El fin del evento es anterior a su inicio.")
        return self

    def texto(self) -> str:
        """The incident description rows receive."""
        partes = [self.descripcion or "Falla masiva"]
        if self.municipios:
            partes.append("en " + ", ".join(self.municipios))
        return " ".join(partes)[:1000]

    def aplicar(self, datos: dict[str, Any]) -> None:
        """Add the event's incidents to a row's case data when it has none of its own."""
        if self.operador is not None:
            datos.setdefault("operador", self.operador)
            if datos["operador"] != self.operador:
                return
        if datos.get("fallas"):
            return
        servicios = datos.get("contrato", {}).get("servicios") or []
        datos["fallas"] = [
            {"servicio": s, "inicio": self.inicio.isoformat(),
             "fin": None if self.fin is None else self.fin.isoformat(),
             "masiva": True, "reportada": False, "descripcion": self.texto()}
            for s in self.servicios if s in servicios
        ]


def leer_evento(texto: str | bytes) -> EventoMasivo:
    """Parse an event JSON document; raise `CasoInvalido` with Spanish messages."""
    try:
        return EventoMasivo.model_validate(json.loads(texto))
    except ValidationError as exc:
        raise CasoInvalido(errores_espanol(exc)) from None
    except ValueError:
        raise CasoInvalido([ErrorCampo("evento", "El evento no es JSON válido.")]) from None
