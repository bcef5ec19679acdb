"""Facts derived once per case and shared by the rules (dates, hours, amounts)."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from rules.caso import Caso
from rules.decision import ParametroUsado
from rules.parametros import Parametros

if TYPE_CHECKING:
    from rules.amortizacion import CalculoPermanencia
    from rules.indisponibilidad import MesServicio
    from rules.pqr import EstadoPQR
    from rules.registro import Veredicto
    from rules.terminacion import CalculoTerminacion


class Contexto:
    """One case, the parameters, and what the chapters computed from them."""

    def __init__(self, caso: Caso, params: Parametros) -> None:
        self.caso = caso
        self.p = params
        self.hoy: date = caso.fecha_evaluacion
        self.resultados: dict[str, Veredicto] = {}  # rulebook id → Veredicto, filled as rules run

    def cubierto(self, fecha: date) -> bool:
        """Whether `fecha` is inside the period the engine covers."""
        return fecha >= self.p.primera_fecha("cobertura_desde")

    def usado(self, nombre: str, fecha: date) -> ParametroUsado | None:
        """The parameter value in force on `fecha`, as a finding records it."""
        return self.p.usado(nombre, fecha)

    def desde(self, nombre: str, valor: object) -> date:
        """The first date parameter `nombre` took `valor` (for wording explanations from the file)."""
        fecha = next((v.desde for v in self.p.parametros[nombre].valores if v.valor == valor), None)
        if fecha is None:
            raise LookupError(f"parameter {nombre!r} never takes the value {valor!r}")
        return fecha

    def cobertura(self) -> str:
        """'18 de mayo de 2011': the first day the engine covers, in words."""
        from rules.texto import fecha

        return fecha(self.p.primera_fecha("cobertura_desde"))

    @cached_property
    def terminacion(self) -> CalculoTerminacion | None:
        """Notice, cut-off and effective date of a termination."""
        from rules.terminacion import calcular_terminacion

        return calcular_terminacion(self)

    @cached_property
    def permanencia(self) -> CalculoPermanencia | None:
        """End date and lawful amount of the permanence clause, if any."""
        from rules.amortizacion import calcular_permanencia

        return calcular_permanencia(self)

    @cached_property
    def meses(self) -> list[MesServicio]:
        """Unavailability per service and calendar month."""
        from rules.indisponibilidad import calcular_meses

        return calcular_meses(self)

    @cached_property
    def pqrs(self) -> list[EstadoPQR]:
        """Deadlines, silencio positivo and appeal terms of each PQR filed."""
        from rules.pqr import calcular_pqrs

        return calcular_pqrs(self)
