"""Salida's web application: `create_app()` wires configuration, blueprints and commands."""

from __future__ import annotations

import json
from typing import Any

import click
from flask import Flask

import batch
import casos
from web import DEFECTOS, api, base, cartas, paginas


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: embedded defaults, then `SALIDA_*` environment variables (or `test_config`)."""
    app = Flask(__name__)
    app.config.from_mapping(DEFECTOS)
    if test_config is None:
        app.config.from_prefixed_env("SALIDA")
    else:
        app.config.from_mapping(test_config)
    app.register_blueprint(base)
    app.register_blueprint(paginas)
    app.register_blueprint(api)
    batch.registrar(app)
    casos.registrar(app)
    cartas.preparar(app)  # the PDF render processes, started and warm before the first request

    @app.cli.command("openapi")
    def openapi() -> None:
        """Print the API's OpenAPI 3.1 document."""
        from web.openapi import documento

        click.echo(json.dumps(documento(), ensure_ascii=False, indent=2))

    return app
