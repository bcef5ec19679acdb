"""The letters on the web: which ones the page offers, their text to copy, and the downloads."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Response, current_app

import letters
from rules import Caso, Decision
from web import etiquetas as et

TIPOS_MIME = {
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
    "html": "text/html; charset=utf-8",
}


@dataclass(frozen=True)
class CartaEnPagina:
    """A letter as the decision page offers it."""

    tipo: str
    titulo: str
    descripcion: str
    sugerida: bool
    texto: str | None  # None when the letter could not be drafted (the page says so)


def para_la_pagina(caso: Caso, decision: Decision) -> dict[str, list]:
    """Suggested letters first, then the other possible ones, then those unavailable and why."""
    orden = [*decision.cartas_sugeridas,
             *(t for t in decision.cartas_posibles if t not in decision.cartas_sugeridas)]
    no_disponibles = dict(decision.cartas_no_disponibles)
    ofrecidas = []
    for t in orden:
        try:
            texto = letters.render_text(caso, decision, t)
        except letters.CartaNoDisponible as exc:
            no_disponibles[t] = exc.motivo
            continue
        except Exception:  # a letter that fails must not take the decision page down
            current_app.logger.exception("No se pudo redactar la carta %s", t)
            texto = None
        titulo, descripcion = et.CARTAS.get(t, (t, ""))
        ofrecidas.append(CartaEnPagina(t, titulo, descripcion, t in decision.cartas_sugeridas, texto))
    return {"ofrecidas": ofrecidas,
            "no_disponibles": [(et.CARTAS.get(t, (t, ""))[0], m) for t, m in no_disponibles.items()]}


def renderizar(caso: Caso, decision: Decision, tipo: str, formato: str) -> bytes:
    """Letter `tipo` in `formato` (pdf | txt | html) as bytes."""
    if formato == "pdf":
        return letters.render_pdf(caso, decision, tipo)
    if formato == "html":
        return letters.render_html(caso, decision, tipo).encode("utf-8")
    return letters.render_text(caso, decision, tipo).encode("utf-8")


def descarga(caso: Caso, decision: Decision, tipo: str, formato: str) -> Response:
    """The letter as a download, named without personal data (`salida-terminacion.pdf`)."""
    cuerpo = renderizar(caso, decision, tipo, formato)
    respuesta = Response(cuerpo, content_type=TIPOS_MIME[formato])
    respuesta.headers["Content-Disposition"] = f'attachment; filename="salida-{tipo}.{formato}"'
    return respuesta
