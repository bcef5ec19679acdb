"""JSON nested too deep (a RecursionError while parsing) is a clear 4xx in Spanish, never a 500."""

from __future__ import annotations

import copy

import pytest

from app import create_app
from tests.web.conftest import CONFIG_PRUEBAS

PROFUNDO = "[" * 20_000 + "]" * 20_000
OBJETOS = "{\"a\":" * 20_000 + "1" + "}" * 20_000


@pytest.fixture
def cliente(tmp_path):
    app = create_app({**copy.deepcopy(CONFIG_PRUEBAS), "DATABASE_URL": f"sqlite:///{tmp_path / 'b.db'}"})
    return app.test_client()


@pytest.mark.parametrize("cuerpo", [PROFUNDO, OBJETOS])
def test_api_evaluar_anidado(cliente, cuerpo):
    r = cliente.post("/api/v1/evaluar", data=cuerpo, content_type="application/json")
    assert r.status_code == 422
    assert "demasiados niveles anidados" in r.json["errores"][0]["mensaje"]


def test_api_carta_anidada(cliente):
    r = cliente.post("/api/v1/cartas/queja?formato=txt", data=PROFUNDO, content_type="application/json")
    assert r.status_code == 422 and "anidados" in r.json["errores"][0]["mensaje"]


RUTAS = ["/caso/editar", "/cartas/queja.pdf", "/cartas/queja.txt", "/mi-caso/guardar"]


@pytest.mark.parametrize("ruta", RUTAS)
@pytest.mark.parametrize("cuerpo", [PROFUNDO, OBJETOS])
def test_formularios_con_caso_anidado(cliente, ruta, cuerpo):
    r = cliente.post(ruta, data={"caso": cuerpo, "paso": "confirmar", "autorizo": "si"})
    assert r.status_code == 400
    assert "El campo «caso» tiene demasiados niveles anidados" in r.text
    assert "Traceback" not in r.text
