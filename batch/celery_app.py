"""The Celery application: `celery -A batch.celery_app worker` on any number of machines.

Workers need `CELERY_BROKER_URL` (Redis) and the same `DATABASE_URL` as the web process.
"""

from __future__ import annotations

import os

from celery import Celery
from celery.signals import worker_process_init

from batch.ejecutores import TAREAS_POR_TRABAJADOR, calentar_trabajador, procesar_bloque

app = Celery("salida", broker=os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0"))
app.conf.update(
    task_acks_late=True,  # a chunk whose worker dies is delivered again
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    worker_max_tasks_per_child=TAREAS_POR_TRABAJADOR,
    task_ignore_result=True,  # results live in the database
    broker_connection_retry_on_startup=True,
    worker_hijack_root_logger=False,
    task_default_queue=os.environ.get("SALIDA_CELERY_COLA", "salida"),
)


@worker_process_init.connect
def _calentar(**_: object) -> None:
    calentar_trabajador()


@app.task(name="salida.procesar_bloque")
def procesar_bloque_tarea(lote_id: str, fila_ids: list[int]) -> int:
    """Process one chunk of a batch's rows (database from `DATABASE_URL`)."""
    return procesar_bloque(None, lote_id, fila_ids)
