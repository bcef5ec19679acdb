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
