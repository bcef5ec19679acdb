"""Saved cases: organisations, accounts, cases, events, consents, complaints, imports, reminders.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), autoincrement=True, nullable=False)


def _caso_id() -> sa.Column:
    return sa.Column("caso_id", sa.Integer(), sa.ForeignKey("casos.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    """Create the tables of saved cases."""
    op.create_table(
        "organizaciones",
        _id(),
        sa.Column("nombre", sa.String(length=160), nullable=False),
        sa.Column("creada", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("nombre"),
    )
    op.create_table(
        "cuentas",
        _id(),
        sa.Column(
            "organizacion_id",
            sa.Integer(),
            sa.ForeignKey("organizaciones.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("correo", sa.String(length=254), nullable=False),
        sa.Column("nombre", sa.String(length=120), nullable=False),
        sa.Column("clave", sa.String(length=255), nullable=False),
        sa.Column("ficha_sesion", sa.String(length=64), nullable=False),
        sa.Column("ficha_calendario", sa.String(length=64), nullable=True),
        sa.Column("activa", sa.Boolean(), nullable=False),
        sa.Column("creada", sa.DateTime(), nullable=False),
        sa.Column("ultimo_ingreso", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("correo"),
        sa.UniqueConstraint("ficha_calendario"),
    )
    op.create_index("ix_cuentas_organizacion_id", "cuentas", ["organizacion_id"])
    op.create_table(
        "casos",
        _id(),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=True),
        sa.Column(
            "organizacion_id",
            sa.Integer(),
            sa.ForeignKey("organizaciones.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("lote_id", sa.String(length=64), nullable=True),
        sa.Column("fila_numero", sa.Integer(), nullable=True),
        sa.Column("titular", sa.String(length=64), nullable=False),
        sa.Column("caso_base", sa.JSON(), nullable=False),
        sa.Column("caso", sa.JSON(), nullable=False),
        sa.Column("correo_avisos", sa.String(length=254), nullable=True),
        sa.Column("cerrado", sa.Boolean(), nullable=False),
        sa.Column("creado", sa.DateTime(), nullable=False),
        sa.Column("actualizado", sa.DateTime(), nullable=False),
        sa.Column("operador", sa.String(length=16), nullable=False),
        sa.Column("ciudad", sa.String(length=120), nullable=False),
        sa.Column("estado", sa.String(length=24), nullable=False),
        sa.Column("proxima_carta", sa.String(length=24), nullable=True),
        sa.Column("proximo_plazo", sa.String(length=24), nullable=True),
        sa.Column("proximo_vence", sa.Date(), nullable=True),
        sa.Column("vencido_desde", sa.Date(), nullable=True),
        sa.Column("urgencia", sa.Date(), nullable=True),
        sa.Column("plazos", sa.JSON(), nullable=False),
        sa.Column("evaluado", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("lote_id", "fila_numero"),
        sa.UniqueConstraint("token"),
        sa.UniqueConstraint("uid"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_casos_abiertos", "casos", ["cerrado", "id"])
    op.create_index("ix_casos_org_ciudad", "casos", ["organizacion_id", "ciudad"])
    op.create_index("ix_casos_org_creado", "casos", ["organizacion_id", "creado"])
    op.create_index("ix_casos_org_estado", "casos", ["organizacion_id", "estado", "ciudad", "urgencia"])
    op.create_index("ix_casos_org_operador", "casos", ["organizacion_id", "operador"])
    op.create_index("ix_casos_org_urgencia", "casos", ["organizacion_id", "urgencia", "id"])
    op.create_index("ix_casos_titular", "casos", ["titular"])
    op.create_table(
        "eventos",
        _id(),
        _caso_id(),
        sa.Column("tipo", sa.String(length=32), nullable=False),
        sa.Column("fecha", sa.Date(), nullable=False),
        sa.Column("datos", sa.JSON(), nullable=False),
        sa.Column("cuenta_id", sa.Integer(), sa.ForeignKey("cuentas.id", ondelete="SET NULL"), nullable=True),
        sa.Column("creado", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_eventos_caso_id", "eventos", ["caso_id"])
    op.create_table(
        "consentimientos",
        _id(),
        _caso_id(),
        sa.Column("finalidad", sa.String(length=32), nullable=False),
        sa.Column("texto", sa.Text(), nullable=False),
        sa.Column("version_politica", sa.String(length=32), nullable=False),
        sa.Column("otorgado", sa.DateTime(), nullable=False),
        sa.Column("medio", sa.String(length=16), nullable=False),
        sa.Column("cuenta_id", sa.Integer(), sa.ForeignKey("cuentas.id", ondelete="SET NULL"), nullable=True),
        sa.Column("detalle", sa.JSON(), nullable=True),
        sa.Column("revocado", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_consentimientos_caso_id", "consentimientos", ["caso_id"])
    op.create_table(
        "casos_pqr",
        _id(),
        _caso_id(),
        sa.Column("organizacion_id", sa.Integer(), nullable=True),
        sa.Column("operador", sa.String(length=16), nullable=False),
        sa.Column("indice", sa.Integer(), nullable=False),
        sa.Column("tipo", sa.String(length=16), nullable=False),
        sa.Column("radicada", sa.Date(), nullable=False),
        sa.Column("vence", sa.Date(), nullable=False),
        sa.Column("respondida", sa.Date(), nullable=True),
        sa.Column("sentido", sa.String(length=16), nullable=True),
        sa.Column("incompleta", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_casos_pqr_caso_id", "casos_pqr", ["caso_id"])
    op.create_index("ix_casos_pqr_org", "casos_pqr", ["organizacion_id", "operador", "radicada"])
    op.create_table(
        "lotes_organizacion",
        sa.Column(
            "lote_id", sa.String(length=64), sa.ForeignKey("lotes.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "organizacion_id",
            sa.Integer(),
            sa.ForeignKey("organizaciones.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("importado", sa.DateTime(), nullable=False),
        sa.Column("casos", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("lote_id"),
    )
    op.create_index("ix_lotes_organizacion_organizacion_id", "lotes_organizacion", ["organizacion_id"])
    op.create_table(
        "recordatorios",
        _id(),
        _caso_id(),
        sa.Column("clave", sa.String(length=120), nullable=False),
        sa.Column("enviado", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("caso_id", "clave"),
    )
    op.create_index("ix_recordatorios_caso_id", "recordatorios", ["caso_id"])


def downgrade() -> None:
    """Drop the tables of saved cases (children first)."""
    for tabla, indices in (
        ("recordatorios", ["ix_recordatorios_caso_id"]),
        ("lotes_organizacion", ["ix_lotes_organizacion_organizacion_id"]),
        ("casos_pqr", ["ix_casos_pqr_org", "ix_casos_pqr_caso_id"]),
        ("consentimientos", ["ix_consentimientos_caso_id"]),
        ("eventos", ["ix_eventos_caso_id"]),
        (
            "casos",
            [
                "ix_casos_titular",
                "ix_casos_org_urgencia",
                "ix_casos_org_operador",
                "ix_casos_org_estado",
                "ix_casos_org_creado",
                "ix_casos_org_ciudad",
                "ix_casos_abiertos",
            ],
        ),
        ("cuentas", ["ix_cuentas_organizacion_id"]),
        ("organizaciones", []),
    ):
        for indice in indices:
            op.drop_index(indice, table_name=tabla)
        op.drop_table(tabla)
