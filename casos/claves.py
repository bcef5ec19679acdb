"""The key of the data-subject index: `titular` is an HMAC-SHA256 of "CC:52123456" under a secret.

An unsalted hash of a document number is reversible by enumeration (Colombian ID numbers are few);
with a secret key it is not, for whoever holds only the database. The key comes from configuration
(`SALIDA_CLAVE_TITULAR`, the same on every machine and worker); without it, a random key is drawn once
and kept in `instance/clave-titular` (mode 0600), enough for one machine. Changing the key needs
`flask titular huellas`, which recomputes every saved case's index from its stored document.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import cache
from pathlib import Path

from flask import current_app, has_app_context

from store.db import RAIZ

ENTORNO = "SALIDA_CLAVE_TITULAR"
ARCHIVO = RAIZ / "instance" / "clave-titular"


@cache
def _del_archivo(ruta: Path) -> str:
    """The key kept in `ruta`, drawn and written once (exclusively, so concurrent processes agree)."""
    try:
        return ruta.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    ruta.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(ruta, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return ruta.read_text(encoding="ascii").strip()
    with os.fdopen(descriptor, "w", encoding="ascii") as archivo:
        archivo.write(secrets.token_hex(32))
    return ruta.read_text(encoding="ascii").strip()


def clave_titular() -> bytes:
    """The HMAC key: the app's `CLAVE_TITULAR`, else `SALIDA_CLAVE_TITULAR`, else the instance file."""
    clave = current_app.config.get("CLAVE_TITULAR") if has_app_context() else None
    clave = clave or os.environ.get(ENTORNO) or _del_archivo(ARCHIVO)
    return str(clave).encode()


def huella_titular(tipo_documento: str, numero_documento: str) -> str:
    """The index of one data subject: HMAC-SHA256 (hex) of "TIPO:NÚMERO" under the configured key."""
    mensaje = f"{tipo_documento}:{numero_documento.upper()}".encode()
    return hmac.new(clave_titular(), mensaje, hashlib.sha256).hexdigest()
