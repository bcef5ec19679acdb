"""Logging without personal data: a filter that masks e-mail addresses and long digit runs."""

from __future__ import annotations

import logging
import re

from flask import Flask

_CORREO = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_DIGITOS = re.compile(r"\d[\d .-]{5,}\d")


def enmascarar(texto: str) -> str:
    """Replace e-mails and runs of 7+ digits (cédulas, phone and contract numbers) with '***'."""
    return _DIGITOS.sub("***", _CORREO.sub("***@***", texto))


class FiltroDatosPersonales(logging.Filter):
    """Rewrite each record's message (and its traceback text) with personal data masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the record in place; never drop it."""
        record.msg = enmascarar(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = enmascarar(record.exc_text)
        return True


def instalar(app: Flask) -> None:
    """Mask personal data in everything the app logs."""
    app.logger.addFilter(FiltroDatosPersonales())
