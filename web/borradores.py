"""Interview drafts: the answers typed so far, kept on the server for two hours at most.

The browser holds only a random draft id inside the signed session cookie (no personal data);
the server keeps the answers in a file named by the id's SHA-256 (so a directory listing does not
reveal live ids), readable only by the app's user, deleted when older than `VIDA`.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from pathlib import Path
from typing import Any

from flask import current_app, session

VIDA_SEGUNDOS = 2 * 3600
_CLAVE_SESION = "borrador"


def _carpeta() -> Path:
    carpeta = Path(current_app.config.get("CARPETA_BORRADORES")
                   or Path(current_app.instance_path) / "borradores")
    carpeta.mkdir(mode=0o700, parents=True, exist_ok=True)
    return carpeta


def _archivo(token: str) -> Path:
    return _carpeta() / (hashlib.sha256(token.encode()).hexdigest() + ".json")


def purgar(ahora: float | None = None) -> int:
    """Delete drafts older than two hours; return how many."""
    limite = (ahora or time.time()) - VIDA_SEGUNDOS
    borrados = 0
    for archivo in _carpeta().glob("*.json"):
        try:
            if archivo.stat().st_mtime < limite:
                archivo.unlink()
                borrados += 1
        except FileNotFoundError:
            continue
    return borrados


def leer() -> dict[str, Any] | None:
    """This browser's draft, or None when there is none or it expired."""
    token = session.get(_CLAVE_SESION)
    if not isinstance(token, str):
        return None
    archivo = _archivo(token)
    try:
        if archivo.stat().st_mtime < time.time() - VIDA_SEGUNDOS:
            archivo.unlink(missing_ok=True)
            return None
        datos = json.loads(archivo.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return datos if isinstance(datos, dict) else None


def guardar(datos: dict[str, Any]) -> None:
    """Write this browser's draft (a new random id the first time), atomically."""
    token = session.get(_CLAVE_SESION)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session[_CLAVE_SESION] = token
        purgar()
    archivo = _archivo(token)
    temporal = archivo.with_suffix(f".{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporal, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as salida:
        json.dump(datos, salida, ensure_ascii=False)
    os.replace(temporal, archivo)


def borrar() -> None:
    """Forget this browser's draft (file and id)."""
    token = session.pop(_CLAVE_SESION, None)
    if isinstance(token, str):
        _archivo(token).unlink(missing_ok=True)
