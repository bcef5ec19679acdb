"""Accounts (hardening part 2, item 9): the calendar feed link rotates after a password change and
after "cerrar todas las sesiones"; common, trivial and unchanged passwords are refused."""

from __future__ import annotations

import pytest

from casos.autenticacion import crear_cuenta, problema_de_clave
from tests.casos.conftest import CLAVE, entrar, nueva_org

NUEVA = "tortuga-violeta-sobre-el-puente"


@pytest.fixture
def org(bd):
    return nueva_org(bd, "Liga Norte")


def _enlace(r) -> str:
    return r.text.split('id="enlace-calendario" type="text" readonly value="')[1].split('"')[0].replace(
        "http://localhost", "")


def _cambiar(client, actual: str, nueva: str):
    return client.post("/cuentas/clave", data={"actual": actual, "nueva": nueva, "repetir": nueva})


def test_el_calendario_cambia_de_direccion_al_cambiar_la_clave(app, org):
    client, anonimo = app.test_client(), app.test_client()
    entrar(client, org.correo)
    viejo = _enlace(client.post("/cuentas/calendario"))
    assert anonimo.get(viejo).status_code == 200
    r = _cambiar(client, CLAVE, NUEVA)
    assert r.status_code == 200 and "la anterior dejó de funcionar" in r.text
    nuevo = _enlace(r)
    assert nuevo != viejo
    assert anonimo.get(viejo).status_code == 404
    assert anonimo.get(nuevo).status_code == 200


def test_sin_calendario_el_cambio_de_clave_no_crea_uno(app, org):
    client = app.test_client()
    entrar(client, org.correo)
    r = _cambiar(client, CLAVE, NUEVA)
    assert r.status_code == 200 and 'id="enlace-calendario"' not in r.text


def test_cerrar_todas_las_sesiones_anula_el_calendario_y_las_sesiones(app, org):
    client, otro, anonimo = app.test_client(), app.test_client(), app.test_client()
    entrar(client, org.correo)
    entrar(otro, org.correo)
    enlace = _enlace(client.post("/cuentas/calendario"))
    assert anonimo.get(enlace).status_code == 200
    r = client.post("/cuentas/cerrar-sesiones")
    assert r.status_code == 303 and r.headers["Location"] == "/cuentas/entrar"
    assert "dirección de calendario dejó de funcionar" in client.get("/cuentas/entrar").text
    assert anonimo.get(enlace).status_code == 404
    assert client.get("/panel/").status_code == 302 and otro.get("/panel/").status_code == 302


def test_cerrar_sesion_normal_conserva_el_calendario(app, org):
    client, anonimo = app.test_client(), app.test_client()
    entrar(client, org.correo)
    enlace = _enlace(client.post("/cuentas/calendario"))
    client.post("/cuentas/salir")
    assert anonimo.get(enlace).status_code == 200


@pytest.mark.parametrize("debil", ["aaaaaaaaaaaa", "123456789012", "passwordpassword", "qwertyuiopasdf",
                                   "contraseña2026", "liganorte2026", "liga-norte-2026", "abcdefghijkl"])
def test_claves_comunes_y_triviales_rechazadas(app, org, debil):
    client = app.test_client()
    entrar(client, org.correo)
    r = _cambiar(client, CLAVE, debil)
    assert r.status_code == 400 and "fácil de adivinar" in r.text
    assert entrar(app.test_client(), org.correo, debil).status_code == 401  # unchanged


def test_la_misma_clave_rechazada(app, org):
    client = app.test_client()
    entrar(client, org.correo)
    r = _cambiar(client, CLAVE, CLAVE)
    assert r.status_code == 400 and "distinta de la actual" in r.text


def test_la_clave_no_puede_ser_el_correo_ni_el_nombre(bd, org):
    assert problema_de_clave("liga-norte@example.org", ("liga-norte@example.org", "Ana")) is not None
    with pytest.raises(ValueError, match="fácil de adivinar"):
        crear_cuenta(bd, org.id, "rodrigo@example.org", "Rodrigo", "rodrigo12345678")
    assert problema_de_clave(NUEVA) is None


def test_la_linea_de_comandos_rechaza_una_clave_debil_con_codigo_2(app, org):
    r = app.test_cli_runner().invoke(
        args=["cuentas", "crear", "--organizacion", str(org.id), "--correo", "nueva@example.org", "--nombre",
              "Nueva", "--clave-stdin"], input="123456789012\n")
    assert r.exit_code == 2 and "fácil de adivinar" in r.output
