"""The app's settings: each package's table of defaults, merged once and read from the environment.

`leer` builds the settings at start-up (`create_app`, or the Celery worker): the embedded defaults,
then `DATABASE_URL` and `CELERY_BROKER_URL`, then every `SALIDA_<CLAVE>` variable, decoded as JSON
when it parses (`true`, `5000`) and kept as text otherwise, as Flask's `from_prefixed_env` does.
Nothing reads the environment at import time. The README's "Configuration" table documents each key.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import sys
from collections.abc import Mapping
from typing import Any

from flask import Flask

KIB = 1024
PREFIJO = "SALIDA_"
# Conventional names other tools (Alembic, hosting platforms, Celery) use, read without the prefix;
# a `SALIDA_` variable of the same key still wins.
SIN_PREFIJO = ("DATABASE_URL", "CELERY_BROKER_URL")

AJUSTES: dict[str, Any] = {
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
    "CARPETA_BORRADORES": None,  # interview drafts; None: instance/borradores
}


def unir(*tablas: Mapping[str, Any]) -> dict[str, Any]:
    """One table from each package's: a key declared by two packages is a mistake, not an override."""
    unida: dict[str, Any] = {}
    for tabla in tablas:
        if repetidas := sorted(unida.keys() & tabla.keys()):
            raise ValueError(f"Ajustes declarados dos veces: {', '.join(repetidas)}")
        unida.update(tabla)
    return unida


def _valor(texto: str) -> Any:
    try:
        return json.loads(texto)
    except ValueError:
        return texto


def leer(tabla: Mapping[str, Any], entorno: Mapping[str, str],
         prueba: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The settings: `tabla`'s defaults, then `prueba` if given (tests: the environment is not read),
    else the environment (`DATABASE_URL`, `CELERY_BROKER_URL`, then every `SALIDA_` variable)."""
    ajustes = dict(tabla)
    if prueba is not None:
        ajustes.update({clave: valor for clave, valor in prueba.items() if clave.isupper()})
        return ajustes
    ajustes.update({clave: entorno[clave] for clave in SIN_PREFIJO if entorno.get(clave)})
    for variable in sorted(entorno):
        if not variable.startswith(PREFIJO):
            continue
        clave, valor = variable[len(PREFIJO):], _valor(entorno[variable])
        *ruta, hoja = clave.split("__")  # SALIDA_A__B sets ajustes["A"]["B"], as Flask does
        destino = ajustes
        for parte in ruta:
            destino = destino.setdefault(parte, {})
        destino[hoja] = valor
    return ajustes


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
    """Fill what the environment left out (a secret key, the cookie's name); refuse a server set-up
    that would misbehave (gunicorn without a shared key, data controller or shared rate limits)."""
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
