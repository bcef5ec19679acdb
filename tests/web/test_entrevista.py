"""The interview: one topic per page, answers kept as a two-hour draft, a result with its own address."""

from __future__ import annotations

import copy
import os
import re
import stat
import time

import pytest

from app import create_app
from tests.web.conftest import CONFIG_PRUEBAS, formulario_de
from web import borradores
from web.campos import PASOS

RUTAS = [f"/caso/paso/{p.id}" for p in PASOS]


@pytest.fixture
def app(tmp_path):
    """The app with its drafts in a temporary folder."""
    return create_app({**copy.deepcopy(CONFIG_PRUEBAS), "CARPETA_BORRADORES": str(tmp_path)})


def _recorrer(client, datos) -> None:
    for ruta, siguiente in zip(RUTAS, [*RUTAS[1:], "/caso/revisar"], strict=True):
        r = client.post(ruta, data=datos)
        assert (r.status_code, r.headers.get("Location")) == (303, siguiente), r.text[:2000]
    r = client.post("/caso/revisar")
    assert (r.status_code, r.headers["Location"]) == (303, "/caso/resultado")


def test_la_semilla_paso_a_paso_hasta_el_resultado(client, semilla):
    _recorrer(client, formulario_de(semilla))
    for _ in range(2):  # a reload shows the same result
        r = client.get("/caso/resultado")
        assert r.status_code == 200 and r.headers["Cache-Control"] == "no-store"
        assert "Sí, puede terminar sin pagar la permanencia." in r.text


def test_atras_muestra_lo_respondido(client, semilla):
    _recorrer(client, formulario_de(semilla))
    html = client.get("/caso/paso/contrato").data.decode()
    assert re.search(r'<option value="claro" selected', html)
    assert 'value="189900"' in html
    html = client.get("/caso/paso/fallas").data.decode()
    assert 'value="2026-11-03T19:40"' in html and "Sin tono en la línea fija" in html


def test_un_paso_con_errores_se_queda_y_conserva_lo_escrito(client):
    r = client.post("/caso/paso/contrato", data={"operador": "claro", "contrato.valor_mensual": "189.900,00"})
    assert r.status_code == 422 and "sin centavos" in r.text
    assert 'value="189.900,00"' in r.text
    assert "<title>Error: Su contrato · Salida</title>" in r.text
    assert 'value="189.900,00"' in client.get("/caso/paso/contrato").text  # kept in the draft


def test_cambiar_desde_revisar_vuelve_a_revisar(client, semilla):
    _recorrer(client, formulario_de(semilla))
    html = client.get("/caso/revisar").data.decode()
    assert html.count(">Cambiar<") >= 20
    assert 'href="/caso/paso/usuario?volver=revisar#campo-usuario-nombre"' in html
    datos = formulario_de(semilla)
    datos["volver"] = "revisar"
    r = client.post("/caso/paso/usuario", data=datos)
    assert r.headers["Location"] == "/caso/revisar"


def test_sin_datos_personales_en_cookie_url_ni_registro(app, client, semilla, caplog):
    _recorrer(client, formulario_de(semilla))
    cookie = client.get_cookie("salida") or client.get_cookie("__Host-salida")
    sesion = app.session_interface.get_signing_serializer(app).loads(cookie.value)
    assert set(sesion) <= {"csrf_token", "borrador"} and len(sesion["borrador"]) >= 43
    html = client.get("/caso/revisar").data.decode()
    for atributo in re.findall(r'(?:href|action|formaction|src)="([^"]*)"', html):
        assert "52123456" not in atributo and "Ana" not in atributo
    assert "52123456" not in caplog.text


def test_el_borrador_vive_dos_horas_en_un_archivo_privado(app, client, semilla, tmp_path):
    _recorrer(client, formulario_de(semilla))
    [archivo] = list(tmp_path.glob("*.json"))
    assert stat.S_IMODE(archivo.stat().st_mode) == 0o600
    cookie = client.get_cookie("salida") or client.get_cookie("__Host-salida")
    token = app.session_interface.get_signing_serializer(app).loads(cookie.value)["borrador"]
    assert token not in archivo.name
    viejo = time.time() - borradores.VIDA_SEGUNDOS - 60
    os.utime(archivo, (viejo, viejo))
    r = client.get("/caso/resultado")
    assert r.status_code == 303 and r.headers["Location"] == "/caso"
    assert not archivo.exists()


def test_agregar_fila_en_un_paso_vuelve_al_paso_con_foco(client):
    r = client.post("/caso/paso/fallas", data={"accion": "agregar:fallas"})
    assert r.status_code == 303 and r.headers["Location"].startswith("/caso/paso/fallas#campo-fallas-1-")
    html = client.get("/caso/paso/fallas").data.decode()
    assert re.search(r'id="campo-fallas-1-servicios"[^>]*autofocus', html)


def test_paso_desconocido_404(client):
    assert client.get("/caso/paso/otro").status_code == 404
    assert client.post("/caso/paso/otro").status_code == 404


def test_resultado_sin_borrador_lleva_al_inicio(client):
    r = client.get("/caso/resultado")
    assert r.status_code == 303 and r.headers["Location"] == "/caso"


def test_no_se_sobre_la_permanencia_se_advierte_al_revisar(client, semilla):
    datos = formulario_de(semilla)
    datos["permanencia.tiene"] = "nose"
    _recorrer(client, datos)
    texto = client.get("/caso/revisar").data.decode()
    assert "Respondió «No sé» a la cláusula de permanencia" in texto
