"""Business days in Colombia (rulebook §7) and calendar arithmetic for terms and billing cut-offs.

Ley 4 de 1913 art. 62: terms in days set by law exclude holidays. Business days are Monday to
Friday except the national holidays of Ley 51 de 1983 (with Holy Thursday and Good Friday and the
"Emiliani" holidays moved to Monday), as the `holidays` package's Colombia calendar implements them.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import cache

import holidays

_DIA = timedelta(days=1)


@cache
def festivos(anio: int) -> frozenset[date]:
    """Colombia's national holidays of one year."""
    return frozenset(holidays.country_holidays("CO", years=anio).keys())


@cache
def nombre_festivo(dia: date) -> str | None:
    """The Spanish name of the holiday on `dia`, if any."""
    return holidays.country_holidays("CO", years=dia.year, language="es").get(dia)


def por_confirmar(dia: date) -> bool:
    """Whether `dia` is a holiday whose legal source has status U in the parameter file."""
    from rules.parametros import parametros

    nombre = nombre_festivo(dia)
    return nombre is not None and parametros().festivo(dia, nombre)[1] == "U"


def festivos_por_confirmar(desde: date, hasta: date) -> list[date]:
    """Weekday holidays of status U between `desde` and `hasta`, both included."""
    dias = []
    for anio in range(desde.year, hasta.year + 1):
        dias += [d for d in festivos(anio) if desde <= d <= hasta and d.weekday() < 5
                 and por_confirmar(d)]
    return sorted(dias)


def es_habil(dia: date, seguro: bool = False) -> bool:
    """Whether `dia` is a business day (Monday–Friday and not a national holiday).

    `seguro`: a holiday of status U counts as a business day (the earliest plausible deadline, §7).
    """
    if dia.weekday() >= 5:
        return False
    return dia not in festivos(dia.year) or (seguro and por_confirmar(dia))


def habil_desde(dia: date) -> date:
    """`dia` if it is a business day, else the next business day (a filing on a holiday)."""
    while not es_habil(dia):
        dia += _DIA
    return dia


def sumar_habiles(dia: date, n: int, seguro: bool = False) -> date:
    """The n-th business day after `dia` (counting starts the day after); `seguro` as in `es_habil`."""
    if n < 0:
        raise ValueError("n must be non-negative")
    while n:
        dia += _DIA
        if es_habil(dia, seguro):
            n -= 1
    return dia


def restar_habiles(dia: date, n: int) -> date:
    """The n-th business day before `dia`."""
    if n < 0:
        raise ValueError("n must be non-negative")
    while n:
        dia -= _DIA
        if es_habil(dia):
            n -= 1
    return dia


def vencimiento(radicacion: date, dias_habiles: int) -> date:
    """Last day of a term of N business days "from filing" (rulebook §7).

    The term starts on the first business day after the filing; a filing on a weekend or holiday
    counts as made on the next business day.
    """
    return sumar_habiles(habil_desde(radicacion), dias_habiles)


def dia_en_mes(anio: int, mes: int, dia: int) -> date:
    """Day `dia` of a month, or the month's last day when it has no such day."""
    return date(anio, mes, min(dia, calendar.monthrange(anio, mes)[1]))


def sumar_meses(dia: date, meses: int) -> date:
    """Same day `meses` calendar months later (the month's last day when it has no such day)."""
    total = dia.year * 12 + dia.month - 1 + meses
    return dia_en_mes(total // 12, total % 12 + 1, dia.day)


def siguiente_corte(dia: date, dia_corte: int) -> date:
    """The first billing cut-off strictly after `dia` for a cut-off day of month."""
    corte = dia_en_mes(dia.year, dia.month, dia_corte)
    if corte > dia:
        return corte
    return dia_en_mes(*_mes_siguiente(dia.year, dia.month), dia_corte)


def _mes_siguiente(anio: int, mes: int) -> tuple[int, int]:
    return (anio + 1, 1) if mes == 12 else (anio, mes + 1)


def meses_completos(desde: date, hasta: date) -> int:
    """Whole calendar months from `desde` to `hasta` (0 if `hasta` is before a month has run)."""
    meses = (hasta.year - desde.year) * 12 + hasta.month - desde.month
    if meses > 0 and sumar_meses(desde, meses) > hasta:
        meses -= 1
    return max(meses, 0)
