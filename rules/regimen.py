"""Which users' protection regime applies (rulebook §1), and what the engine does not cover."""

from __future__ import annotations

from datetime import date
from typing import Final

from rules import prosa, texto
from rules.contexto import Contexto
from rules.registro import Veredicto, regla

NO_CUBIERTO: Final = "no_cubierto"


def regimen_en(ctx: Contexto, fecha: date) -> str:
    """The regime id in force on `fecha` ('RPU-3066', 'RPU-5111'), or 'no_cubierto'."""
    valor = ctx.p.clave("regimen", fecha)
    return valor if valor is not None else NO_CUBIERTO


def fechas_fuera(ctx: Contexto) -> list[tuple[str, date]]:
    """The case's dates (field path, date) that fall before the engine's coverage."""
    caso = ctx.caso
    fechas: list[tuple[str, date]] = [
        ("fecha_evaluacion", caso.fecha_evaluacion),
        ("contrato.fecha_inicio", caso.contrato.fecha_inicio),
    ]
    if caso.permanencia is not None:
        fechas.append(("permanencia.fecha_inicio", caso.permanencia.fecha_inicio))
    fechas += [(f"fallas[{i}].inicio", f.inicio.date()) for i, f in enumerate(caso.fallas)]
    fechas += [(f"reclamaciones[{i}].fecha_radicacion", r.fecha_radicacion)
               for i, r in enumerate(caso.reclamaciones)]
    return [(campo, fecha) for campo, fecha in fechas if not ctx.cubierto(fecha)]


def no_cubierto(ctx: Contexto, que: str, fecha: date) -> Veredicto:
    """The verdict of a rule whose relevant date is before the engine's coverage."""
    desde = ctx.p.primera_fecha("cobertura_desde")
    regimen = prosa.norma_corta(ctx.p, ctx.p.parametros["regimen"].valores[0].valor)
    return Veredicto(
        NO_CUBIERTO,
        f"{que} es del {texto.fecha(fecha)}, antes del {texto.fecha(desde)}, cuando empezó a regir "
        f"la {regimen}. Salida no cubre hechos anteriores: consulte a un abogado.",
        fecha=fecha,
    )


@regla(
    "RPU-cobertura",
    "Las fechas del caso están dentro del período que cubre Salida",
    "Régimen aplicable",
    ("RPU-3066", "RPU-5111"),
    ("cobertura_desde", "regimen"),
    favorece_si_cumple=None,
)
def cobertura(ctx: Contexto) -> Veredicto:
    """Facts before 2011-05-18 are outside the engine's coverage: it says so instead of guessing."""
    desde = ctx.p.primera_fecha("cobertura_desde")
    fuera = fechas_fuera(ctx)
    regimen = regimen_en(ctx, ctx.hoy)
    usados = [ctx.usado("cobertura_desde", desde), ctx.usado("regimen", ctx.hoy)]
    if not fuera:
        nombre = ctx.p.fuentes[regimen].norma
        return Veredicto(
            "cumple",
            f"Todas las fechas del caso son posteriores al {texto.fecha(desde)}. A los actos de hoy "
            f"se les aplica: {nombre}.",
            fecha=ctx.hoy, parametros=usados,
        )
    detalle = texto.lista(f"{campo} ({texto.fecha(f)})" for campo, f in fuera)
    return Veredicto(
        NO_CUBIERTO,
        f"Estas fechas son anteriores al {texto.fecha(desde)} y Salida no las cubre: {detalle}. "
        "Las reglas que dependen de ellas se marcan «no cubierto»; consulte a un abogado.",
        fecha=desde, parametros=usados,
    )
