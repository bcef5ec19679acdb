"""The advocates' batch pages: upload, follow, cancel, download; only the creator sees a batch."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from flask import Flask
from flask.testing import FlaskClient

import batch
from app import create_app
from tests.batch.conftest import fila_ejemplo, hacer_csv

CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "clave-de-pruebas-" + "x" * 32,
    "WTF_CSRF_ENABLED": False,
    "RATELIMIT_ENABLED": False,
    "SESSION_COOKIE_SECURE": False,
}


@pytest.fixture
def app(tmp_path) -> Flask:
    aplicacion = create_app({**CONFIG, "DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}",
                             "LOTE_MAX_FILAS": 5})
    batch.registrar(aplicacion)
    yield aplicacion
    ejecutor = aplicacion.extensions.get("salida_lotes", {}).get("ejecutor")
    if ejecutor is not None and hasattr(ejecutor, "cerrar"):
        ejecutor.cerrar()


def _subir(cliente: FlaskClient, datos: bytes, nombre: str = "casos.csv", **campos):
    formulario = {"consentimiento": "si", "declarante": "Asociación de prueba", "fecha": "2026-11-28",
                  "tipos": ["terminacion"], **campos,
                  "archivo": (io.BytesIO(datos), nombre)}
    return cliente.post("/lotes/", data=formulario, content_type="multipart/form-data")


def _esperar(cliente: FlaskClient, url: str) -> dict:
    limite = time.monotonic() + 120
    while True:
        estado = cliente.get(url + "/estado.json").get_json()
        if estado["terminado"]:
            return estado
        assert time.monotonic() < limite
        time.sleep(0.5)


def test_pagina_de_carga_y_plantillas(client_lotes):
    pagina = client_lotes.get("/lotes/")
    assert pagina.status_code == 200 and "Cartas por lote" in pagina.text
    assert "Ley 1581 de 2012" in pagina.text
    assert client_lotes.get("/lotes/plantilla.xlsx").data[:2] == b"PK"
    assert client_lotes.get("/lotes/plantilla.csv").data.startswith("\ufefffecha_evaluacion".encode())
    assert client_lotes.get("/lotes/instrucciones.csv").status_code == 200


@pytest.fixture
def client_lotes(app: Flask) -> FlaskClient:
    return app.test_client()


def test_sin_autorizacion_no_se_procesa(client_lotes):
    respuesta = _subir(client_lotes, hacer_csv([fila_ejemplo()]), consentimiento="")
    assert respuesta.status_code == 400
    assert "autorización de cada titular" in respuesta.text
    assert 'href="#consentimiento"' in respuesta.text  # the error summary links to the field


def test_archivo_ilegible_y_limite_de_filas(client_lotes):
    respuesta = _subir(client_lotes, b"a;b\n1;2\n")
    assert respuesta.status_code == 400 and "nombres de columna" in respuesta.text
    respuesta = _subir(client_lotes, hacer_csv([fila_ejemplo(numero_contrato=f"C-{i}") for i in range(6)]))
    assert respuesta.status_code == 400 and "más de 5 filas" in respuesta.text


@pytest.mark.slow
def test_lote_de_principio_a_fin(app, client_lotes):
    filas = [fila_ejemplo(), fila_ejemplo(dia_corte="45")]
    respuesta = _subir(client_lotes, hacer_csv(filas), combinado="si")
    assert respuesta.status_code == 303
    url = respuesta.headers["Location"]
    assert url.startswith("/lotes/") and "Ana" not in url
    pagina = client_lotes.get(url)
    assert pagina.status_code == 200 and "Su lote" in pagina.text
    estado = _esperar(client_lotes, url)
    assert (estado["total"], estado["ok"], estado["error"]) == (2, 1, 1)
    pagina = client_lotes.get(url)
    assert "Descargar cartas e informe" in pagina.text
    descarga = client_lotes.get(url + "/cartas.zip")
    assert descarga.status_code == 200 and descarga.mimetype == "application/zip"
    nombres = zipfile.ZipFile(io.BytesIO(descarga.data)).namelist()
    assert nombres == ["cartas/0002_terminacion.pdf", "impresion.pdf", "informe.csv", "informe.xlsx",
                       "errores.csv"]

    otro = app.test_client()  # another browser session cannot see the batch
    assert otro.get(url).status_code == 404
    assert otro.get(url + "/cartas.zip").status_code == 404
    assert otro.post(url + "/cancelar").status_code == 404


def test_cancelar(client_lotes):
    respuesta = _subir(client_lotes, hacer_csv([fila_ejemplo(numero_contrato=f"C-{i}") for i in range(3)]))
    url = respuesta.headers["Location"]
    assert client_lotes.post(url + "/cancelar").status_code == 303
    estado = _esperar(client_lotes, url)
    assert estado["estado"] == "cancelado" and estado["terminado"]


def test_lote_inexistente(client_lotes):
    assert client_lotes.get("/lotes/no-existe").status_code == 404
