"""Rate limits shared across processes (hardening part 2, item 2): real gunicorn with 2 workers and
real Redis count one limit; several workers on memory storage refuse to start without an override."""

from __future__ import annotations

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from web.config import REDIS_POR_DEFECTO, almacen_de_limites

RAIZ = Path(__file__).resolve().parents[2]
REDIS = os.environ.get("SALIDA_TEST_REDIS_LIMITES", "redis://127.0.0.1:6379/13")
HOST = "127.0.0.1"


def _redis():
    import redis

    cliente = redis.Redis.from_url(REDIS, socket_connect_timeout=2)
    try:
        cliente.ping()
    except Exception:
        pytest.skip("Redis no responde en 127.0.0.1:6379")
    return cliente


def _puerto() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _gunicorn(tmp_path: Path, puerto: int, **entorno: str) -> subprocess.Popen[bytes]:
    propio = {k: v for k, v in os.environ.items() if not k.startswith("SALIDA_")}
    env = {**propio, "SALIDA_SECRET_KEY": secrets.token_hex(32), "SALIDA_SESSION_COOKIE_SECURE": "false",
           "SALIDA_RESPONSABLE_DATOS": "Pruebas de Salida",
           "SALIDA_BIND": f"{HOST}:{puerto}", "SALIDA_WORKERS": "2", "SALIDA_THREADS": "2",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'salida.db'}", **entorno}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return subprocess.Popen([str(gunicorn), "-c", "python:web.gunicorn_conf", "app:create_app()"], cwd=RAIZ,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _pedir(puerto: int, metodo: str, ruta: str) -> http.client.HTTPResponse:
    conexion = http.client.HTTPConnection(HOST, puerto, timeout=60)
    conexion.request(metodo, ruta, body=b"{}", headers={"Content-Type": "application/json"})
    respuesta = conexion.getresponse()
    respuesta.read()
    conexion.close()
    return respuesta


def _esperar(proceso: subprocess.Popen[bytes], puerto: int) -> None:
    limite = time.monotonic() + 180
    while time.monotonic() < limite:
        if proceso.poll() is not None:
            raise AssertionError(proceso.stderr.read().decode() if proceso.stderr else "gunicorn terminó")
        try:
            if _pedir(puerto, "GET", "/api/v1/reglas").status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn no respondió")


@pytest.fixture
def servidor(tmp_path) -> Iterator[tuple[int, str]]:
    cliente = _redis()
    prefijo = "prueba-" + secrets.token_hex(6)
    puerto = _puerto()
    proceso = _gunicorn(tmp_path, puerto, SALIDA_RATELIMIT_STORAGE_URI=REDIS,
                        SALIDA_RATELIMIT_KEY_PREFIX=prefijo, SALIDA_LIMITE_PDF="5 per minute")
    try:
        _esperar(proceso, puerto)
        yield puerto, prefijo
    finally:
        os.killpg(proceso.pid, 15)
        proceso.communicate(timeout=60)
        for clave in cliente.scan_iter(f"*{prefijo}*"):
            cliente.delete(clave)


@pytest.mark.slow
def test_un_solo_limite_para_dos_workers(servidor):
    puerto, _ = servidor
    # An unknown letter kind still goes through the PDF limit (counted before the view answers 404).
    codigos = [_pedir(puerto, "POST", "/api/v1/cartas/ninguna").status for _ in range(12)]
    assert codigos.count(404) == 5 and codigos.count(429) == 7, codigos
    assert codigos[:5] == [404] * 5


@pytest.mark.slow
def test_varios_workers_en_memoria_no_arrancan(tmp_path):
    proceso = _gunicorn(tmp_path, _puerto(), SALIDA_RATELIMIT_STORAGE_URI="memory://")
    _, error = proceso.communicate(timeout=120)
    assert proceso.returncode != 0
    assert "se cuentan por proceso" in error.decode()


@pytest.mark.slow
def test_redis_caido_no_arranca(tmp_path):
    proceso = _gunicorn(tmp_path, _puerto(), SALIDA_RATELIMIT_STORAGE_URI=f"redis://{HOST}:{_puerto()}/0")
    _, error = proceso.communicate(timeout=120)
    assert proceso.returncode != 0 and "no responde" in error.decode()


def test_almacen_por_defecto():
    assert almacen_de_limites(1, {}) == "memory://"
    assert almacen_de_limites(4, {}) == REDIS_POR_DEFECTO
    assert almacen_de_limites(4, {"CELERY_BROKER_URL": "redis://10.0.0.1:6379/2"}) == "redis://10.0.0.1:6379/2"
    assert almacen_de_limites(4, {"SALIDA_RATELIMIT_STORAGE_URI": "redis://x:6379/1"}) == "redis://x:6379/1"
    with pytest.raises(RuntimeError, match="se cuentan por proceso"):
        almacen_de_limites(2, {"SALIDA_RATELIMIT_STORAGE_URI": "memory://"})
    en_memoria = {"SALIDA_RATELIMIT_STORAGE_URI": "memory://", "SALIDA_LIMITES_EN_MEMORIA": "true"}
    assert almacen_de_limites(2, en_memoria) == "memory://"


def test_gunicorn_sin_su_configuracion_y_en_memoria_no_arranca(monkeypatch):
    import types

    from app import create_app

    monkeypatch.setenv("SALIDA_SECRET_KEY", "k" * 64)
    monkeypatch.setenv("SALIDA_RESPONSABLE_DATOS", "Pruebas de Salida")
    monkeypatch.delenv("SALIDA_LIMITES_REVISADOS", raising=False)
    monkeypatch.setitem(sys.modules, "gunicorn.workers.base", types.ModuleType("gunicorn.workers.base"))
    with pytest.raises(RuntimeError, match="gunicorn_conf"):
        create_app()
