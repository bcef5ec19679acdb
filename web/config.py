"""The app's embedded defaults; every key can be overridden with a `SALIDA_` environment variable."""

from __future__ import annotations

import logging
import os
import secrets
import sys
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

KIB = 1024

DEFECTOS: dict[str, Any] = {
    "SECRET_KEY": None,  # SALIDA_SECRET_KEY; a random one is generated for local runs
    "DEBUG": False,
    "PROPAGATE_EXCEPTIONS": False,
    "MAX_CONTENT_LENGTH": 512 * KIB,
    "MAX_FORM_MEMORY_SIZE": 512 * KIB,
    "MAX_FORM_PARTS": 3000,
    "SESSION_COOKIE_SECURE": True,  # SALIDA_SESSION_COOKIE_SECURE=false only for plain-HTTP loopback
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "WTF_CSRF_TIME_LIMIT": 8 * 3600,
    "RATELIMIT_STORAGE_URI": "memory://",  # one process; gunicorn with several workers: Redis (below)
    "LIMITES_EN_MEMORIA": False,  # explicit override: several workers, each counting on its own
    "RATELIMIT_HEADERS_ENABLED": True,
    "LIMITE_PDF": "20 per minute;200 per day",  # per client address, on every PDF download
    "PROXIES_DE_CONFIANZA": 0,  # reverse proxies in front of the app (for the client's address)
    "RESPONSABLE_DATOS": "",  # who runs this installation, for the privacy page
}


REDIS_POR_DEFECTO = "redis://127.0.0.1:6379/0"
ENTORNO_ALMACEN = "SALIDA_RATELIMIT_STORAGE_URI"
ENTORNO_EXCEPCION = "SALIDA_LIMITES_EN_MEMORIA"
ENTORNO_REVISADO = "SALIDA_LIMITES_REVISADOS"  # set by the gunicorn hook: the workers inherit it


def _verdadero(valor: str | None) -> bool:
    return (valor or "").strip().lower() in ("1", "true", "si", "sí", "yes")


def almacen_de_limites(procesos: int, entorno: dict[str, str]) -> str:
    """The rate-limit storage for a server of `procesos` processes: what the environment names; by
    default Redis as soon as there is more than one process (each would count on its own in memory).
    Several processes on memory storage are refused unless `SALIDA_LIMITES_EN_MEMORIA` says so."""
    elegido = entorno.get(ENTORNO_ALMACEN, "").strip()
    if procesos <= 1:
        return elegido or "memory://"
    if not elegido:
        broker = entorno.get("CELERY_BROKER_URL", "")
        elegido = broker if broker.startswith(("redis://", "rediss://")) else REDIS_POR_DEFECTO
    if elegido.startswith("memory://") and not _verdadero(entorno.get(ENTORNO_EXCEPCION)):
        raise RuntimeError(
            f"Con {procesos} procesos, los límites de ingreso y de PDF guardados en memoria se cuentan "
            "por proceso (cada uno deja pasar el límite completo). Use Redis "
            f"({ENTORNO_ALMACEN}=redis://…) o, a sabiendas, {ENTORNO_EXCEPCION}=true.")
    return elegido


def _redis_responde(url: str) -> str | None:
    """None if the Redis at `url` answers a PING, else why not."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=5).ping()
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def revisar_gunicorn(procesos: int) -> None:
    """In gunicorn's master before forking: choose the shared rate-limit storage and check it answers;
    refuse to start (RuntimeError, a Spanish message) rather than count limits per worker."""
    almacen = almacen_de_limites(procesos, dict(os.environ))
    if almacen.startswith(("redis://", "rediss://", "unix://")) and (error := _redis_responde(almacen)):
        raise RuntimeError(f"Los límites se comparten en Redis ({ENTORNO_ALMACEN}), pero no responde: "
                           f"{error}. Arranque Redis o defina {ENTORNO_ALMACEN}.")
    os.environ[ENTORNO_ALMACEN] = almacen
    os.environ[ENTORNO_REVISADO] = str(procesos)


def _gunicorn_sin_revisar(app: Flask) -> bool:
    """gunicorn started without web.gunicorn_conf (its hook could not count the workers) and the
    limits would stay in memory without an explicit override."""
    return (
        "gunicorn.workers.base" in sys.modules
        and ENTORNO_REVISADO not in os.environ
        and str(app.config["RATELIMIT_STORAGE_URI"]).startswith("memory://")
        and not _verdadero(str(app.config.get("LIMITES_EN_MEMORIA")))
    )


def completar(app: Flask) -> None:
    """Fill what the environment left out: a secret key, the cookie's name, the proxy fix."""
    if not app.config.get("SECRET_KEY"):
        if "gunicorn.workers.base" in sys.modules:
            # Each worker would draw its own key and reject the others' CSRF tokens, now and then.
            raise RuntimeError("Defina SALIDA_SECRET_KEY (la misma para todos los procesos) o arranque "
                               "gunicorn con -c python:web.gunicorn_conf, que genera una al iniciar.")
        app.config["SECRET_KEY"] = secrets.token_hex(32)
        if not app.testing:
            logging.getLogger(__name__).warning(
                "SALIDA_SECRET_KEY no está definida: se generó una clave temporal. Sirve para una "
                "ejecución local; con varios procesos o servidores, defina SALIDA_SECRET_KEY.")
    if "gunicorn.workers.base" in sys.modules and not app.config.get("RESPONSABLE_DATOS"):
        # Ley 1581 de 2012: the privacy notice must name who is responsible for the data.
        raise RuntimeError("Defina SALIDA_RESPONSABLE_DATOS (nombre y contacto del responsable del "
                           "tratamiento de datos): la página de privacidad debe nombrarlo.")
    if "SESSION_COOKIE_NAME" not in app.config or app.config["SESSION_COOKIE_NAME"] == "session":
        # "__Host-" makes browsers refuse the cookie unless it is Secure, host-only and path "/".
        secure = app.config["SESSION_COOKIE_SECURE"]
        app.config["SESSION_COOKIE_NAME"] = "__Host-salida" if secure else "salida"
    if _gunicorn_sin_revisar(app):
        raise RuntimeError(f"Arranque gunicorn con -c python:web.gunicorn_conf, o defina "
                           f"{ENTORNO_ALMACEN} (Redis) para compartir los límites entre procesos.")
    proxies = int(app.config.get("PROXIES_DE_CONFIANZA") or 0)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies,  # type: ignore[method-assign]
                                x_host=proxies)
