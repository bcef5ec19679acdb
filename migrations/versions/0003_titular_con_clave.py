"""`titular` becomes a keyed hash: HMAC-SHA256 of "TIPO:NÚMERO" under SALIDA_CLAVE_TITULAR.

Existing rows carried an unsalted SHA-256 (reversible by enumerating document numbers). Each one is
recomputed from the document stored in its `caso_base`, with the key the app will use (the app's
configuration, `SALIDA_CLAVE_TITULAR`, or the instance key file: see casos/claves.py). Downgrading
writes the unkeyed hash back.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CASOS = sa.table("casos", sa.column("id", sa.Integer), sa.column("caso_base", sa.JSON),
                  sa.column("titular", sa.String))


def _rehacer(huella: Callable[[str, str], str]) -> None:
    conexion = op.get_bind()
    filas = conexion.execute(sa.select(_CASOS.c.id, _CASOS.c.caso_base)).all()
    for caso_id, base in filas:
        usuario: dict[str, Any] = (base or {}).get("usuario", {})
        nueva = huella(str(usuario.get("tipo_documento", "")), str(usuario.get("numero_documento", "")))
        conexion.execute(sa.update(_CASOS).where(_CASOS.c.id == caso_id).values(titular=nueva))


def upgrade() -> None:
    """Recompute every saved case's `titular` as a keyed hash."""
    from casos.claves import huella_titular

    _rehacer(huella_titular)


def downgrade() -> None:
    """Back to the unkeyed SHA-256."""
    _rehacer(lambda tipo, numero: hashlib.sha256(f"{tipo}:{numero.upper()}".encode()).hexdigest())
