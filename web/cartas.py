"""The letters on the web: which ones the page offers, and their downloads (PDF, or text to copy).

PDFs are drawn in a bounded pool of render processes (`letters.procesos`), never in the thread that
serves pages, each within a budget of pages and CPU seconds. Settings (`SALIDA_` environment
variables): PDF_PROCESOS render processes per serving process (0: draw in the request's own thread,
the old way; tests default to 0), PDF_PAGINAS and PDF_SEGUNDOS the budget, PDF_ESPERA how long a
request may wait for a free process before a 503, PDF_EN_COLA how many may wait at once (one more is
a 503 at once, so waiting PDFs never hold every thread that serves pages).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import click
from flask import Flask, Response, abort, current_app

import letters
from letters import procesos
from letters.pdf import Presupuesto
from letters.render import calentar_plantillas
from letters.render import carta as modelo_de_carta
from rules import Caso, Decision
from web import etiquetas as et
from web.errores import respuesta_error

PDF_DEFECTOS: dict[str, Any] = {
    "PDF_PROCESOS": 2,  # one of them only for long letters (see letters.procesos)
    "PDF_PAGINAS": 40,
    "PDF_SEGUNDOS": 5.0,  # CPU seconds of the render process
    "PDF_ESPERA": 30.0,
    "PDF_EN_COLA": 4,  # per serving process: with 2 processes, about two renders' wait
}

TIPOS_MIME = {
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
    "html": "text/html; charset=utf-8",
}


@dataclass(frozen=True)
class CartaEnPagina:
    """A letter as the decision page offers it (its text loads on demand, not with the page)."""

    tipo: str
    titulo: str
    descripcion: str
    sugerida: bool
    redactable: bool  # False when the letter could not be drafted (the page says so)


def para_la_pagina(caso: Caso, decision: Decision) -> dict[str, list]:
    """Suggested letters first, then the other possible ones, then those unavailable and why.

    Each offered letter's view model is built (well under a millisecond) so that a letter the letters
    package refuses lands among the unavailable ones with its reason, but no letter is rendered: the
    text for copying loads when the person opens it (POST /cartas/<tipo>.txt, static/js/salida.js).
    """
    orden = [*decision.cartas_sugeridas,
             *(t for t in decision.cartas_posibles if t not in decision.cartas_sugeridas)]
    no_disponibles = dict(decision.cartas_no_disponibles)
    ofrecidas = []
    for t in orden:
        try:
            modelo_de_carta(caso, decision, t)
            redactable = True
        except letters.CartaNoDisponible as exc:
            no_disponibles[t] = exc.motivo
            continue
        except Exception:  # a letter that fails must not take the decision page down
            current_app.logger.exception("No se pudo redactar la carta %s", t)
            redactable = False
        titulo, descripcion = et.CARTAS.get(t, (t, ""))
        ofrecidas.append(CartaEnPagina(t, titulo, descripcion, t in decision.cartas_sugeridas,
                                       redactable))
    return {"ofrecidas": ofrecidas,
            "no_disponibles": [(et.CARTAS.get(t, (t, ""))[0], m) for t, m in no_disponibles.items()]}


def ajuste(config: Mapping[str, Any], clave: str) -> Any:
    """A PDF setting from the app's configuration, or its default (PDF_PROCESOS is 0 in tests)."""
    if clave == "PDF_PROCESOS" and clave not in config and config.get("TESTING"):
        return 0
    return config.get(clave, PDF_DEFECTOS[clave])


def _comando_sin_servidor() -> bool:
    """Whether a `flask` command other than `run` is building the app (it serves no PDFs)."""
    contexto = click.get_current_context(silent=True)
    return contexto is not None and contexto.info_name != "run"


def preparar(app: Flask) -> None:
    """Start and warm this process's render pool (PDF_PROCESOS > 0) before the first request."""
    n = int(ajuste(app.config, "PDF_PROCESOS"))
    if n > 0 and not _comando_sin_servidor():
        _pool(app.config, n).calentar()
        calentar_plantillas()


def preparar_desde_el_entorno() -> None:
    """`preparar` for a server process that has no app yet (gunicorn's post-fork hook)."""
    n = int(os.environ.get("SALIDA_PDF_PROCESOS", PDF_DEFECTOS["PDF_PROCESOS"]))
    espera = float(os.environ.get("SALIDA_PDF_ESPERA", PDF_DEFECTOS["PDF_ESPERA"]))
    en_cola = int(os.environ.get("SALIDA_PDF_EN_COLA", PDF_DEFECTOS["PDF_EN_COLA"]))
    if n > 0:
        procesos.del_proceso(n, espera, en_cola).calentar()
        calentar_plantillas()
    else:
        letters.calentar()


def _pool(config: Mapping[str, Any], n: int) -> procesos.PoolDeRender:
    return procesos.del_proceso(n, float(ajuste(config, "PDF_ESPERA")), int(ajuste(config, "PDF_EN_COLA")))


def _pdf(caso: Caso, decision: Decision, tipo: str) -> bytes:
    config = current_app.config
    presupuesto = Presupuesto(int(ajuste(config, "PDF_PAGINAS")), float(ajuste(config, "PDF_SEGUNDOS")))
    n = int(ajuste(config, "PDF_PROCESOS"))
    if n == 0:
        with letters.con_presupuesto(presupuesto):
            return letters.render_pdf(caso, decision, tipo)
    return _pool(config, n).html_a_pdf(letters.html_para_pdf(caso, decision, tipo), tipo, presupuesto)


def renderizar(caso: Caso, decision: Decision, tipo: str, formato: str) -> bytes:
    """Letter `tipo` in `formato` (pdf | txt | html) as bytes."""
    if formato == "pdf":
        return _pdf(caso, decision, tipo)
    if formato == "html":
        return letters.render_html(caso, decision, tipo).encode("utf-8")
    return letters.render_text(caso, decision, tipo).encode("utf-8")


def descarga(caso: Caso, decision: Decision, tipo: str, formato: str) -> Response:
    """The letter as a download, named without personal data (`salida-terminacion.pdf`).

    A letter beyond its render budget answers 413 with the reason; all render processes busy, 503.
    Both end the request here (nothing after the download runs, e.g. recording it in a saved case).
    """
    try:
        cuerpo = renderizar(caso, decision, tipo, formato)
    except letters.PresupuestoExcedido as exc:
        abort(respuesta_error(413, exc.motivo))
    except letters.RenderizadorOcupado:
        ocupado = respuesta_error(503)
        ocupado.headers["Retry-After"] = "30"
        abort(ocupado)
    respuesta = Response(cuerpo, content_type=TIPOS_MIME[formato])
    respuesta.headers["Content-Disposition"] = f'attachment; filename="salida-{tipo}.{formato}"'
    return respuesta
