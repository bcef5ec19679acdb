"""The distributed path for real: Redis, two `celery worker` processes, one killed mid-batch,
and `reanudar` finishing with exactly one result per row — on SQLite and on PostgreSQL."""

from __future__ import annotations

import importlib
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from batch import repositorio
from batch.lote import lanzar, preparar_lote
from store.db import base_de_datos
from store.models import Documento, Fila, Lote
from tests.batch.conftest import fila_ejemplo, hacer_csv

BROKER = os.environ.get("SALIDA_TEST_REDIS", "redis://127.0.0.1:6379/15")
POSTGRES = os.environ.get("SALIDA_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
FILAS = 500


def _disponible(comprobar) -> bool:
    try:
        comprobar()
        return True
    except Exception:
        return False


def _redis_ok() -> None:
    import redis

    redis.Redis.from_url(BROKER, socket_connect_timeout=2).ping()


def _postgres_ok() -> None:
    with base_de_datos(POSTGRES).motor.connect():
        pass


def _requiere(servicio: str, comprobar) -> None:
    if not _disponible(comprobar):
        if os.environ.get("CI"):
            pytest.fail(f"{servicio} no responde y CI lo necesita")
        pytest.skip(f"{servicio} no está disponible en esta máquina")


@pytest.fixture
def cola(monkeypatch) -> Iterator[str]:
    """A private Celery queue on the test Redis database, emptied afterwards."""
    _requiere("Redis", _redis_ok)
    nombre = f"salida-prueba-{secrets.token_hex(4)}"
    monkeypatch.setenv("CELERY_BROKER_URL", BROKER)
    monkeypatch.setenv("SALIDA_CELERY_COLA", nombre)
    import batch.celery_app

    importlib.reload(batch.celery_app)
    yield nombre
    import redis

    redis.Redis.from_url(BROKER).delete(nombre)


def _trabajador(nombre: str, cola: str, url_bd: str, registro: Path) -> subprocess.Popen:
    entorno = {**os.environ, "DATABASE_URL": url_bd, "CELERY_BROKER_URL": BROKER,
               "SALIDA_CELERY_COLA": cola}
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "batch.celery_app", "worker", "--pool", "prefork",
         "--concurrency", "1", "-n", f"{nombre}@{cola}", "-Q", cola, "--without-gossip",
         "--without-mingle", "--without-heartbeat", "--loglevel", "WARNING"],
        env=entorno, stdout=registro.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
    )


def _esperar(condicion, segundos: float) -> None:
    limite = time.monotonic() + segundos
    while not condicion():
        assert time.monotonic() < limite, "tiempo de espera agotado"
        time.sleep(0.5)


def _quieto(bd, lote: str, segundos: float = 8) -> bool:
    """True once the number of finished rows has not changed for `segundos`."""
    antes, desde = repositorio.progreso(bd, lote).hechas, time.monotonic()
    while time.monotonic() - desde < segundos:
        time.sleep(1)
        if repositorio.progreso(bd, lote).hechas != antes:
            return False
    return True


def _lote_distribuido(url_bd: str, cola: str, tmp_path: Path) -> None:
    from batch.ejecutores import EjecutorCelery

    bd = base_de_datos(url_bd)
    filas = [fila_ejemplo(numero_documento=str(20_000_000 + i)) for i in range(FILAS)]
    lote = preparar_lote(bd, "casos.csv", hacer_csv(filas), "dueño", "prueba", tipos=["terminacion"],
                         fecha=date(2026, 11, 28))
    trabajadores = [_trabajador(f"t{i}", cola, url_bd, tmp_path / f"t{i}.log") for i in (1, 2)]
    try:
        lanzar(bd, lote, EjecutorCelery(url_bd))
        _esperar(lambda: repositorio.progreso(bd, lote).hechas >= 60, 240)
        os.killpg(trabajadores[0].pid, signal.SIGKILL)  # a worker dies mid-batch
        trabajadores[0].wait(10)
        _esperar(lambda: _quieto(bd, lote), 600)
        antes = repositorio.progreso(bd, lote)
        assert antes.hechas < FILAS, "the killed worker should have left rows behind"
        lanzar(bd, lote, EjecutorCelery(url_bd), reanudando=True)
        _esperar(lambda: repositorio.progreso(bd, lote).terminado, 600)
    finally:
        for t in trabajadores:
            if t.poll() is None:
                os.killpg(t.pid, signal.SIGTERM)
                t.wait(30)
    avance = repositorio.progreso(bd, lote)
    assert (avance.total, avance.ok, avance.error, avance.estado) == (FILAS, FILAS, 0, "terminado")
    with bd.sesiones() as s:
        por_fila = dict(s.execute(select(Documento.fila_id, func.count()).join(Fila)
                                  .where(Fila.lote_id == lote).group_by(Documento.fila_id)).all())
    assert len(por_fila) == FILAS and set(por_fila.values()) == {1}
    with bd.sesiones.begin() as s:  # leave the shared database as we found it
        s.execute(delete(Lote).where(Lote.id == lote))


def test_lote_distribuido_sqlite(cola, tmp_path):
    _lote_distribuido(f"sqlite:///{tmp_path / 'compartida.db'}", cola, tmp_path)


def test_lote_distribuido_postgresql(cola, tmp_path):
    _requiere("PostgreSQL", _postgres_ok)
    _lote_distribuido(POSTGRES, cola, tmp_path)
