"""Alembic migrations: upgrade and downgrade on SQLite and PostgreSQL, the schema equal to the models,
and an old `create_all` database (batch tables, no version) adopted without losing its rows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

import store.casos
import store.models  # noqa: F401
from store.db import Base, actualizar_esquema, base_de_datos, configuracion_alembic, revision_final
from tests.casos.conftest import esquema_privado

TABLAS = {
    "lotes",
    "filas",
    "documentos",
    "combinados",
    "organizaciones",
    "cuentas",
    "casos",
    "eventos",
    "consentimientos",
    "casos_pqr",
    "lotes_organizacion",
    "recordatorios",
    "paquetes",
}


def _tablas(motor) -> set[str]:
    return set(inspect(motor).get_table_names()) - {"alembic_version"}


def _diferencias(motor) -> list:
    with motor.connect() as c:
        return compare_metadata(MigrationContext.configure(c), Base.metadata)


def _ida_y_vuelta(url: str) -> None:
    motor = create_engine(url, poolclass=NullPool)
    actualizar_esquema(motor)
    assert _tablas(motor) == TABLAS
    assert _diferencias(motor) == []  # the migrations build exactly the models' schema
    with motor.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == revision_final()
    actualizar_esquema(motor, "0001")  # an upgrade to an older revision is a no-op…
    cfg = configuracion_alembic()
    with motor.begin() as c:
        cfg.attributes["connection"] = c
        command.downgrade(cfg, "0001")
    assert _tablas(motor) == {"lotes", "filas", "documentos", "combinados"}
    with motor.begin() as c:
        cfg.attributes["connection"] = c
        command.downgrade(cfg, "base")
    assert _tablas(motor) == set()
    actualizar_esquema(motor)
    assert _tablas(motor) == TABLAS and _diferencias(motor) == []
    motor.dispose()


def test_migraciones_en_sqlite(tmp_path: Path) -> None:
    _ida_y_vuelta(f"sqlite:///{tmp_path / 'migrar.db'}")


def test_migraciones_en_postgresql() -> None:
    with esquema_privado() as url:
        _ida_y_vuelta(url)
        motor = create_engine(url, poolclass=NullPool)
        with motor.connect() as c:
            esquema = c.execute(text("SELECT current_schema()")).scalar()
        motor.dispose()
        assert esquema.startswith("salida_prueba_")  # everything happened in the private schema


def test_una_base_de_antes_de_las_migraciones_se_adopta(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vieja.db'}"
    motor = create_engine(url, poolclass=NullPool)
    with motor.begin() as c:  # what store.db used to make: the 0001 tables, with no version table
        actualizar_esquema(motor, "0001")
        c.execute(text("DROP TABLE alembic_version"))
        c.execute(
            text(
                "INSERT INTO lotes (id, propietario, creado, estado, total, consentimiento, combinado, "
                "errores_archivo) VALUES ('L1', 'p', '2026-11-28 10:00:00', 'terminado', 0, '{}', 0, '[]')"
            )
        )
    motor.dispose()
    bd = base_de_datos(url)
    assert _tablas(bd.motor) == TABLAS
    with bd.motor.connect() as c:
        assert c.execute(text("SELECT id FROM lotes")).scalar() == "L1"


@pytest.mark.slow
def test_la_linea_de_comandos_de_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    raiz = Path(__file__).resolve().parents[2]
    alembic = [sys.executable, "-m", "alembic", "-c", str(raiz / "alembic.ini"), "-x", f"url={url}"]
    subprocess.run([*alembic, "upgrade", "head"], check=True, cwd=tmp_path, capture_output=True)
    motor = create_engine(url, poolclass=NullPool)
    assert _tablas(motor) == TABLAS
    subprocess.run([*alembic, "downgrade", "0001"], check=True, cwd=tmp_path, capture_output=True)
    assert _tablas(motor) == {"lotes", "filas", "documentos", "combinados"}
    subprocess.run([*alembic, "downgrade", "base"], check=True, cwd=tmp_path, capture_output=True)
    assert _tablas(motor) == set()
    motor.dispose()


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_cada_revision_tiene_su_bajada(revision: str) -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(configuracion_alembic()).get_revision(revision)
    assert script is not None and "def downgrade" in Path(script.path).read_text(encoding="utf-8")
