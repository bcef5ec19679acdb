"""The timeline both pages show: each deadline dated and worded, today's mark, the contract's end."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from presentacion import redaccion
from rules import Plazo


@dataclass(frozen=True)
class Hito:
    """One date on the timeline: a deadline (`plazo`), today, or the day the contract would end."""

    fecha: date
    titulo: str
    detalle: str
    situacion: str  # vencido | hoy | pendiente | desde | fin
    estado: str | None = None  # the source's status (V | S | U) of a deadline
    dias: int = 0  # from the evaluation date
    plazo: Plazo | None = None


def situacion(p: Plazo, hoy: date) -> str:
    """Where a deadline stands on `hoy`: vencido, hoy, pendiente, or desde (a date from which)."""
    if p.vence is None:
        return "desde"
    if p.vencido or p.vence < hoy:
        return "vencido"
    return "hoy" if p.vence == hoy else "pendiente"


def linea_de_tiempo(plazos: Iterable[Plazo], hoy: date, *, marcar_hoy: bool = False,
                    fin: date | None = None) -> list[Hito]:
    """The deadlines by date, worded as `redaccion` words them; with `marcar_hoy`, a mark for the
    evaluation date; with `fin`, the day the contract would end if termination is asked in time."""
    hitos = [Hito(hoy, "Hoy", "La fecha con la que se hizo el cálculo.", "hoy")] if marcar_hoy else []
    for p in plazos:
        fecha = p.vence or p.desde
        hitos.append(Hito(fecha, redaccion.titulo(p), redaccion.detalle(p, hoy), situacion(p, hoy),
                          p.estado, (fecha - hoy).days, p))
    if fin is not None:
        hitos.append(Hito(fin, "Su contrato terminaría",
                          "Si pide la terminación a tiempo. Desde ese día no pueden facturarle más "
                          "periodos.", "fin", None, (fin - hoy).days))
    return sorted(hitos, key=lambda h: (h.fecha, h.situacion != "hoy"))
