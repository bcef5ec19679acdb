"""Batch letters for consumer advocates: a spreadsheet in, a letter pack out, at any scale.

`registrar(app)` adds the upload/job pages and the `lote`, `reanudar` and `lotes` commands, and
chooses the runner; `AJUSTES` are the batch settings (merged with the others by `create_app`).
"""

from __future__ import annotations

from typing import Any

AJUSTES: dict[str, Any] = {
    "LOTE_MAX_FILAS": 5000,  # rows per web upload (the CLI has no cap)
    "LIMITE_LOTES": "10 per hour",  # uploads per client address
    "LIMITE_DESCARGAS_LOTE": "30 per hour",
    "DATABASE_URL": None,  # DATABASE_URL (or SALIDA_DATABASE_URL); None: the embedded SQLite file
    "CELERY_BROKER_URL": None,  # a Redis URL: batches go to Celery workers (the `distribuido` extra)
    "EJECUTOR": "",  # SALIDA_EJECUTOR: "embebido" or "celery" to force a runner; "": by the broker URL
    "CELERY_COLA": "salida",  # SALIDA_CELERY_COLA: the Celery queue
    # `flask lote` on Celery gives up after this many seconds with no row moving and none of the
    # batch's tasks left in the broker (tasks lost), and prints the `reanudar` command.
    "LOTE_ESPERA_SIN_AVANCE": 60,
}


def registrar(app: Any) -> None:
    """Register the batch pages and commands on a Flask app built with `AJUSTES`, and its runner
    (idempotent); a runner that cannot work here stops the start-up with a Spanish message."""
    if "lotes" in app.blueprints:
        return
    from batch.cli import COMANDOS
    from batch.ejecutores import ejecutor_configurado
    from batch.vistas import lotes

    app.extensions["salida_lotes"] = {"ejecutor": ejecutor_configurado(app.config)}
    app.register_blueprint(lotes)
    for comando in COMANDOS:
        app.cli.add_command(comando)
