"""The API's own response models (errors, catalogue): the JSON it sends and the OpenAPI it documents."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rules import ErrorCampo
from rules.catalogo import catalogo


class ErrorDeCampo(BaseModel):
    """One rejected field: its path in the case (e.g. `fallas[0].fin`) and a Spanish message."""

    campo: str = Field(description="Ruta del campo en el caso, p. ej. `fallas[0].fin`; vacía si es "
                                   "el documento entero.")
    mensaje: str = Field(description="Mensaje en español para la persona.")


class RespuestaError(BaseModel):
    """Every error of the API: a Spanish message and, for invalid cases, each field's error."""

    mensaje: str
    errores: list[ErrorDeCampo] = []


class Catalogo(BaseModel):
    """The rule catalogue: rules with citations and status, parameters by date, operators."""

    model_config = ConfigDict(extra="allow")

    version_reglas: str
    reglas: list[dict[str, Any]]
    parametros: list[dict[str, Any]]
    operadores: list[dict[str, Any]]


def error_de_caso(errores: list[ErrorCampo], mensaje: str = "El caso no es válido.") -> dict[str, Any]:
    """The 422 body for an invalid case."""
    return RespuestaError(mensaje=mensaje, errores=[ErrorDeCampo(campo=e.campo, mensaje=e.mensaje)
                                                    for e in errores]).model_dump()


@cache
def catalogo_validado() -> dict[str, Any]:
    """The rule catalogue checked against `Catalogo`, computed once per process."""
    return Catalogo.model_validate(catalogo()).model_dump(mode="json")
