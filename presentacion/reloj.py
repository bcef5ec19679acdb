"""Today's date in Colombia, read at the doors (pages, commands); the engine never reads the clock."""

from __future__ import annotations

from datetime import date, datetime

from rules import BOGOTA


def hoy_en_bogota() -> date:
    """Today's date in Bogotá: the default evaluation date of a page or a command."""
    return datetime.now(BOGOTA).date()
