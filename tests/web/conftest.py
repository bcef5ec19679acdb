"""Fixtures for the web app: the app, test clients, and the seed case as a posted form."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from app import create_app
from rules import validar_caso
from tests.conftest import cargar_semilla
from web.formulario import Formulario, desde_caso

CONFIG_PRUEBAS: dict[str, Any] = {
    "TESTING": True,
    "SECRET_KEY": "clave-de-pruebas-" + "x" * 32,
    "WTF_CSRF_ENABLED": False,
    "RATELIMIT_ENABLED": False,
}


def como_post(f: Formulario) -> MultiDict[str, str]:
    """The form state as the browser would post it."""
    datos: MultiDict[str, str] = MultiDict()
    for nombre, valor in f.valores.items():
        if isinstance(valor, list):
            for v in valor:
                datos.add(nombre, v)
        elif not (valor == "" and _es_casilla(nombre)):
            datos.add(nombre, valor)
    datos.add("accion", f.accion)
    return datos


def _es_casilla(nombre: str) -> bool:
    return nombre.rsplit(".", 1)[-1] in {"sigue", "masiva", "reportada", "respuesta_incompleta"}


def formulario_de(caso: dict[str, Any]) -> MultiDict[str, str]:
    """A case (dict) as the posted form that describes it."""
    return como_post(desde_caso(validar_caso(caso).model_dump(mode="json")))


@pytest.fixture
def app() -> Flask:
    """The app with test settings (CSRF and rate limits off; tests that need them turn them on)."""
    return create_app(copy.deepcopy(CONFIG_PRUEBAS))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of `app`."""
    return app.test_client()


@pytest.fixture
def app_seguro() -> Flask:
    """The app with CSRF and rate limits on, as in production (each app starts with fresh counters)."""
    return create_app({**CONFIG_PRUEBAS, "WTF_CSRF_ENABLED": True, "RATELIMIT_ENABLED": True,
                       "LIMITE_PDF": "2 per minute"})


@pytest.fixture
def semilla_form(semilla: dict[str, Any]) -> MultiDict[str, str]:
    """The seed situation as the posted form."""
    return formulario_de(semilla)


@pytest.fixture
def semilla_json() -> str:
    """The seed case as the JSON the decision page carries in its hidden field."""
    return validar_caso(cargar_semilla()).model_dump_json()
