"""Batch ownership (organisation, account, origin, file name, private link), report columns per
row (reference, operator, city) and the pack built when a batch ends.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
# Written beside 0003 (another branch): re-link to "0003" when both are merged.
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the ownership and report columns and the packs table."""
    with op.batch_alter_table("lotes") as t:
        t.add_column(sa.Column("organizacion_id", sa.Integer(), nullable=True))
        t.add_column(sa.Column("cuenta_id", sa.Integer(), nullable=True))
        t.add_column(sa.Column("origen", sa.String(length=8), nullable=False, server_default="web"))
        t.add_column(sa.Column("archivo", sa.String(length=160), nullable=False, server_default=""))
        t.add_column(sa.Column("clave", sa.String(length=64), nullable=True))
        t.create_index("ix_lotes_organizacion_id", ["organizacion_id"])
        t.create_index("ix_lotes_clave", ["clave"], unique=True)
    with op.batch_alter_table("filas") as t:
        t.add_column(sa.Column("referencia", sa.String(length=120), nullable=True))
        t.add_column(sa.Column("operador", sa.String(length=40), nullable=True))
        t.add_column(sa.Column("ciudad", sa.String(length=120), nullable=True))
    op.create_table(
        "paquetes",
        sa.Column("lote_id", sa.String(length=64), sa.ForeignKey("lotes.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("creado", sa.DateTime(), nullable=False),
        sa.Column("listo", sa.Boolean(), nullable=False),
        sa.Column("contenido", sa.LargeBinary(), nullable=True),
        sa.Column("nombres", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("lote_id"),
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_table("paquetes")
    with op.batch_alter_table("filas") as t:
        for columna in ("ciudad", "operador", "referencia"):
            t.drop_column(columna)
    with op.batch_alter_table("lotes") as t:
        t.drop_index("ix_lotes_clave")
        t.drop_index("ix_lotes_organizacion_id")
        for columna in ("clave", "archivo", "origen", "cuenta_id", "organizacion_id"):
            t.drop_column(columna)
