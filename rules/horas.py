"""Counting unavailability (rulebook C5): merge overlapping incidents, split them by calendar month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from rules.caso import BOGOTA

Intervalo = tuple[datetime, datetime, bool]  # start, end, still ongoing


@dataclass
class HorasMes:
    """One service's unavailability in one calendar month (Bogotá time)."""

    horas: float = 0.0
    periodos: int = 0  # merged periods that touch the month
    fusionados: int = 0  # incidents that overlapped another one and were counted once
    en_curso: bool = False
    max_continuo: float = 0.0  # longest continuous period touching the month, whole length
    max_24h: float = 0.0  # most hours inside any 24-hour window starting in the month


def unir(intervalos: list[Intervalo]) -> list[tuple[datetime, datetime, bool, int]]:
    """Merge overlapping or touching intervals: (start, end, ongoing, how many were merged)."""
    unidos: list[list] = []
    for inicio, fin, en_curso in sorted(intervalos):
        if fin <= inicio:
            continue
        if unidos and inicio <= unidos[-1][1]:
            ultimo = unidos[-1]
            if fin > ultimo[1]:
                ultimo[1], ultimo[2] = fin, en_curso
            elif fin == ultimo[1]:
                ultimo[2] = ultimo[2] or en_curso
            ultimo[3] += 1
        else:
            unidos.append([inicio, fin, en_curso, 1])
    return [tuple(u) for u in unidos]


def _inicio_mes_siguiente(m: datetime) -> datetime:
    anio, mes = (m.year + 1, 1) if m.month == 12 else (m.year, m.month + 1)
    return datetime(anio, mes, 1, tzinfo=BOGOTA)


def _clave(m: datetime) -> str:
    return f"{m.year:04d}-{m.month:02d}"


def horas_por_mes(intervalos: list[Intervalo]) -> dict[str, HorasMes]:
    """Hours per calendar month ('2026-11') of the merged intervals, in month order."""
    por_mes: dict[str, HorasMes] = {}
    unidos = unir(intervalos)
    for inicio, fin, en_curso, cuantos in unidos:
        tramo, fin = inicio.astimezone(BOGOTA), fin.astimezone(BOGOTA)
        largo = (fin - tramo).total_seconds() / 3600
        while tramo < fin:
            corte = min(fin, _inicio_mes_siguiente(tramo))
            mes = por_mes.setdefault(_clave(tramo), HorasMes())
            mes.horas += (corte - tramo).total_seconds() / 3600
            mes.periodos += 1
            mes.fusionados += cuantos - 1
            mes.en_curso = mes.en_curso or (en_curso and corte == fin)
            mes.max_continuo = max(mes.max_continuo, largo)
            tramo = corte
    # A busiest 24-hour window can always start where a period starts.
    for inicio, _, _, _ in unidos:
        ventana = inicio + timedelta(hours=24)
        horas = sum(max(0.0, (min(f, ventana) - max(i, inicio)).total_seconds() / 3600)
                    for i, f, _, _ in unidos)
        mes = por_mes[_clave(inicio.astimezone(BOGOTA))]
        mes.max_24h = max(mes.max_24h, horas)
    return dict(sorted(por_mes.items()))
