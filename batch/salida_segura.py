"""Formula-safe output cells: text a spreadsheet would run as a formula is made inert."""

from __future__ import annotations

from typing import Any

_PELIGROSOS = ("=", "+", "-", "@", "\t", "\r")


def celda_segura(valor: Any) -> Any:
    """Prefix text starting with = + - @ tab or CR with an apostrophe; other values unchanged."""
    if isinstance(valor, str) and valor.startswith(_PELIGROSOS):
        return "'" + valor
    return valor
