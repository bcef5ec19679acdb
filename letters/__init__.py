"""Salida's letters: from a Caso and its Decisión, the five formal letters as HTML, PDF and text.

Public API: `render_html`, `render_pdf`, `render_text` (each takes caso, decision, tipo; `render_pdf`
also an optional `Presupuesto` of pages and CPU seconds), `html_para_pdf` (for rendering in another
process, see `letters.procesos`), `calentar` to warm a worker up, and the errors `CartaNoDisponible`,
`PresupuestoExcedido` and `RenderizadorNoDisponible` (with `RenderizadorOcupado`, `RenderizadorCaido`).
For a batch's printing PDF: `render_indice`, `documento_a_pdf`, and `unir` (tagged letters, each a
`Pieza`, joined into one PDF that stays tagged); `TITULOS` names each letter kind.
"""

from letters.errores import (
    CartaNoDisponible,
    PresupuestoExcedido,
    RenderizadorCaido,
    RenderizadorNoDisponible,
    RenderizadorOcupado,
)
from letters.etiquetas import TITULOS
from letters.pdf import Presupuesto, con_presupuesto, documento_a_pdf
from letters.render import (
    TIPOS,
    calentar,
    html_para_pdf,
    render_documento,
    render_html,
    render_indice,
    render_pdf,
    render_text,
)
from letters.union import Pieza, unir

__all__ = [
    "TIPOS",
    "TITULOS",
    "CartaNoDisponible",
    "Pieza",
    "Presupuesto",
    "PresupuestoExcedido",
    "RenderizadorCaido",
    "RenderizadorNoDisponible",
    "RenderizadorOcupado",
    "calentar",
    "con_presupuesto",
    "documento_a_pdf",
    "html_para_pdf",
    "render_documento",
    "render_html",
    "render_indice",
    "render_pdf",
    "render_text",
    "unir",
]
