"""The engine as the web calls it: validate and evaluate, out-of-range dates reported as case errors."""

from __future__ import annotations

from typing import Any

from rules import Caso, CasoInvalido, Decision, ErrorCampo, evaluar, validar_caso

FUERA_DE_RANGO = ErrorCampo("", "Hay una fecha fuera de rango (revise los años de las fechas).")


def validar(datos: dict[str, Any] | str | bytes) -> Caso:
    """`validar_caso`, but a date arithmetic overflow (years near 1 or 9999) is a `CasoInvalido`."""
    try:
        return validar_caso(datos)
    except OverflowError:
        raise CasoInvalido([FUERA_DE_RANGO]) from None


def decidir(caso: Caso) -> Decision:
    """`evaluar`, with the same treatment of dates the calendar cannot count."""
    try:
        return evaluar(caso)
    except OverflowError:
        raise CasoInvalido([FUERA_DE_RANGO]) from None
