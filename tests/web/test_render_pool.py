"""PDFs are drawn in separate render processes, each within a budget; pages never wait for them.

Real processes throughout: the app's own pool (letters.procesos), hostile cases built from the
model's maximum lengths, render processes killed with SIGKILL.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask

from app import create_app
from letters import procesos
from tests.letters.hostil import caso_hostil
from tests.web.conftest import CONFIG_PRUEBAS
from web.cartas import PDF_DEFECTOS

pytestmark = pytest.mark.slow

PROCESOS = 2
ESPERA = float(PDF_DEFECTOS["PDF_ESPERA"])  # the pool the app asks for


def esperar(condicion: Callable[[], bool], segundos: float = 120) -> None:
    """Wait until `condicion()` holds (generous: the machine may be loaded)."""
    limite = time.monotonic() + segundos
    while not condicion():
        assert time.monotonic() < limite, "la condición no se cumplió a tiempo"
        time.sleep(0.02)


def terminado(pid: int) -> bool:
    """Whether process `pid` is gone (or a zombie waiting to be reaped)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def app_con(**ajustes: Any) -> Flask:
    """The app drawing PDFs in a pool of `PDF_PROCESOS` processes, with these settings."""
    return create_app({**CONFIG_PRUEBAS, "PDF_PROCESOS": PROCESOS, **ajustes})


@pytest.fixture(scope="module", autouse=True)
def _cerrar_pools() -> Iterator[None]:
    yield
    procesos.cerrar_todos()


@pytest.fixture(scope="module")
def hostil() -> dict[str, Any]:
    """Every list and free text as long as the model allows: laid out, some 35 pages long."""
    return caso_hostil("seguido")


def en_hilo(app: Flask, ruta: str, datos: dict[str, Any], resultados: dict[str, Any],
            nombre: str) -> threading.Thread:
    """POST `datos` as JSON to `ruta` in a thread of its own; the response lands in `resultados`."""
    def pedir() -> None:
        resultados[nombre] = app.test_client().post(ruta, json=datos)

    hilo = threading.Thread(target=pedir)
    hilo.start()
    return hilo


def test_pdf_ordinario_respondido_mientras_se_rechazan_dos_hostiles(semilla, hostil):
    # The hostile letter lays out some 35 pages: a 20-page limit, not a loaded machine's CPU, stops it.
    app = app_con(PDF_SEGUNDOS=60, PDF_PAGINAS=20)
    pool = procesos.del_proceso(PROCESOS, ESPERA)
    resultados: dict[str, Any] = {}
    hilos = [en_hilo(app, "/api/v1/cartas/queja", hostil, resultados, f"hostil{i}") for i in range(2)]
    esperar(lambda: pool.libres() < PROCESOS or len(resultados) == 2)  # a hostile letter is drawing
    normal = app.test_client().post("/api/v1/cartas/queja", json=semilla)
    assert normal.status_code == 200 and normal.data.startswith(b"%PDF-")
    # Long letters have a process of their own: the ordinary one did not queue behind both (each
    # hostile costs some 20 pages of layout, the ordinary letter two).
    assert len(resultados) < 2
    assert app.test_client().post("/caso/editar", data={"caso": "{}"}).status_code == 400  # pages go on
    for hilo in hilos:
        hilo.join()
    for nombre in ("hostil0", "hostil1"):
        r = resultados[nombre]
        assert r.status_code == 413, nombre
        assert "más de 20 páginas" in r.get_json()["mensaje"]


def test_un_hostil_falla_con_error_claro_dentro_de_su_presupuesto_y_se_recicla(semilla, hostil):
    app = app_con(PDF_SEGUNDOS=0.5, PDF_PAGINAS=10_000)
    pool = procesos.del_proceso(PROCESOS, ESPERA)
    antes = set(pool.pids())
    r = app.test_client().post("/api/v1/cartas/queja", json=hostil)
    assert r.status_code == 413
    assert "más de 0.5 segundos de cálculo" in r.get_json()["mensaje"]
    assert len(set(pool.pids()) - antes) == 1  # the process that overran was replaced
    r = app.test_client().post("/api/v1/cartas/queja", json=semilla)
    assert r.status_code == 200 and r.data.startswith(b"%PDF-")


@pytest.mark.parametrize("en_procesos", [PROCESOS, 0], ids=["pool", "en-el-hilo"])
def test_el_limite_de_paginas_en_la_pagina_de_cartas_es_un_413_en_espanol(semilla_json, en_procesos):
    app = app_con(PDF_PAGINAS=1, PDF_PROCESOS=en_procesos)
    r = app.test_client().post("/cartas/queja.pdf", data={"caso": semilla_json})
    assert r.status_code == 413
    pagina = r.get_data(as_text=True)
    assert "La carta tendría más de una página" in pagina and "Traceback" not in pagina


