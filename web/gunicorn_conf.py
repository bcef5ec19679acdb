"""gunicorn settings for Salida (`gunicorn -c python:web.gunicorn_conf 'app:create_app()'`).

Each worker warms the PDF renderer right after the fork (fonts, stylesheets, one letter laid out),
so its first PDF is as fast as the rest; workers are recycled every ~2,000 requests. No access log:
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
worker_class = "gthread"  # a PDF being drawn does not hold up the pages queued behind it
threads = int(os.environ.get("SALIDA_THREADS", "4"))
max_requests = 2000
max_requests_jitter = 200
timeout = 30
graceful_timeout = 10
keepalive = 5
accesslog = None
errorlog = "-"
loglevel = "warning"


def post_fork(server: Any, worker: Any) -> None:
    """Warm this worker's PDF renderer after the fork (WeasyPrint state is per process)."""
    import letters

    letters.calentar()


def on_starting(server: Any) -> None:
    """Before forking: rate limits shared in Redis when several workers serve (or refuse to start)."""
    from web.config import revisar_gunicorn

    revisar_gunicorn(int(server.cfg.workers))
