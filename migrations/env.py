"""Alembic environment: the connection given by `store.db` or, from the command line, the URL."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine, pool

import store.casos
import store.models  # noqa: F401
from store.db import Base, url_de_base

config = context.config
objetivo = Base.metadata


def _configurar(conexion) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=conexion,
        target_metadata=objetivo,
        render_as_batch=conexion.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str:
    """`alembic -x url=…`, else `DATABASE_URL` (read here, at Alembic's start-up), else the SQLite file."""
    url = context.get_x_argument(as_dictionary=True).get("url")
    return url_de_base(url or os.environ.get("DATABASE_URL"))


def en_linea() -> None:
    """Run the migrations on the connection `store.db` passed, or on a new engine for the URL."""
    conexion = config.attributes.get("connection")
    if conexion is not None:
        _configurar(conexion)
        return
    url = _url()
    motor = create_engine(url, poolclass=pool.NullPool)
    with motor.begin() as conexion:  # one transaction, committed at the end (pysqlite needs it explicit)
        if conexion.dialect.name == "sqlite":
            conexion.exec_driver_sql("PRAGMA foreign_keys=ON")
        _configurar(conexion)
    motor.dispose()


def fuera_de_linea() -> None:
    """Print the SQL instead of running it (`alembic upgrade head --sql`)."""
    url = _url()
    context.configure(url=url, target_metadata=objetivo, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    fuera_de_linea()
else:
    en_linea()
