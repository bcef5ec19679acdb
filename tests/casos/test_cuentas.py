"""Advocate accounts: argon2, one generic failure message, rate-limited login, sessions that end."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from casos.autenticacion import crear_cuenta, crear_organizacion
from store.casos import Cuenta
from store.db import base_de_datos
from tests.casos.conftest import CLAVE, entrar, hacer_app, nueva_org


@pytest.fixture
def org(bd):
    return nueva_org(bd, "Liga Norte")


def test_la_clave_se_guarda_con_argon2id(bd, org):
    with bd.sesiones() as s:
        cuenta = s.get(Cuenta, org.cuenta_id)
    assert cuenta.clave.startswith("$argon2id$") and CLAVE not in cuenta.clave
    with pytest.raises(ValueError, match="12 caracteres"):
        crear_cuenta(bd, org.id, "corta@example.org", "Corta", "corta")


def test_entrar_y_salir(client, org):
    assert client.get("/panel/").status_code == 302  # to the login page
    r = entrar(client, org.correo.upper())  # addresses compare without case
    assert r.status_code == 303 and r.headers["Location"] == "/panel/"
    assert "Casos de Liga Norte" in client.get("/panel/").text
    client.post("/cuentas/salir")
    assert client.get("/panel/").status_code == 302


def test_un_solo_mensaje_para_correo_o_clave_equivocados(client, org):
    mal_clave = entrar(client, org.correo, "otra-clave-cualquiera")
    sin_cuenta = entrar(client, "nadie@example.org", "otra-clave-cualquiera")
    assert mal_clave.status_code == sin_cuenta.status_code == 401
    assert "El correo o la contraseña no coinciden." in mal_clave.text
    assert "El correo o la contraseña no coinciden." in sin_cuenta.text


@pytest.mark.parametrize(
    "siguiente", ["https://otro.example.com/", "//otro.example.com/x", "/\\otro.example.com"]
)
def test_despues_de_entrar_nunca_a_otro_sitio(client, org, siguiente):
    r = client.post("/cuentas/entrar", data={"correo": org.correo, "clave": CLAVE, "siguiente": siguiente})
    assert r.headers["Location"] == "/panel/"


def test_despues_de_entrar_vuelve_a_la_pagina_pedida(client, org):
    r = client.get("/panel/operadores")
    assert "next=" in r.headers["Location"]
    r = client.post(
        "/cuentas/entrar", data={"correo": org.correo, "clave": CLAVE, "siguiente": "/panel/operadores"}
    )
    assert r.headers["Location"] == "/panel/operadores"


def test_entrar_tiene_limite_por_cuenta_y_por_direccion(url_bd):
    app = hacer_app(
        url_bd, RATELIMIT_ENABLED=True, LIMITE_ENTRAR_CUENTA="3 per minute", LIMITE_ENTRAR="6 per minute"
    )
    org = nueva_org(base_de_datos(url_bd), "Liga Sur")
    client = app.test_client()
    for _ in range(3):
        assert entrar(client, org.correo, "equivocada-12345").status_code == 401
    bloqueada = entrar(client, org.correo, CLAVE)  # even the right password waits now
    assert bloqueada.status_code == 429 and "Demasiados intentos" in bloqueada.text
    assert 0 < int(bloqueada.headers["Retry-After"]) <= 60
    intentos = 0
    while entrar(client, "otra@example.org", "equivocada-12345").status_code == 401:
        intentos += 1  # other accounts from the same address, until the address limit
        assert intentos <= 3


def test_salir_invalida_las_copias_de_la_cookie(app, org):
    client = app.test_client()
    entrar(client, org.correo)
    nombre = app.config["SESSION_COOKIE_NAME"]
    copia = client.get_cookie(nombre)
    assert nombre == "__Host-salida" and copia is not None
    assert copia.http_only and copia.secure and copia.same_site == "Lax"
    client.post("/cuentas/salir")
    ladron = app.test_client()
    ladron.set_cookie(nombre, copia.value)
    assert ladron.get("/panel/").status_code == 302


def test_cambiar_la_clave_cierra_las_otras_sesiones(app, org):
    uno, otro = app.test_client(), app.test_client()
    entrar(uno, org.correo)
    entrar(otro, org.correo)
    r = uno.post(
        "/cuentas/clave",
        data={"actual": CLAVE, "nueva": "nueva-clave-muy-larga", "repetir": "nueva-clave-muy-larga"},
    )
    assert r.status_code == 200 and "Contraseña cambiada" in r.text
    assert uno.get("/panel/").status_code == 200
    assert otro.get("/panel/").status_code == 302
    assert entrar(app.test_client(), org.correo, "nueva-clave-muy-larga").status_code == 303
    mal = uno.post("/cuentas/clave", data={"actual": "equivocada", "nueva": "x" * 12, "repetir": "x" * 12})
    assert mal.status_code == 400


def test_la_sesion_vence_por_inactividad_y_por_duracion(app, org):
    client = app.test_client()
    entrar(client, org.correo)
    with client.session_transaction() as sesion:
        sesion["visto"] = int(time.time()) - 31 * 60
    assert client.get("/panel/").status_code == 302
    entrar(client, org.correo)
    with client.session_transaction() as sesion:
        sesion["inicio"] = int(time.time()) - 13 * 3600
    assert client.get("/panel/").status_code == 302


def test_una_cuenta_desactivada_pierde_el_acceso_al_instante(app, bd, org):
    client = app.test_client()
    entrar(client, org.correo)
    assert client.get("/panel/").status_code == 200
    with bd.sesiones.begin() as s:
        s.scalar(select(Cuenta).where(Cuenta.id == org.cuenta_id)).activa = False
    assert client.get("/panel/").status_code == 302
    assert entrar(app.test_client(), org.correo).status_code == 401


def test_crear_cuentas_desde_la_linea_de_comandos(app, url_bd):
    runner = app.test_cli_runner()
    r = runner.invoke(args=["cuentas", "organizacion", "Asociación Centro"])
    org_id = int(r.output.strip())
    r = runner.invoke(
        args=[
            "cuentas",
            "crear",
            "--organizacion",
            str(org_id),
            "--correo",
            "a@example.org",
            "--nombre",
            "Ana",
            "--clave-stdin",
        ],
        input="una-clave-de-linea\n",
    )
    assert r.exit_code == 0, r.output
    assert entrar(app.test_client(), "a@example.org", "una-clave-de-linea").status_code == 303
    r = runner.invoke(args=["cuentas", "desactivar", "--correo", "a@example.org"])
    assert (
        r.exit_code == 0
        and entrar(app.test_client(), "a@example.org", "una-clave-de-linea").status_code == 401
    )
    assert crear_organizacion(base_de_datos(url_bd), "Otra") > org_id
