"""The distributed path for real: Redis, two `celery worker` processes, one killed mid-batch,
and `reanudar` finishing with exactly one result per row — on SQLite and on PostgreSQL; and
`flask lote` noticing that its tasks were lost instead of waiting forever.

Every wait is on a condition (with a generous ceiling), never on a quiet period. Workers die with
the test process: a parent-death signal (SIGKILL) on each, and their process groups are killed in
the fixture's finaliser.
"""

from __future__ import annotations

import ctypes
import os
import re
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

pytestmark = pytest.mark.slow

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
def cola() -> Iterator[str]:
    """A private Celery queue on the test Redis database, emptied afterwards."""
    _requiere("Redis", _redis_ok)
    nombre = f"salida-prueba-{secrets.token_hex(4)}"
    yield nombre
    import redis

    cliente = redis.Redis.from_url(BROKER)
    cliente.delete(nombre)
    # A killed worker's chunk stays "unacked" (for the visibility timeout): remove ours.
    for etiqueta, mensaje in cliente.hgetall("unacked").items():
        if nombre.encode() in mensaje:
            cliente.hdel("unacked", etiqueta)
            cliente.zrem("unacked_index", etiqueta)


def _morir_con_el_padre() -> None:
    # PR_SET_PDEATHSIG: the kernel SIGKILLs the worker when the test process dies, however it dies
    # (Celery's own pool children already die with their parent worker).
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)


@pytest.fixture
def trabajadores() -> Iterator[list[subprocess.Popen]]:
    """Worker processes started by the test; their process groups are killed afterwards."""
    procesos: list[subprocess.Popen] = []
    yield procesos
    for proceso in procesos:
        if proceso.poll() is None:
            os.killpg(proceso.pid, signal.SIGKILL)
        proceso.wait(60)


def _trabajador(nombre: str, cola: str, url_bd: str, registro: Path) -> subprocess.Popen:
    entorno = {**os.environ, "DATABASE_URL": url_bd, "CELERY_BROKER_URL": BROKER,
               "SALIDA_CELERY_COLA": cola}
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "batch.celery_app", "worker", "--pool", "prefork",
         "--concurrency", "1", "-n", f"{nombre}@{cola}", "-Q", cola, "--without-gossip",
         "--without-mingle", "--without-heartbeat", "--loglevel", "WARNING"],
        env=entorno, stdout=registro.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
        preexec_fn=_morir_con_el_padre,
    )


def _esperar(condicion, segundos: float) -> None:
    limite = time.monotonic() + segundos
    while not condicion():
        assert time.monotonic() < limite, "tiempo de espera agotado"
        time.sleep(0.5)


def _lote_distribuido(url_bd: str, cola: str, tmp_path: Path, trabajadores: list) -> None:
    from batch.ejecutores import EjecutorCelery

    bd = base_de_datos(url_bd)
    filas = [fila_ejemplo(numero_documento=str(20_000_000 + i)) for i in range(FILAS)]
    lote = preparar_lote(bd, "casos.csv", hacer_csv(filas), "dueño", "prueba", tipos=["terminacion"],
                         fecha=date(2026, 11, 28))
    trabajadores += [_trabajador(f"t{i}", cola, url_bd, tmp_path / f"t{i}.log") for i in (1, 2)]
    lanzar(bd, lote, EjecutorCelery(url_bd, BROKER, cola))
    _esperar(lambda: repositorio.progreso(bd, lote).hechas >= 60, 600)
    os.killpg(trabajadores[0].pid, signal.SIGKILL)  # a worker dies mid-batch
    trabajadores[0].wait(60)
    antes = repositorio.progreso(bd, lote)
    assert antes.hechas < FILAS, "the killed worker should have left rows behind"
    # Its chunk stays unacked in the broker: only `reanudar` (the CLI's, which resumes at once)
    # gets its rows done. The survivor's row in progress, if any, loses its claim and is redone.
    lanzar(bd, lote, EjecutorCelery(url_bd, BROKER, cola), reanudando=True)
    _esperar(lambda: repositorio.progreso(bd, lote).terminado, 1200)
    avance = repositorio.progreso(bd, lote)
    assert (avance.total, avance.ok, avance.error, avance.estado) == (FILAS, FILAS, 0, "terminado")
    with bd.sesiones() as s:
        por_fila = dict(s.execute(select(Documento.fila_id, func.count()).join(Fila)
                                  .where(Fila.lote_id == lote).group_by(Documento.fila_id)).all())
    assert len(por_fila) == FILAS and set(por_fila.values()) == {1}
    with bd.sesiones.begin() as s:  # leave the shared database as we found it
        s.execute(delete(Lote).where(Lote.id == lote))


