"""The letters package's errors, each with a Spanish message for the person."""

from __future__ import annotations


class CartaNoDisponible(ValueError):
    """The decision does not support this letter kind; `motivo` says why, in Spanish."""

    def __init__(self, tipo: str, motivo: str) -> None:
        self.tipo = tipo
        self.motivo = motivo
        super().__init__(f"No se puede generar la carta «{tipo}»: {motivo}")


class RenderizadorNoDisponible(RuntimeError):
    """The PDF renderer cannot start (e.g. HarfBuzz's subsetter library is missing)."""


class PresupuestoExcedido(ValueError):
    """The letter would cost more than its render budget: more pages, or more CPU seconds.

    `limite` is "paginas" or "segundos" and `valor` the budget that was exceeded; `motivo` says it in
    Spanish, with what the person can do about it.
    """

    def __init__(self, limite: str, valor: float) -> None:
        self.limite = limite
        self.valor = valor
        super().__init__(self.motivo)

    def __reduce__(self) -> tuple[type, tuple[str, float]]:
        return (type(self), (self.limite, self.valor))

    @property
    def motivo(self) -> str:
        """What happened and what to do, for the person."""
        if self.limite == "paginas":
            paginas = "una página" if self.valor == 1 else f"{self.valor:g} páginas"
            causa = f"La carta tendría más de {paginas}, más de lo que una carta puede llevar."
        else:
            causa = (f"La carta es demasiado extensa: generarla en PDF tomaría más de {self.valor:g} "
                     "segundos de cálculo.")
        return (f"{causa} Acorte las descripciones de las fallas, reclamaciones, cambios o gastos, o "
                "quite filas, e inténtelo de nuevo. La carta en texto sigue disponible.")


class RenderizadorOcupado(RenderizadorNoDisponible):
    """Every PDF render process stayed busy for longer than a request may wait."""


class RenderizadorCaido(RenderizadorNoDisponible):
    """The render process died while drawing this letter (it has been replaced)."""
