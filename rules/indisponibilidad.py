"""Unavailability per service and calendar month, with the threshold and estimate in force then."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time

from rules import texto
from rules.caso import BOGOTA, Caso, Falla
from rules.contexto import Contexto
from rules.decision import ParametroUsado
from rules.horas import HorasMes, horas_por_mes


@dataclass(frozen=True)
class MesServicio:
    """Unavailability of one service in one calendar month (Bogotá time)."""

    servicio: str
    mes: str
    horas: float
    conteo: HorasMes
    umbral: ParametroUsado | None
    supera: bool | None  # None: no threshold in force (or mobile, which has none)
    cargo: int
    valor: int | None
    automatica: bool
    sin_parametro: bool = False  # mobile: no rule known for that date
    ambigua: bool = False  # TV: above the threshold under one reading of its window only

    @property
    def en_curso(self) -> bool:
        """Whether a period of this month is still ongoing."""
        return self.conteo.en_curso


def redondear(valor: float) -> int:
    """Round half up to whole pesos (the same rule everywhere)."""
    return int(valor + 0.5)


def cargo_mensual(caso: Caso, servicio: str) -> int:
    """A service's monthly charge: its own value, or its share of the rest of the bill."""
    propios = caso.contrato.valores_por_servicio or {}
    if servicio in propios:
        return propios[servicio]
    sin_valor = [s for s in caso.contrato.servicios if s not in propios]
    resto = max(0, caso.contrato.valor_mensual - sum(propios.values()))
    return redondear(resto / len(sin_valor))


def limite_en_curso(caso: Caso) -> datetime:
    """Ongoing incidents count up to the start of the evaluation day (Bogotá): hours already lived."""
    return datetime.combine(caso.fecha_evaluacion, time(0), tzinfo=BOGOTA)


def fallas_cubiertas(ctx: Contexto) -> tuple[list[Falla], list[Falla]]:
    """The incidents inside the engine's coverage, and those before it."""
    dentro = [f for f in ctx.caso.fallas if ctx.cubierto(f.inicio.date())]
    fuera = [f for f in ctx.caso.fallas if not ctx.cubierto(f.inicio.date())]
    return dentro, fuera


def calcular_meses(ctx: Contexto) -> list[MesServicio]:
    """Unavailability rows for every service with covered failures, in contract order."""
    caso = ctx.caso
    limite = limite_en_curso(caso)
    dentro, _ = fallas_cubiertas(ctx)
    filas: list[MesServicio] = []
    for servicio in caso.contrato.servicios:
        propias = [f for f in dentro if f.servicio == servicio]
        if not propias:
            continue
        intervalos = [(f.inicio, f.fin or limite, f.fin is None) for f in propias]
        cargo = cargo_mensual(caso, servicio)
        for mes, conteo in horas_por_mes(intervalos).items():
            filas.append(_fila(ctx, servicio, mes, conteo, cargo, propias))
    return filas


def _fila(ctx: Contexto, servicio: str, mes: str, conteo: HorasMes, cargo: int,
          propias: list[Falla]) -> MesServicio:
    anio, numero = (int(x) for x in mes.split("-"))
    primer_dia = date(anio, numero, 1)
    if servicio == "movil":
        # The repeal took effect mid-month: each incident is judged by its own date.
        del_mes = [f for f in propias if (f.inicio.year, f.inicio.month) == (anio, numero)]
        valores = [ctx.p.booleano("compensacion_automatica_voz_movil", f.inicio.date())
                   for f in del_mes or propias]
        return MesServicio(servicio, mes, conteo.horas, conteo, None, None, cargo, None,
                           any(v is True for v in valores), all(v is None for v in valores))
    umbral = ctx.usado(f"umbral_horas_{servicio}", primer_dia)
    factor = ctx.p.numero("formula_compensacion_factor", primer_dia)
    if umbral is None or factor is None:
        return MesServicio(servicio, mes, conteo.horas, conteo, umbral, None, cargo, None, False)
    ambigua = False
    if servicio == "television":
        # The TV window is unclear (U): a continuous period or a 24-hour window. Hold it only
        # when both readings agree; flag the month when they differ.
        supera = conteo.max_continuo > umbral.valor
        ambigua = not supera and conteo.max_24h > umbral.valor
    else:
        supera = conteo.horas > umbral.valor
    horas_mes = calendar.monthrange(anio, numero)[1] * 24
    valor = redondear(cargo * conteo.horas / horas_mes * factor) if supera else 0
    return MesServicio(servicio, mes, conteo.horas, conteo, umbral, supera, cargo, valor, supera,
                       ambigua=ambigua)


def describir(fila: MesServicio) -> str:
    """'en noviembre de 2026 el internet fijo estuvo sin servicio 11 horas y 30 minutos (límite…)'."""
    limite = f" (límite: {texto.horas(fila.umbral.valor)})" if fila.umbral else ""
    curso = ", y la falla sigue" if fila.en_curso else ""
    sujeto = "la línea móvil" if fila.servicio == "movil" else texto.el_servicio(fila.servicio)
    return (f"en {texto.mes(fila.mes)} {sujeto} estuvo sin servicio "
            f"{texto.duracion(fila.horas)}{limite}{curso}")
