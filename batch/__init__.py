"""Batch letters for consumer advocates: a spreadsheet in, a letter pack out, at any scale.

`registrar(app)` adds the upload/job pages, the `lote` and `reanudar` commands and their settings.
"""

from __future__ import annotations

from typing import Any

DEFECTOS: dict[str, Any] = {
    "LOTE_MAX_FILAS": 5000,  # rows per web upload (the CLI has no cap)
    "LIMITE_LOTES": "10 per hour",  # uploads per client address
    "LIMITE_DESCARGAS_LOTE": "30 per hour",
    "DATABASE_URL": None,  # None: the DATABASE_URL environment variable or the embedded SQLite
    # `flask lote` on Celery gives up after this many seconds with no row moving and none of the
    # batch's tasks left in the broker (tasks lost), and prints the `reanudar` command.
    "LOTE_ESPERA_SIN_AVANCE": 60,
}


def registrar(app: Any) -> None:
    """Register the batch pages, commands and default settings on a Flask app (idempotent)."""
    if "lotes" in app.blueprints:
        return
    from batch.cli import COMANDOS
    from batch.vistas import lotes

    for clave, valor in DEFECTOS.items():
        app.config.setdefault(clave, valor)
    app.register_blueprint(lotes)
    for comando in COMANDOS:
        app.cli.add_command(comando)
