"""The permanence clause's figures: its end date and the most that may be collected (rulebook P5, P7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rules.calendario import meses_completos, sumar_meses
from rules.caso import Permanencia
from rules.contexto import Contexto


@dataclass(frozen=True)
class CalculoPermanencia:
    """The clause's end date and the most that may be collected on leaving at `fecha_salida`."""

    fecha_fin: date
    fecha_salida: date
    meses_restantes: int
    valor_lineal: int | None
    valor_proporcional: int | None


def fecha_fin(permanencia: Permanencia) -> date:
    """End of the term: start + agreed months + months of voluntary suspension (P7)."""
    return sumar_meses(
        permanencia.fecha_inicio, permanencia.meses + permanencia.meses_suspension_voluntaria
    )


def meses_restantes(permanencia: Permanencia, salida: date) -> int:
    """Billing months of the clause still missing when the contract ends on `salida`."""
    total = permanencia.meses + permanencia.meses_suspension_voluntaria
    faltan = total - meses_completos(permanencia.fecha_inicio, salida)
    return max(0, min(permanencia.meses, faltan))


def monto_lineal(valor_beneficio: int, permanencia: Permanencia, salida: date) -> int:
    """P5: benefit × months remaining / months agreed (linear amortisation), 0 once ended."""
    restantes = meses_restantes(permanencia, salida)
    return (valor_beneficio * restantes * 2 + permanencia.meses) // (2 * permanencia.meses)


def calcular_permanencia(ctx: Contexto) -> CalculoPermanencia | None:
    """The clause's figures when leaving on the termination's effective date."""
    perm = ctx.caso.permanencia
    if perm is None:
        return None
    term = ctx.terminacion
    salida = term.fecha_efectiva if term is not None else ctx.hoy
    lineal = None if perm.valor_beneficio is None else monto_lineal(perm.valor_beneficio, perm, salida)
    tope = lineal
    if perm.valor_exigido is not None:
        tope = perm.valor_exigido if lineal is None else min(lineal, perm.valor_exigido)
    restantes = meses_restantes(perm, salida)
    if restantes == 0:
        tope = 0
    elif lineal is None:
        tope = None  # without the benefit's value the lawful cap is unknown
    return CalculoPermanencia(fecha_fin(perm), salida, restantes, lineal, tope)


