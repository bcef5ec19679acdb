"""Batch tables: lotes, filas, documentos, combinados (the schema `create_all` used to make).

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the batch tables."""
    op.create_table(
        "lotes",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("propietario", sa.String(length=64), nullable=False),
        sa.Column("creado", sa.DateTime(), nullable=False),
        sa.Column("estado", sa.String(length=16), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("tipos", sa.JSON(), nullable=True),
        sa.Column("evento", sa.JSON(), nullable=True),
        sa.Column("consentimiento", sa.JSON(), nullable=False),
        sa.Column("combinado", sa.Boolean(), nullable=False),
        sa.Column("errores_archivo", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_lotes_propietario", "lotes", ["propietario"])
    op.create_table(
        "filas",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("lote_id", sa.String(length=64), nullable=False),
        sa.Column("numero", sa.Integer(), nullable=False),
        sa.Column("caso", sa.JSON(), nullable=True),
        sa.Column("tipos", sa.JSON(), nullable=True),
        sa.Column("estado", sa.String(length=16), nullable=False),
        sa.Column("ficha", sa.String(length=32), nullable=True),
        sa.Column("reclamada", sa.DateTime(), nullable=True),
        sa.Column("intentos", sa.Integer(), nullable=False),
        sa.Column("resumen", sa.JSON(), nullable=True),
        sa.Column("errores", sa.JSON(), nullable=True),
        sa.Column("terminada", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["lote_id"], ["lotes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("lote_id", "numero"),
    )
    op.create_index("ix_filas_lote_estado", "filas", ["lote_id", "estado"])
    op.create_table(
        "documentos",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("fila_id", sa.Integer(), nullable=False),
        sa.Column("nombre", sa.String(length=80), nullable=False),
        sa.Column("tipo", sa.String(length=32), nullable=False),
        sa.Column("contenido", sa.LargeBinary(), nullable=False),
        sa.Column("texto", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["fila_id"], ["filas.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("fila_id", "nombre"),
    )
    op.create_index("ix_documentos_fila_id", "documentos", ["fila_id"])
    op.create_table(
        "combinados",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("lote_id", sa.String(length=64), nullable=False),
        sa.Column("contenido", sa.LargeBinary(), nullable=False),
        sa.Column("paginas", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["lote_id"], ["lotes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_combinados_lote_id", "combinados", ["lote_id"])


def downgrade() -> None:
    """Drop the batch tables."""
    op.drop_index("ix_combinados_lote_id", table_name="combinados")
    op.drop_table("combinados")
    op.drop_index("ix_documentos_fila_id", table_name="documentos")
    op.drop_table("documentos")
    op.drop_index("ix_filas_lote_estado", table_name="filas")
    op.drop_table("filas")
    op.drop_index("ix_lotes_propietario", table_name="lotes")
    op.drop_table("lotes")
