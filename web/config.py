"""The app's embedded defaults; every key can be overridden with a `SALIDA_` environment variable."""

from __future__ import annotations

import logging
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
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": True,
    "LIMITE_PDF": "20 per minute;200 per day",  # per client address, on every PDF download
    "PROXIES_DE_CONFIANZA": 0,  # reverse proxies in front of the app (for the client's address)
    "RESPONSABLE_DATOS": "",  # who runs this installation, for the privacy page
}


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
    proxies = int(app.config.get("PROXIES_DE_CONFIANZA") or 0)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies,  # type: ignore[method-assign]
                                x_host=proxies)
