"""Colombian time: Bogotá's zone (no daylight saving) and the end of a day there."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

BOGOTA = ZoneInfo("America/Bogota")


def en_bogota(momento: datetime) -> datetime:
    """Return the moment in Bogotá time; a naive moment is taken as Bogotá local time."""
    if momento.tzinfo is None:
        return momento.replace(tzinfo=BOGOTA)
    return momento.astimezone(BOGOTA)


def fin_del_dia(dia: date) -> datetime:
    """Return midnight at the end of `dia` in Bogotá."""
    return datetime.combine(dia + timedelta(days=1), time(0), tzinfo=BOGOTA)
