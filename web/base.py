"""The blueprint without pages that wires security, error pages, logging and template helpers."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Flask, current_app, request
from flask.sansio.blueprints import BlueprintSetupState
from flask_wtf.csrf import CSRFError

import letters
from rules import texto as tx
from web import campos, errores, etiquetas
from web.config import completar
from web.registro import FiltroDatosPersonales
from web.seguridad import csrf, limiter, poner_cabeceras

base = Blueprint("base", __name__)


@base.record_once
def _preparar(estado: BlueprintSetupState) -> None:
    app: Flask = estado.app
    completar(app)
    app.before_request(_limite_de_la_vista)  # before CSRF, which reads the form
    csrf.init_app(app)
    limiter.init_app(app)
    app.logger.addFilter(FiltroDatosPersonales())
    app.after_request(poner_cabeceras)
    app.register_error_handler(CSRFError, errores.csrf)
    app.register_error_handler(letters.CartaNoDisponible, errores.carta_no_disponible)
    app.register_error_handler(letters.RenderizadorNoDisponible, errores.sin_renderizador)
    app.register_error_handler(RecursionError, errores.anidado)
    app.register_error_handler(Exception, errores.inesperado)
    app.jinja_env.globals.update(campo_id=campos.campo_id, et=etiquetas)
    app.jinja_env.filters.update(fecha=_fecha, pesos=tx.pesos)


def _limite_de_la_vista() -> None:
    """A view that takes files (`vista.limite_cuerpo`) may receive more than MAX_CONTENT_LENGTH."""
    vista = current_app.view_functions.get(request.endpoint or "")
    limite = getattr(vista, "limite_cuerpo", None)
    if limite:
        request.max_content_length = limite


def _fecha(valor: date | str | None) -> str:
    if valor is None:
        return ""
    return tx.fecha(date.fromisoformat(valor) if isinstance(valor, str) else valor)
