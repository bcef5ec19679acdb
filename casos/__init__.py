"""Saved cases that follow the subscriber (and the advocate) until the matter is closed.

Public API: `registrar(app)` (blueprints, accounts, commands; idempotent), `AJUSTES` (the settings,
merged by `create_app`) and `desde_lote(bd, lote_id, organizacion_id)` (a finished batch's valid rows
become cases of an organisation).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from flask import Flask

from casos.lotes import LoteNoImportable, desde_lote

AJUSTES: dict[str, Any] = {  # merged with the other packages' by `create_app`
    "RETENCION_DIAS": 730,  # a case untouched this long is deleted by `flask purgar`
    "RETENCION_CERRADOS_DIAS": 180,  # a closed case, this long after its last activity
    "RETENCION_LOTES_DIAS": 90,  # batches (their rows and letters), from their upload
    "RECORDATORIOS_DIAS": "3,1,0",  # remind this many days before a deadline
    "SMTP_HOST": "",  # SALIDA_SMTP_HOST: without it, `flask recordatorios` only lists
    "SMTP_PORT": 587,
    "SMTP_USUARIO": "",
    "SMTP_CLAVE": "",
    "SMTP_TLS": "starttls",  # starttls | ssl | no
    "SMTP_REMITENTE": "Salida <avisos@localhost>",
    "FECHA_HOY": "",  # SALIDA_FECHA_HOY=2026-12-21 fixes "today" for commands (reproducible runs, tests)
    "URL_PUBLICA": "",  # e.g. https://salida.example.org, for links in advocates' digests
    "LIMITE_ENTRAR": "10 per minute;100 per day",  # login attempts per client address
    "LIMITE_ENTRAR_CUENTA": "5 per 15 minutes",  # failed login attempts per account and address
    "LIMITE_ENTRAR_CUENTA_GLOBAL": "40 per hour;300 per day",  # failed attempts per account, any address
    "LIMITE_ENLACE": "5 per hour",  # sign-in links asked for, per client address
    "LIMITE_ENLACE_CUENTA": "3 per hour",  # sign-in links sent to one account
    "LIMITE_GUARDAR": "30 per hour",  # saved cases per client address
    "SESION_INACTIVIDAD_MIN": 30,
    "SESION_MAXIMA_HORAS": 12,
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SECURE": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "CLAVE_TITULAR": None,  # SALIDA_CLAVE_TITULAR; None: drawn once into instance/clave-titular
}
_ENLACES = re.compile(r"/(mi-caso|calendario|cuentas/enlace)/(?!guardar\b|politica\b)[A-Za-z0-9_.-]{20,}")


class FiltroEnlaces(logging.Filter):
    """Mask private-link and feed tokens in log lines (the request path is logged on errors)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message with tokens masked; never drop it."""
        mensaje = record.getMessage()
        if "/mi-caso/" in mensaje or "/calendario/" in mensaje or "/cuentas/enlace/" in mensaje:
            record.msg = _ENLACES.sub(r"/\1/***", mensaje)
            record.args = None
        return True


def registrar(app: Flask) -> None:
    """Register the case pages, the accounts, the dashboard and the commands (once per app)."""
    if "salida_casos" in app.extensions:
        return
    from casos import autenticacion
    from casos.cli import COMANDOS
    from casos.evaluacion import dia_local
    from casos.panel import panel
    from casos.vistas import casos
    from casos.vistas_cuentas import cuentas

    app.register_blueprint(casos)
    app.register_blueprint(cuentas)
    app.register_blueprint(panel)
    autenticacion.preparar(app)
    app.jinja_env.filters["dia_local"] = dia_local
    for comando in COMANDOS:
        app.cli.add_command(comando)
    filtro = FiltroEnlaces()
    app.logger.addFilter(filtro)
    logging.getLogger("werkzeug").addFilter(filtro)
    app.extensions["salida_casos"] = True


__all__ = ["AJUSTES", "LoteNoImportable", "desde_lote", "registrar"]
