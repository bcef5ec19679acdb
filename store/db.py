"""The database connection: `DATABASE_URL` (PostgreSQL) or an embedded SQLite file by default."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

RAIZ = Path(__file__).resolve().parent.parent


class Base(DeclarativeBase):
    """Declarative base of every table."""


def url_por_defecto() -> str:
    """`DATABASE_URL` if set, else a SQLite file in `instance/` beside the project."""
    url = os.environ.get("DATABASE_URL")
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
    def _pragmas(conexion, _registro) -> None:  # type: ignore[no-untyped-def]
        cursor = conexion.cursor()
        # WAL lets worker processes write while the web process reads progress.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


@dataclass
class BaseDeDatos:
    """An engine and its session factory."""

    motor: Engine
    sesiones: sessionmaker[Session]

    def crear_tablas(self) -> None:
        """Create the tables that do not exist yet."""
        import store.models  # noqa: F401  (registers the tables)

        Base.metadata.create_all(self.motor)


_CACHE: dict[tuple[str, int], BaseDeDatos] = {}


def base_de_datos(url: str | None = None) -> BaseDeDatos:
    """The database for `url` (default: `url_por_defecto()`), one engine per URL and process."""
    url = url or url_por_defecto()
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
