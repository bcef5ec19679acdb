"""Salida's letters: from a Caso and its Decisión, the five formal letters as HTML, PDF and text.

Public API: `render_html`, `render_pdf`, `render_text` (each takes caso, decision, tipo), `calentar`
to warm a worker up, and the errors `CartaNoDisponible` and `RenderizadorNoDisponible`.
"""

from letters.errores import CartaNoDisponible, RenderizadorNoDisponible
from letters.pdf import combinar, documento_a_pdf
from letters.render import (
    TIPOS,
    calentar,
    render_documento,
    render_html,
    render_indice,
    render_pdf,
    render_text,
)

__all__ = [
    "TIPOS",
    "CartaNoDisponible",
    "RenderizadorNoDisponible",
    "calentar",
    "combinar",
    "documento_a_pdf",
    "render_documento",
    "render_html",
    "render_indice",
    "render_pdf",
    "render_text",
]
