"""The database connection: `DATABASE_URL` (PostgreSQL) or an embedded SQLite file by default.

The schema is Alembic's (`migrations/` at the repository root): opening a database brings it to the
latest revision. A database made by the old `create_all` (batch tables, no version) is stamped at
revision 0001 first, then upgraded.

Deleted means gone from the files too. On SQLite, `secure_delete` overwrites freed content with
zeros, and a session that deleted personal data (`olvidar_al_confirmar`) checkpoints and truncates
the write-ahead log once it commits, so no older copy of a page stays in `*.db-wal`. On PostgreSQL a
deleted row stays in its page until VACUUM reclaims it: autovacuum does so for single deletions, and
the retention purge runs VACUUM on the tables it touched (`compactar`).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

RAIZ = Path(__file__).resolve().parent.parent
REVISION_LOTES = "0001"  # the batch tables, as `create_all` made them before migrations


class Base(DeclarativeBase):
    """Declarative base of every table."""


def url_de_base(url: str | None = None) -> str:
    """The SQLAlchemy URL for a configured `DATABASE_URL`; None or empty: a SQLite file in `instance/`
    beside the project. The caller reads the setting (the app's config, a worker's start-up)."""
    if url:
        # Heroku-style URLs name the driver-less scheme; we use psycopg 3.
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://"):]
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://"):]
        return url
    carpeta = RAIZ / "instance"
    carpeta.mkdir(exist_ok=True)
    return f"sqlite:///{carpeta / 'salida.db'}"


def _sqlite_concurrente(motor: Engine) -> None:
    @event.listens_for(motor, "connect")
    def _pragmas(conexion: Any, _registro: Any) -> None:
        cursor = conexion.cursor()
        # WAL lets worker processes write while the web process reads progress.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")  # freed pages and cells are zeroed, not left readable
        cursor.close()


def olvidar_al_confirmar(s: Session) -> None:
    """Mark a session that deleted personal data: once it commits, the database's own copies go too."""
    s.info["olvidar"] = True


@event.listens_for(Session, "after_commit")
def _olvidar(s: Session) -> None:
    if s.info.pop("olvidar", False):
        motor = s.get_bind()
        if isinstance(motor, Engine) and motor.dialect.name == "sqlite":
            vaciar_wal(motor)


def vaciar_wal(motor: Engine) -> None:
    """SQLite: copy the write-ahead log into the database and truncate it to zero bytes."""
    with motor.connect() as conexion:
        conexion.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def compactar(motor: Engine, tablas: list[str]) -> None:
    """After a purge: SQLite truncates its log; PostgreSQL runs VACUUM (ANALYZE) on each table, so the
    dead rows' space is reclaimed now rather than at autovacuum's next pass."""
    if motor.dialect.name == "sqlite":
        vaciar_wal(motor)
        return
    if motor.dialect.name == "postgresql":
        with motor.connect().execution_options(isolation_level="AUTOCOMMIT") as conexion:
            for tabla in tablas:
                conexion.exec_driver_sql(f'VACUUM (ANALYZE) "{tabla}"')


@dataclass
class BaseDeDatos:
    """An engine and its session factory."""

    motor: Engine
    sesiones: sessionmaker[Session]

    def crear_tablas(self) -> None:
        """Bring the schema to the latest migration (creating every table on a new database)."""
        actualizar_esquema(self.motor)


def configuracion_alembic() -> Config:
    """Alembic's configuration for this repository (`alembic.ini`, `migrations/`)."""
    from alembic.config import Config

    cfg = Config(str(RAIZ / "alembic.ini"))
    cfg.set_main_option("script_location", str(RAIZ / "migrations"))
    return cfg


@cache
def revision_final() -> str:
    """The head revision of the migrations."""
    from alembic.script import ScriptDirectory

    cabeza = ScriptDirectory.from_config(configuracion_alembic()).get_current_head()
    assert cabeza is not None
    return cabeza


def revision_actual(conexion: Connection) -> str | None:
    """The revision a database is at (None: never migrated)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conexion).get_current_revision()


@contextmanager
def _exclusivo(motor: Engine, conexion: Connection) -> Iterator[None]:
    """One migrating process at a time: an advisory lock on PostgreSQL, a file lock on SQLite."""
    if motor.dialect.name == "postgresql":
        conexion.execute(text("SELECT pg_advisory_xact_lock(7265830)"))
        yield
        return
    archivo = motor.url.database
    if not archivo or archivo == ":memory:":
        yield
        return
    with open(f"{archivo}.migrar.lock", "a") as cerrojo:
        fcntl.flock(cerrojo, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(cerrojo, fcntl.LOCK_UN)


def actualizar_esquema(motor: Engine, revision: str = "head") -> None:
    """Upgrade the database to `revision` (default: the latest); cheap when it is already there."""
    from alembic import command

    if revision == "head":
        with motor.connect() as conexion:
            if revision_actual(conexion) == revision_final():
                return
    cfg = configuracion_alembic()
    with motor.begin() as conexion, _exclusivo(motor, conexion):
        cfg.attributes["connection"] = conexion
        if revision_actual(conexion) is None and inspect(conexion).has_table("lotes"):
            command.stamp(cfg, REVISION_LOTES)
        command.upgrade(cfg, revision)


_CACHE: dict[tuple[str, int], BaseDeDatos] = {}


def base_de_datos(url: str | None = None) -> BaseDeDatos:
    """The database at `url` (see `url_de_base`; None: the embedded SQLite file), one engine per URL
    and process."""
    url = url_de_base(url)
    clave = (url, os.getpid())  # engines must not cross a fork
    if clave not in _CACHE:
        sqlite = url.startswith("sqlite")
        motor = create_engine(
            url,
            pool_pre_ping=not sqlite,
            connect_args={"timeout": 30} if sqlite else {},
        )
        if sqlite:
            _sqlite_concurrente(motor)
        bd = BaseDeDatos(motor, sessionmaker(motor, expire_on_commit=False))
        bd.crear_tablas()
        _CACHE[clave] = bd
    return _CACHE[clave]


def cerrar_base_de_datos(url: str) -> None:
    """Close this process's engine for `url` and forget it (e.g. before dropping a test schema)."""
    bd = _CACHE.pop((url, os.getpid()), None)
    if bd is not None:
        bd.motor.dispose()
