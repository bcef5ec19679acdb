"""gunicorn settings for Salida (`gunicorn -c python:web.gunicorn_conf 'app:create_app()'`).

Each worker starts its own small pool of PDF render processes right after the fork and waits for
them to warm up (fonts, stylesheets, one letter laid out), so pages never wait for WeasyPrint in the
worker's interpreter and the first PDF is as fast as the rest. SALIDA_PDF_PROCESOS = max(2, cores //
workers) render processes per worker by default (one of them only for long letters; all at lower CPU
priority than the workers; 0: draw PDFs in the request's thread, the old way). Threads waiting for a
PDF hold no GIL, so each worker has 12. Workers are recycled every ~2,000 requests. No access log:
URLs carry no personal data, but there is nothing to gain from logging them either.
"""

from __future__ import annotations

import os
import secrets
from typing import Any

# One key for every worker of this server (drawn here, in the master, before the fork) when the
# environment gives none; set SALIDA_SECRET_KEY to keep sessions valid across restarts and machines.
os.environ.setdefault("SALIDA_SECRET_KEY", secrets.token_hex(32))

bind = os.environ.get("SALIDA_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("SALIDA_WORKERS", "2"))
os.environ.setdefault("SALIDA_PDF_PROCESOS", str(max(2, (os.cpu_count() or 1) // workers)))
worker_class = "gthread"  # a thread waiting for its PDF does not hold up the pages queued behind it
threads = int(os.environ.get("SALIDA_THREADS", "12"))  # threads waiting for a PDF hold no GIL
max_requests = 2000
max_requests_jitter = 200
timeout = 30
graceful_timeout = 10
keepalive = 5
accesslog = None
errorlog = "-"
loglevel = "warning"


def post_fork(server: Any, worker: Any) -> None:
    """Start and warm this worker's PDF render processes after the fork (they are per process)."""
    from web.cartas import preparar_desde_el_entorno

    preparar_desde_el_entorno()


def on_starting(server: Any) -> None:
    """Before forking: rate limits shared in Redis when several workers serve (or refuse to start)."""
    from web.config import revisar_gunicorn

    revisar_gunicorn(int(server.cfg.workers))
