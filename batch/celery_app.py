"""The Celery application: `celery -A batch.celery_app worker` on any number of machines.

Celery is the `distribuido` extra (`pip install -e '.[distribuido]'`); nothing here imports it until
an app is built. The web process builds its app from its settings (`crear`, by the Celery runner);
a worker builds its own from the environment when Celery asks this module for `app`: workers need
`CELERY_BROKER_URL` (Redis), the same `DATABASE_URL` as the web process and, if the web's differs
from `salida`, the same `SALIDA_CELERY_COLA`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from batch.ejecutores import TAREAS_POR_TRABAJADOR, calentar_trabajador, procesar_bloque

if TYPE_CHECKING:
    from celery import Celery

TAREA = "salida.procesar_bloque"
SIN_CELERY = ("Los lotes se enviarían a trabajadores Celery (CELERY_BROKER_URL o SALIDA_EJECUTOR=celery), "
              "pero Celery no está instalado. Instálelo con el extra distribuido "
              "(pip install -e '.[distribuido]'), o quite esas variables para procesar los lotes en "
              "esta máquina con el ejecutor embebido.")


@cache
def crear(broker: str, cola: str, url_bd: str | None = None) -> Celery:
    """A Celery app on `broker` whose tasks go to `cola`; its task processes chunks on `url_bd`
    (a worker's database; the web process only sends). RuntimeError (Spanish) without Celery."""
    try:
        from celery import Celery
        from celery.signals import worker_process_init
    except ImportError as exc:
        raise RuntimeError(SIN_CELERY) from exc

    app = Celery("salida", broker=broker)
    app.conf.update(
        task_acks_late=True,  # a chunk whose worker dies is delivered again
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        worker_max_tasks_per_child=TAREAS_POR_TRABAJADOR,
        task_ignore_result=True,  # results live in the database
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        task_default_queue=cola,
    )

    @app.task(name=TAREA)
    def procesar_bloque_tarea(lote_id: str, fila_ids: list[int]) -> int:
        """Process one chunk of a batch's rows."""
        return procesar_bloque(url_bd, lote_id, fila_ids)

    worker_process_init.connect(_calentar, weak=False, dispatch_uid="salida-calentar")
    return app


def _calentar(**_: object) -> None:
    calentar_trabajador()


def del_entorno(entorno: Mapping[str, str] | None = None) -> Celery:
    """A worker's app, from the environment at its start-up: the batch settings (`batch.AJUSTES`)
    read as `create_app` reads them."""
    from batch import AJUSTES
    from web.config import REDIS_POR_DEFECTO, leer

    ajustes = leer(AJUSTES, os.environ if entorno is None else entorno)
    return crear(ajustes["CELERY_BROKER_URL"] or REDIS_POR_DEFECTO, ajustes["CELERY_COLA"],
                 ajustes["DATABASE_URL"])


def __getattr__(nombre: str) -> Any:
    # `celery -A batch.celery_app` looks for `app` here: built on that first look, not at import.
    if nombre == "app":
        return del_entorno()
    raise AttributeError(f"module {__name__!r} has no attribute {nombre!r}")
