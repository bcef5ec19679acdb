"""Resuming and finishing under any interleaving: a running batch is never resumed, a second press
does nothing, and the batch is finalised exactly once whoever stores the last result."""

from __future__ import annotations

import io
import os
import re
import threading
import time
from datetime import date, timedelta

import pytest
from flask import Flask
from sqlalchemy import delete, select

import batch
from app import create_app
from batch import repositorio
from batch.conversion import leer_fila
from batch.lote import preparar_lote
from batch.repositorio import PAUSA_DETENIDO
from store.db import base_de_datos
from store.models import Fila, Lote
from tests.batch.conftest import fila_ejemplo, hacer_csv

POSTGRES = os.environ.get("SALIDA_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
HACE_UN_RATO = timedelta(minutes=10)


def _lote(bd, n: int = 3) -> str:
    filas = [leer_fila(i + 2, fila_ejemplo(), date(2026, 11, 28)) for i in range(n)]
    return repositorio.crear_lote(bd, filas, "dueño", {"texto": "ok"})


def _envejecer(bd, lote: str, cuanto: timedelta = HACE_UN_RATO) -> None:
    """Move every timestamp of the batch back: as if its worker died `cuanto` ago."""
    with bd.sesiones.begin() as s:  # in Python: SQLite has no datetime arithmetic
        lote_db = s.get(Lote, lote)
        lote_db.creado -= cuanto
        for fila in s.scalars(select(Fila).where(Fila.lote_id == lote, Fila.reclamada.is_not(None))):
            fila.reclamada -= cuanto


def _filas(bd, lote: str) -> dict[int, tuple[str, str | None, int]]:
    with bd.sesiones() as s:
        return {f.id: (f.estado, f.ficha, f.intentos)
                for f in s.scalars(select(Fila).where(Fila.lote_id == lote))}


@pytest.fixture(params=["sqlite", "postgresql"])
def bd_compartida(request, tmp_path):
    """SQLite in a file, and the shared PostgreSQL (batches deleted afterwards)."""
    if request.param == "sqlite":
        yield base_de_datos(f"sqlite:///{tmp_path / 'r.db'}")
        return
    try:
        bd = base_de_datos(POSTGRES)
        with bd.motor.connect():
            pass
    except Exception:
        if os.environ.get("CI"):
            raise
        pytest.skip("PostgreSQL no está disponible en esta máquina")
    creados: list[str] = []
    bd.creados = creados  # type: ignore[attr-defined]
    yield bd
    with bd.sesiones.begin() as s:
        s.execute(delete(Lote).where(Lote.id.in_(creados)))


def _nuevo(bd, n: int = 3) -> str:
    lote = _lote(bd, n)
    getattr(bd, "creados", []).append(lote)
    return lote


def test_un_lote_en_marcha_no_se_reanuda(bd_compartida):
    bd = bd_compartida
    lote = _nuevo(bd)
    repositorio.marcar_en_curso(bd, lote)
    primera, *_ = repositorio.pendientes(bd, lote)
    ficha, _ = repositorio.reclamar(bd, primera)  # a live worker, right now
    antes = _filas(bd, lote)
    assert not repositorio.progreso(bd, lote).detenido()
    assert repositorio.reanudar(bd, lote, PAUSA_DETENIDO) == []
    assert _filas(bd, lote) == antes
    assert repositorio.terminar(bd, primera, ficha, "ok", {}, [])  # its result still counts


def test_un_lote_detenido_se_reanuda_una_sola_vez(bd_compartida):
    bd = bd_compartida
    lote = _nuevo(bd)
    repositorio.marcar_en_curso(bd, lote)
    primera, *resto = repositorio.pendientes(bd, lote)
    vieja, _ = repositorio.reclamar(bd, primera)  # a worker that died ten minutes ago
    _envejecer(bd, lote)
    assert repositorio.progreso(bd, lote).detenido()
    assert repositorio.reanudar(bd, lote, PAUSA_DETENIDO) == [primera, *resto]
    despues = _filas(bd, lote)
    assert despues[primera] == ("pendiente", None, 1)
    assert not repositorio.progreso(bd, lote).detenido()
    assert repositorio.reanudar(bd, lote, PAUSA_DETENIDO) == []  # the second press
    assert _filas(bd, lote) == despues
    assert not repositorio.terminar(bd, primera, vieja, "ok", {}, [])  # the dead claim is void


def test_pulsaciones_simultaneas_reanudan_una_vez(bd_compartida):
    bd = bd_compartida
    lote = _nuevo(bd, 4)
    repositorio.marcar_en_curso(bd, lote)
    for fila in repositorio.pendientes(bd, lote)[:2]:
        repositorio.reclamar(bd, fila)
    _envejecer(bd, lote)
    salida: list[list[int]] = []
    barrera = threading.Barrier(6)

    def pulsar() -> None:
        barrera.wait()
        salida.append(repositorio.reanudar(bd, lote, PAUSA_DETENIDO))

    hilos = [threading.Thread(target=pulsar) for _ in range(6)]
    for h in hilos:
        h.start()
    for h in hilos:
        h.join()
    assert sorted(len(ids) for ids in salida) == [0, 0, 0, 0, 0, 4]
    assert {estado for estado, _, _ in _filas(bd, lote).values()} == {"pendiente"}


def test_el_lote_se_cierra_una_vez_en_cualquier_orden(bd_compartida):
    bd = bd_compartida
    lote = _nuevo(bd, 12)
    repositorio.marcar_en_curso(bd, lote)
    reclamos = [(f, repositorio.reclamar(bd, f)[0]) for f in repositorio.pendientes(bd, lote)]
    barrera = threading.Barrier(len(reclamos))
    cierres: list[bool] = []

    def terminar(fila: int, ficha: str) -> None:
        barrera.wait()
        assert repositorio.terminar(bd, fila, ficha, "ok", {}, [])
        cierres.append(repositorio.cerrar_si_termino(bd, lote))

    hilos = [threading.Thread(target=terminar, args=r) for r in reclamos]
    for h in hilos:
        h.start()
    for h in hilos:
        h.join()
    avance = repositorio.progreso(bd, lote)
    assert (avance.ok, avance.estado) == (12, "terminado")
    assert cierres.count(True) <= 1  # terminar() itself may have been the one that closed it
    # A late hand-off or resume (a runner's enviar, `reanudar`) never reopens a finished batch:
    # that was the Celery run's (500, 500, 0, 'en_curso').
    repositorio.marcar_en_curso(bd, lote)
    assert repositorio.reanudar(bd, lote) == []
    assert repositorio.progreso(bd, lote).estado == "terminado"
    assert not repositorio.cerrar_si_termino(bd, lote)


def test_cancelado_o_terminado_no_cambia(bd):
    lote = _lote(bd, 1)
    repositorio.cancelar(bd, lote)
    assert repositorio.reanudar(bd, lote) == [] and repositorio.reanudar(bd, lote, timedelta(0)) == []
    assert repositorio.progreso(bd, lote).estado == "cancelado"


# The web page and route.

CONFIG = {"TESTING": True, "SECRET_KEY": "clave-de-pruebas-" + "x" * 32, "WTF_CSRF_ENABLED": False,
          "RATELIMIT_ENABLED": False, "SESSION_COOKIE_SECURE": False}


@pytest.fixture
def app(tmp_path) -> Flask:
    aplicacion = create_app({**CONFIG, "DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}"})
    batch.registrar(aplicacion)
    yield aplicacion
    ejecutor = aplicacion.extensions.get("salida_lotes", {}).get("ejecutor")
    if ejecutor is not None:
        ejecutor.esperar()
        ejecutor.cerrar()


def _lote_web(app, cliente, n: int = 3) -> tuple[str, object]:
    with cliente.session_transaction() as sesion:
        sesion["lotes"] = "ficha-del-navegador"
    bd = base_de_datos(app.config["DATABASE_URL"])
    filas = [fila_ejemplo(numero_documento=str(30_000_000 + i)) for i in range(n)]
    lote = preparar_lote(bd, "casos.csv", hacer_csv(filas), "ficha-del-navegador", "prueba",
                         tipos=["terminacion"], fecha=date(2026, 11, 28))
    repositorio.marcar_en_curso(bd, lote)
    return lote, bd


def _esperar(condicion, segundos: float = 300) -> None:
    limite = time.monotonic() + segundos
    while not condicion():
        assert time.monotonic() < limite, "tiempo de espera agotado"
        time.sleep(0.2)


@pytest.mark.slow
def test_la_pagina_ofrece_reanudar_solo_si_esta_detenido(app):
    cliente = app.test_client()
    lote, bd = _lote_web(app, cliente)
    primera, *_ = repositorio.pendientes(bd, lote)
    ficha, _ = repositorio.reclamar(bd, primera)  # a worker on it right now
    pagina = cliente.get(f"/lotes/{lote}")
    assert "Procesando" in pagina.text and "Reanudar" not in pagina.text
    assert cliente.get(f"/lotes/{lote}/estado.json").get_json()["detenido"] is False
    assert cliente.post(f"/lotes/{lote}/reanudar").status_code == 303  # pressed anyway: no-op
    assert _filas(bd, lote)[primera] == ("en_proceso", ficha, 1)

    _envejecer(bd, lote)  # that worker died ten minutes ago
    pagina = cliente.get(f"/lotes/{lote}")
    assert re.search(r"no avanza desde hace más de \d+ minutos", pagina.text)
    assert 'id="lote-reanudar"' in pagina.text
    assert cliente.get(f"/lotes/{lote}/estado.json").get_json()["detenido"] is True
    assert cliente.post(f"/lotes/{lote}/reanudar").status_code == 303
    assert cliente.post(f"/lotes/{lote}/reanudar").status_code == 303  # second press: no-op
    _esperar(lambda: repositorio.progreso(bd, lote).terminado)
    avance = repositorio.progreso(bd, lote)
    assert (avance.ok, avance.estado) == (3, "terminado")
    # Nothing in progress was thrown away: the dead row was claimed twice, the others once.
    intentos = {f: i for f, (_, _, i) in _filas(bd, lote).items()}
    assert intentos.pop(primera) == 2 and set(intentos.values()) == {1}
    assert "Reanudar" not in cliente.get(f"/lotes/{lote}").text


def test_otro_navegador_no_puede_reanudar(app):
    lote, _ = _lote_web(app, app.test_client())
    assert app.test_client().post(f"/lotes/{lote}/reanudar").status_code == 404


def test_cargar_sigue_funcionando(app):
    cliente = app.test_client()
    respuesta = cliente.post("/lotes/", content_type="multipart/form-data", data={
        "consentimiento": "si", "declarante": "A", "tipos": ["terminacion"], "fecha": "2026-11-28",
        "archivo": (io.BytesIO(hacer_csv([fila_ejemplo()])), "casos.csv")})
    assert respuesta.status_code == 303


def test_la_pagina_cierra_un_lote_cuyo_cierre_se_perdio(app):
    cliente = app.test_client()
    lote, bd = _lote_web(app, cliente, 1)
    [fila] = repositorio.pendientes(bd, lote)
    ficha, _ = repositorio.reclamar(bd, fila)
    with bd.sesiones.begin() as s:  # the result is stored, then the worker dies before closing
        s.execute(Fila.__table__.update().where(Fila.id == fila, Fila.ficha == ficha)
                  .values(estado="ok", ficha=None, terminada=Fila.reclamada))
    assert repositorio.progreso(bd, lote).estado == "en_curso"
    estado = cliente.get(f"/lotes/{lote}/estado.json").get_json()
    assert (estado["estado"], estado["terminado"]) == ("terminado", True)