def test_el_pool_sobrevive_a_un_proceso_matado_en_reposo(semilla):
    app = app_con()
    pool = procesos.del_proceso(PROCESOS, ESPERA)
    victima = pool.pids()[-1]  # one that draws ordinary letters
    os.kill(victima, signal.SIGKILL)
    esperar(lambda: terminado(victima))
    for _ in range(PROCESOS + 1):
        r = app.test_client().post("/api/v1/cartas/queja", json=semilla)
        assert r.status_code == 200 and r.data.startswith(b"%PDF-")
    assert victima not in pool.pids() and len(pool.pids()) == PROCESOS


def test_el_pool_sobrevive_a_un_proceso_matado_mientras_dibuja(semilla, hostil):
    app = create_app({**CONFIG_PRUEBAS, "PDF_PROCESOS": 1, "PDF_SEGUNDOS": 600, "PDF_PAGINAS": 10_000})
    pool = procesos.del_proceso(1, ESPERA)
    resultados: dict[str, Any] = {}
    hilo = en_hilo(app, "/api/v1/cartas/queja", hostil, resultados, "hostil")
    esperar(lambda: pool.libres() == 0 or "hostil" in resultados)
    assert "hostil" not in resultados  # still drawing its 30-odd pages
    victima = pool.pids()[0]
    os.kill(victima, signal.SIGKILL)
    hilo.join()
    assert resultados["hostil"].status_code == 503
    assert "No pudimos generar el PDF" in resultados["hostil"].get_json()["mensaje"]
    r = app.test_client().post("/api/v1/cartas/queja", json=semilla)
    assert r.status_code == 200 and r.data.startswith(b"%PDF-")
    assert victima not in pool.pids()


def test_una_carta_guardada_fuera_de_presupuesto_no_queda_en_el_historial(tmp_path):
    from sqlalchemy import select

    from store.casos import Evento
    from store.db import base_de_datos
    from tests.casos.conftest import guardar_con_enlace, hacer_app

    url = f"sqlite:///{tmp_path / 'salida.db'}"
    client = hacer_app(url, PDF_PROCESOS=PROCESOS, PDF_PAGINAS=1).test_client()
    ruta = guardar_con_enlace(client)
    r = client.post(ruta + "/cartas/queja.pdf", data={})
    assert r.status_code == 413 and "La carta tendría más de una página" in r.text
    with base_de_datos(url).sesiones() as s:
        assert list(s.scalars(select(Evento))) == []  # a letter that was not drawn is no fact


def test_con_todos_los_procesos_ocupados_un_503_con_reintento(semilla, hostil):
    app = create_app({**CONFIG_PRUEBAS, "PDF_PROCESOS": 1, "PDF_ESPERA": 0.05,
                      "PDF_SEGUNDOS": 600, "PDF_PAGINAS": 10_000})
    pool = procesos.del_proceso(1, 0.05)
    resultados: dict[str, Any] = {}
    hilo = en_hilo(app, "/api/v1/cartas/queja", hostil, resultados, "hostil")
    esperar(lambda: pool.libres() == 0 or "hostil" in resultados)
    assert "hostil" not in resultados
    r = app.test_client().post("/api/v1/cartas/queja", json=semilla)
    assert r.status_code == 503 and r.headers["Retry-After"] == "30"
    assert "No pudimos generar el PDF en este momento" in r.get_json()["mensaje"]
    os.kill(pool.pids()[0], signal.SIGKILL)  # end the long render; the pool replaces the process
    hilo.join()


def test_con_la_cola_llena_el_503_llega_sin_esperar(semilla, hostil):
    """One process busy and one request waiting (PDF_EN_COLA=1): the next is refused at once, though
    PDF_ESPERA would let it wait ten minutes, so waiting PDFs cannot take every serving thread."""
    config = {**CONFIG_PRUEBAS, "PDF_PROCESOS": 1, "PDF_ESPERA": 600.0, "PDF_EN_COLA": 1,
              "PDF_SEGUNDOS": 600, "PDF_PAGINAS": 10_000}
    app = create_app(config)
    pool = procesos.del_proceso(1, 600.0, 1)
    resultados: dict[str, Any] = {}
    largo = en_hilo(app, "/api/v1/cartas/queja", hostil, resultados, "hostil")
    esperar(lambda: pool.libres() == 0 or "hostil" in resultados)
    en_espera = en_hilo(app, "/api/v1/cartas/queja", semilla, resultados, "en_espera")
    esperar(lambda: pool._esperando == 1 or "en_espera" in resultados)
    assert "hostil" not in resultados and "en_espera" not in resultados
    r = app.test_client().post("/api/v1/cartas/queja", json=semilla)
    assert r.status_code == 503 and r.headers["Retry-After"] == "30"
    os.kill(pool.pids()[0], signal.SIGKILL)  # end the long render; the pool replaces the process
    largo.join()
    en_espera.join()
    assert resultados["en_espera"].status_code == 200  # the one that waited got its letter
