"""Fixtures for saved cases: the app with `casos.registrar`, real SQLite and PostgreSQL databases,
organisations with accounts, and the seed case before its complaint was filed."""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from app import create_app
from casos import registrar, repositorio
from casos.autenticacion import crear_cuenta, crear_organizacion
from rules import Caso, validar_caso
from store.db import BaseDeDatos, base_de_datos, cerrar_base_de_datos
from tests.conftest import cargar_semilla

POSTGRES = os.environ.get("SALIDA_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
CLAVE = "una-clave-bien-larga"
HOY = date(2026, 11, 28)
CONFIG: dict[str, Any] = {
    "TESTING": True,
    "SECRET_KEY": "clave-de-pruebas-" + "x" * 32,
    "WTF_CSRF_ENABLED": False,
    "RATELIMIT_ENABLED": False,
}


def caso_sin_reclamar(**cambios: Any) -> dict[str, Any]:
    """The seed situation before its complaint was filed (evaluated on 28 November 2026)."""
    datos = cargar_semilla()
    datos["reclamaciones"] = []
    datos.update(cambios)
    return datos


def validado(datos: dict[str, Any] | None = None) -> Caso:
    """A validated case (default: the seed without complaints)."""
    return validar_caso(datos or caso_sin_reclamar())


def postgres_disponible() -> bool:
    """Whether the shared PostgreSQL test database answers."""
    try:
        motor = create_engine(POSTGRES, connect_args={"connect_timeout": 3})
        with motor.connect():
            pass
        motor.dispose()
        return True
    except Exception:
        return False


@contextmanager
def esquema_privado() -> Iterator[str]:
    """A private schema in the shared PostgreSQL database, dropped afterwards; yields its URL."""
    if not postgres_disponible():
        pytest.skip("PostgreSQL no responde en 127.0.0.1:5432")
    nombre = "salida_prueba_" + secrets.token_hex(6)
    motor = create_engine(POSTGRES)
    with motor.begin() as c:
        c.execute(text(f'CREATE SCHEMA "{nombre}"'))
    url = f"{POSTGRES}?options=-csearch_path%3D{nombre}"
    try:
        yield url
    finally:
        cerrar_base_de_datos(url)
        with motor.begin() as c:
            c.execute(text(f'DROP SCHEMA "{nombre}" CASCADE'))
        motor.dispose()


@pytest.fixture
def url_bd(tmp_path: Path) -> str:
    """A fresh SQLite file."""
    return f"sqlite:///{tmp_path / 'salida.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def url_ambas(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same test on a SQLite file and on a private PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'salida.db'}"
        return
    with esquema_privado() as url:
        yield url


@pytest.fixture
def bd(url_bd: str) -> BaseDeDatos:
    """The SQLite database, migrated."""
    return base_de_datos(url_bd)


def hacer_app(url: str, **config: Any) -> Flask:
    """The web app with saved cases registered, as the lead will wire it."""
    app = create_app({**CONFIG, "DATABASE_URL": url, **config})
    registrar(app)
    return app


@pytest.fixture
def app(url_bd: str) -> Flask:
    """The app on a fresh SQLite file (CSRF and rate limits off)."""
    return hacer_app(url_bd)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client."""
    return app.test_client()


@dataclass(frozen=True)
class Org:
    """An organisation with one account."""

    id: int
    cuenta_id: int
    correo: str


def nueva_org(bd: BaseDeDatos, nombre: str) -> Org:
    """Create an organisation and an account in it."""
    org = crear_organizacion(bd, nombre)
    correo = f"{nombre.lower().replace(' ', '-')}@example.org"
    return Org(org, crear_cuenta(bd, org, correo, f"Defensora de {nombre}", CLAVE), correo)


def entrar(client: FlaskClient, correo: str, clave: str = CLAVE) -> Any:
    """Log in through the form."""
    return client.post("/cuentas/entrar", data={"correo": correo, "clave": clave})


def caso_de_org(bd: BaseDeDatos, org: int, datos: dict[str, Any] | None = None, hoy: date = HOY) -> int:
    """Store a case in an organisation; return its id."""
    autorizacion = repositorio.Autorizacion("seguimiento", "texto", "v", "cuenta")
    with bd.sesiones.begin() as s:
        return repositorio.crear(s, validado(datos), [autorizacion], hoy, organizacion_id=org).id


def guardar_con_enlace(client: FlaskClient, datos: dict[str, Any] | None = None, **extra: str) -> str:
    """Save a case through the web with the authorisation; return its private path (no query)."""
    r = client.post(
        "/mi-caso/guardar",
        data={"caso": validado(datos).model_dump_json(), "paso": "confirmar", "autorizo": "si", **extra},
    )
    assert r.status_code == 303, r.text
    return r.headers["Location"].split("?")[0]


class Buzon:
    """An SMTP sink that keeps what it receives."""

    def __init__(self) -> None:
        self.mensajes: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        mensaje = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.mensajes.append((list(envelope.rcpt_tos), mensaje))
        return "250 OK"


def puerto_libre() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def buzon() -> Iterator[tuple[Buzon, int]]:
    """A local SMTP server on a free loopback port, for this test only."""
    manejador = Buzon()
    puerto = puerto_libre()
    controlador = Controller(manejador, hostname="127.0.0.1", port=puerto)
    controlador.start()
    try:
        yield manejador, puerto
    finally:
        controlador.stop()
