"""Validation at the boundary: turn pydantic errors into Spanish messages naming each field."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from pydantic_core.core_schema import ErrorType

from rules.caso import Caso


@dataclass(frozen=True)
class ErrorCampo:
    """One bad field: its dotted path (e.g. `fallas[0].fin`) and a Spanish message."""

    campo: str
    mensaje: str

    def __str__(self) -> str:
        return f"{self.campo or 'caso'}: {self.mensaje}"


class CasoInvalido(ValueError):
    """The case cannot be evaluated; `errores` says why, field by field, in Spanish."""

    def __init__(self, errores: Sequence[ErrorCampo]) -> None:
        self.errores = list(errores)
        super().__init__("; ".join(str(e) for e in self.errores))


# A date the calendar cannot count (years near 1 or 9999 overflow date arithmetic).
FUERA_DE_RANGO = ErrorCampo("", "Hay una fecha fuera de rango (revise los años de las fechas).")


def ruta(loc: Sequence[str | int]) -> str:
    """Render a pydantic location as `fallas[0].fin`."""
    texto = ""
    for parte in loc:
        if isinstance(parte, int):
            texto += f"[{parte}]"
        else:
            texto += f".{parte}" if texto else str(parte)
    return texto


def _lista(valores: Any) -> str:
    return str(valores).replace("'", "").replace(" or ", " o ")


_TIPOS_PYDANTIC = frozenset(get_args(ErrorType))
# Our model-level checks name one field of the model they validate; point the error at it.
_CAMPO_DEL_ERROR = {
    "fin_antes_de_inicio": "fin",
    "respuesta_antes_de_radicacion": "fecha_respuesta",
    "sentido_sin_fecha": "fecha_respuesta",
    "fecha_sin_sentido": "sentido_respuesta",
    "modalidad_sin_movil": "modalidad_movil",
    "valor_servicio_ajeno": "valores_por_servicio",
}


_MENSAJES: dict[str, str] = {
    "missing": "Este dato es obligatorio.",
    "extra_forbidden": "Este campo no existe en el formato del caso.",
    "int_parsing": "Debe ser un número entero.",
    "int_type": "Debe ser un número entero.",
    "int_from_float": "Debe ser un número entero, sin decimales (pesos completos).",
    "float_parsing": "Debe ser un número.",
    "bool_parsing": "Debe ser sí (true) o no (false).",
    "bool_type": "Debe ser sí (true) o no (false).",
    "string_type": "Debe ser un texto.",
    "list_type": "Debe ser una lista.",
    "dict_type": "Debe ser un objeto con campos.",
    "model_type": "Debe ser un objeto con campos.",
    "model_attributes_type": "Debe ser un objeto con campos.",
    "date_parsing": "Debe ser una fecha con el formato AAAA-MM-DD.",
    "date_from_datetime_parsing": "Debe ser una fecha con el formato AAAA-MM-DD.",
    "date_from_datetime_inexact": "Debe ser una fecha sin hora (AAAA-MM-DD).",
    "date_type": "Debe ser una fecha con el formato AAAA-MM-DD.",
    "datetime_parsing": "Debe ser una fecha y hora, por ejemplo 2026-11-03T19:40:00-05:00.",
    "datetime_from_date_parsing": "Debe ser una fecha y hora, por ejemplo 2026-11-03T19:40.",
    "datetime_type": "Debe ser una fecha y hora, por ejemplo 2026-11-03T19:40:00-05:00.",
    "json_invalid": "El documento no es JSON válido.",
}


def mensaje_espanol(error: ErrorDetails) -> str:
    """Spanish message for one pydantic error (our own errors already speak Spanish)."""
    tipo = error["type"]
    ctx = error.get("ctx") or {}
    if tipo in _MENSAJES:
        return _MENSAJES[tipo]
    if tipo == "literal_error":
        return f"Valor no válido; use uno de: {_lista(ctx.get('expected', ''))}."
    if tipo in ("greater_than_equal", "greater_than"):
        return f"Debe ser mayor o igual a {ctx.get('ge', ctx.get('gt'))}."
    if tipo in ("less_than_equal", "less_than"):
        return f"Debe ser menor o igual a {ctx.get('le', ctx.get('lt'))}."
    if tipo == "string_too_short":
        return "No puede estar vacío." if ctx.get("min_length") == 1 else (
            f"Debe tener al menos {ctx.get('min_length')} caracteres."
        )
    if tipo == "string_too_long":
        return f"Es demasiado largo (máximo {ctx.get('max_length')} caracteres)."
    if tipo == "too_short":
        return f"Debe tener al menos {ctx.get('min_length')} elemento(s)."
    if tipo == "too_long":
        return f"Tiene demasiados elementos (máximo {ctx.get('max_length')})."
    if tipo.startswith(("int_", "float_", "decimal_")):
        return "Debe ser un número entero."
    if tipo.startswith(("date", "time")):
        return "La fecha no es válida."
    if tipo not in _TIPOS_PYDANTIC:
        return error["msg"]  # our PydanticCustomError: already Spanish
    return "Valor no válido."


def errores_espanol(exc: ValidationError) -> list[ErrorCampo]:
    """All errors of a ValidationError as Spanish, located messages."""
    errores: list[ErrorCampo] = []
    for error in exc.errors(include_url=False):
        ctx = error.get("ctx") or {}
        if error["type"] == "datos_inconsistentes":
            base = tuple(error["loc"])
            errores.extend(ErrorCampo(ruta(base + tuple(loc)), msg) for loc, msg in ctx["problemas"])
            continue
        loc = [p for p in error["loc"] if not _es_etiqueta_union(p)]
        if error["type"] in _CAMPO_DEL_ERROR:
            loc.append(_CAMPO_DEL_ERROR[error["type"]])
        errores.append(ErrorCampo(ruta(loc), mensaje_espanol(error)))
    return errores


def _es_etiqueta_union(parte: str | int) -> bool:
    # pydantic adds the union member's name ("int", "function-after[...]") to locations.
    return isinstance(parte, str) and (
        parte in {"int", "str", "date", "datetime", "bool", "none", "list", "float"}
        or parte.startswith(("function-", "constrained-", "lax-", "json-or-python"))
    )


def validar_caso(datos: dict[str, Any] | str | bytes) -> Caso:
    """Validate a case given as a dict or JSON text; raise `CasoInvalido` in Spanish."""
    try:
        if isinstance(datos, str | bytes):
            try:
                datos = json.loads(datos)
            except (ValueError, UnicodeDecodeError):
                raise CasoInvalido([ErrorCampo("", "El documento no es JSON válido.")]) from None
        if not isinstance(datos, dict):
            raise CasoInvalido([ErrorCampo("", "El caso debe ser un objeto JSON con campos.")])
        return Caso.model_validate(datos)
    except ValidationError as exc:
        raise CasoInvalido(errores_espanol(exc)) from None
    except OverflowError:
        raise CasoInvalido([FUERA_DE_RANGO]) from None
