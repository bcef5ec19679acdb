"""Public rendering functions: a Caso and its Decisión → letter as HTML, PDF or plain text."""

from __future__ import annotations

import gc
from typing import Any

from letters import pdf
from letters.contenido import construir
from letters.entorno import entorno, hoja_de_estilo
from letters.etiquetas import TITULOS
from letters.texto import html_a_texto
from letters.vista import Carta
from rules import TIPOS_CARTA, Caso, Decision, evaluar

TIPOS: tuple[str, ...] = TIPOS_CARTA
NOMBRES = TITULOS  # one name per letter kind: the PDF title, the index and the web pages


def carta(caso: Caso, decision: Decision | None, tipo: str) -> Carta:
    """The view model of a letter (the decision is computed when not given)."""
    return construir(caso, decision if decision is not None else evaluar(caso), tipo)


def _html(vista: Carta, estilo: str | None) -> str:
    plantilla = entorno().get_template(f"{vista.tipo}.html.j2")
    return plantilla.render(carta=vista, u=vista.usuario, op=vista.operador, estilo=estilo)


def render_html(caso: Caso, decision: Decision | None, tipo: str) -> str:
    """A standalone HTML preview of letter `tipo`, its print stylesheet inlined."""
    vista = carta(caso, decision, tipo)
    return _html(vista, hoja_de_estilo(vista.tipo))


def html_para_pdf(caso: Caso, decision: Decision | None, tipo: str) -> str:
    """The HTML `render_pdf` lays out (no inline style), for rendering it in another process."""
    return _html(carta(caso, decision, tipo), None)


def render_pdf(caso: Caso, decision: Decision | None, tipo: str,
               presupuesto: pdf.Presupuesto | None = None) -> bytes:
    """Letter `tipo` as a tagged PDF (PDF/UA-1), Letter size, fonts embedded and subset.

    With a `presupuesto`, a letter beyond it raises `PresupuestoExcedido` instead.
    """
    return pdf.html_a_pdf(html_para_pdf(caso, decision, tipo), tipo, presupuesto)


def render_documento(caso: Caso, decision: Decision | None, tipo: str,
                     presupuesto: pdf.Presupuesto | None = None) -> Any:
    """Letter `tipo` laid out as a WeasyPrint `Document` (for combining pages into one PDF)."""
    return pdf.html_a_documento(html_para_pdf(caso, decision, tipo), tipo, presupuesto)


def render_indice(titulo: str, entradas: list[tuple[int, str, int]]) -> Any:
    """An index page for a combined PDF: (row number, letter kind, first page), laid out."""
    html = entorno().get_template("indice.html.j2").render(titulo=titulo, entradas=entradas,
                                                         nombres=NOMBRES)
    return pdf.html_a_documento(html, "indice")


def render_text(caso: Caso, decision: Decision | None, tipo: str) -> str:
    """Letter `tipo` as plain text, to paste into an operator's web form."""
    return html_a_texto(_html(carta(caso, decision, tipo), None))


def _semilla() -> tuple[Caso, Decision]:
    from importlib.resources import files

    from rules import validar_caso

    caso = validar_caso((files("rules") / "ejemplos" / "semilla.json").read_bytes())
    return caso, evaluar(caso)


def calentar_plantillas() -> None:
    """Warm up the HTML side of this process: compile every letter template, draft one letter."""
    caso, decision = _semilla()
    for tipo in TIPOS:
        entorno().get_template(f"{tipo}.html.j2")
    render_text(caso, decision, "queja")


def calentar() -> None:
    """Warm up this process: compile the templates, build the PDF engine, lay out one letter."""
    calentar_plantillas()
    caso, decision = _semilla()
    pdf.calentar(html_para_pdf(caso, decision, "queja"), "queja")
    # Long-lived objects built so far (templates, parsed CSS, fonts) leave the collector's scans.
    gc.freeze()