def test_lote_distribuido_sqlite(cola, tmp_path, trabajadores):
    _lote_distribuido(f"sqlite:///{tmp_path / 'compartida.db'}", cola, tmp_path, trabajadores)


def test_lote_distribuido_postgresql(cola, tmp_path, trabajadores):
    _requiere("PostgreSQL", _postgres_ok)
    _lote_distribuido(POSTGRES, cola, tmp_path, trabajadores)


def test_lote_con_tareas_perdidas_avisa_y_sale(cola, tmp_path):
    """No worker, and the queue lost (Redis restarted without persistence): exit 1 with the command."""
    import redis

    ruta = tmp_path / "casos.csv"
    ruta.write_bytes(hacer_csv([fila_ejemplo(numero_contrato=f"C-{i}") for i in range(3)]))
    salida = tmp_path / "cartas.zip"
    entorno = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
               "SALIDA_LOTE_ESPERA_SIN_AVANCE": "2", "SALIDA_EJECUTOR": "celery", "CELERY_BROKER_URL": BROKER,
               "SALIDA_CELERY_COLA": cola}
    registro = tmp_path / "cli.log"
    with registro.open("w") as archivo:
        proceso = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "app", "lote", str(ruta), "-o", str(salida),
             "--declaro-autorizacion", "--fecha", "2026-11-28"],
            env=entorno, stdout=archivo, stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parents[2],
            preexec_fn=_morir_con_el_padre)
    try:
        cliente = redis.Redis.from_url(BROKER)
        _esperar(lambda: cliente.llen(cola) > 0 or proceso.poll() is not None, 300)
        assert cliente.delete(cola) == 1  # Redis comes back empty: the batch's tasks are gone
        codigo = proceso.wait(300)
    finally:
        if proceso.poll() is None:
            proceso.kill()
    texto = " ".join(registro.read_text().split())  # rich may wrap long lines
    assert codigo == 1, texto
    inicio = re.search(r"Lote (\S+)\. Si se interrumpe, continúe con: flask --app app reanudar (\S+) -o",
                       texto)
    assert inicio and inicio.group(1) == inicio.group(2)
    assert "El lote se detuvo: ninguna fila avanzó en" in texto
    assert "no queda ninguna tarea del lote en la cola de Celery" in texto
    assert "Faltan 3 de 3 filas" in texto
    assert texto.endswith(f"flask --app app reanudar {inicio.group(1)} -o {salida}")
    assert not salida.exists()


def _vivo(pid: int) -> bool:
    try:
        estado = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return estado != "Z"  # a zombie has already died (in a container nobody may reap it)


def _hijos(pid: int) -> list[int]:
    hijos = []
    for entrada in Path("/proc").iterdir():
        if entrada.name.isdigit():
            try:
                if int((entrada / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    hijos.append(int(entrada.name))
            except OSError:
                continue
    return hijos


PADRE = """
import sys, time
from pathlib import Path
from tests.batch.test_celery import _trabajador
trabajador = _trabajador("huerfano", sys.argv[1], sys.argv[2], Path(sys.argv[3]))
print(trabajador.pid, flush=True)
time.sleep(3600)
"""


def test_los_trabajadores_mueren_con_el_proceso_de_prueba(cola, tmp_path):
    """A test process killed from outside (SIGKILL: no finaliser runs) takes its workers with it."""
    padre = subprocess.Popen(
        [sys.executable, "-c", PADRE, cola, f"sqlite:///{tmp_path / 'h.db'}", str(tmp_path / "h.log")],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        trabajador = int(padre.stdout.readline())
        _esperar(lambda: len(_hijos(trabajador)) >= 1, 300)  # the worker's pool process is up
        familia = [trabajador, *_hijos(trabajador)]
        padre.kill()
        padre.wait(60)
        _esperar(lambda: not any(_vivo(p) for p in familia), 120)
    finally:
        if padre.poll() is None:
            padre.kill()
        for pid in familia if "familia" in locals() else []:
            if _vivo(pid):
                os.kill(pid, signal.SIGKILL)
