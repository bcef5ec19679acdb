"""Salida's web application: `create_app()` wires settings, extensions, handlers and blueprints."""

from __future__ import annotations

import json
import os
from typing import Any

import click
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

import batch
import casos
from web import api, base, bitacora, cartas, config, errores, paginas, seguridad

# Every setting, once: each package declares its own, merged here (README, "Configuration").
AJUSTES = config.unir(config.AJUSTES, batch.AJUSTES, casos.AJUSTES)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: embedded defaults, then `SALIDA_*` environment variables (or `test_config`)."""
    app = Flask(__name__)
    app.config.update(config.leer(AJUSTES, os.environ, test_config))
    config.completar(app)  # a secret key, the cookie's name; refuses unsafe gunicorn set-ups
    if proxies := int(app.config["PROXIES_DE_CONFIANZA"] or 0):  # the client's address and scheme
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies,  # type: ignore[method-assign]
                                x_host=proxies)
    seguridad.instalar(app)  # body limits per view, CSRF, rate limits, security headers
    bitacora.instalar(app)  # no personal data in the logs
    errores.instalar(app)  # Spanish error pages, never a traceback
    base.instalar(app)  # template helpers

    app.register_blueprint(paginas)
    app.register_blueprint(api)
    batch.registrar(app)  # upload pages, `lote` commands, the runner (embedded or Celery)
    casos.registrar(app)  # saved cases, accounts, dashboard, their commands
    app.cli.add_command(openapi)
    cartas.preparar(app)  # the PDF render processes, started and warm before the first request
    return app


@click.command("openapi")
def openapi() -> None:
    """Print the API's OpenAPI 3.1 document."""
    from web.openapi import documento

    click.echo(json.dumps(documento(), ensure_ascii=False, indent=2))
