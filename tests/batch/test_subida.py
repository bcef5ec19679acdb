"""Upload size: the batch route takes files up to its own limit, with CSRF on; other forms keep theirs."""

from __future__ import annotations

import io
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

import batch
from app import create_app
from batch import repositorio
from batch.vistas import _bd
from tests.batch.conftest import fila_ejemplo, hacer_csv

CONFIG = {"TESTING": True, "SECRET_KEY": "clave-de-pruebas-" + "x" * 32, "WTF_CSRF_ENABLED": True,
          "RATELIMIT_ENABLED": False, "SESSION_COOKIE_SECURE": False, "LOTE_MAX_FILAS": 5000}


@pytest.fixture
def app(tmp_path) -> Flask:
    aplicacion = create_app({**CONFIG, "DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}"})
    batch.registrar(aplicacion)
    return aplicacion


def _ficha(cliente: FlaskClient, url: str) -> str:
    pagina = cliente.get(url)
    return re.search(r'name="csrf_token" value="([^"]+)"', pagina.text).group(1)


def _csv_de(megas: float) -> bytes:
    # Rows the model refuses (cut-off day 45) get their result at once: no letters are rendered.
    fila = fila_ejemplo(dia_corte="45", referencia="r" * 4000)
    cabeceras = [*fila_ejemplo().keys(), "referencia"]
    una = len(hacer_csv([fila], cabeceras=cabeceras)) - len(hacer_csv([], cabeceras=cabeceras))
    return hacer_csv([fila] * (int(megas * 1_000_000 / una) + 1), cabeceras=cabeceras)


def test_un_archivo_de_5_mb_se_acepta_con_csrf(app):
    cliente = app.test_client()
    datos = _csv_de(5)
    assert len(datos) > 5_000_000 and len(datos) > app.config["MAX_CONTENT_LENGTH"]
    respuesta = cliente.post("/lotes/", content_type="multipart/form-data", data={
        "csrf_token": _ficha(cliente, "/lotes/"), "consentimiento": "si", "declarante": "Asociación",
        "archivo": (io.BytesIO(datos), "casos.csv")})
    assert respuesta.status_code == 303, respuesta.text[:300]
    lote_id = respuesta.headers["Location"].rsplit("/", 1)[-1]
    with app.app_context():
        avance = repositorio.progreso(_bd(), lote_id)
    assert avance.total == avance.error > 1000


def test_mas_del_limite_del_lote_da_413_con_el_formulario(app, monkeypatch):
    import batch.vistas

    monkeypatch.setattr(batch.vistas.subir, "limite_cuerpo", 2_000_000)
    cliente = app.test_client()
    respuesta = cliente.post("/lotes/", content_type="multipart/form-data", data={
        "csrf_token": _ficha(cliente, "/lotes/"), "consentimiento": "si", "declarante": "Asociación",
        "archivo": (io.BytesIO(_csv_de(3)), "casos.csv")})
    assert respuesta.status_code == 413
    assert "El archivo pesa más de 20 MB." in respuesta.text and 'name="archivo"' in respuesta.text


def test_los_demas_formularios_conservan_su_limite(app):
    cliente = app.test_client()
    ficha = _ficha(cliente, "/lotes/")
    respuesta = cliente.post("/caso", data={"csrf_token": ficha, "nombre": "x" * 1_000_000})
    assert respuesta.status_code == 413
