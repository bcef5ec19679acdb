"""Login throttling that slows guesses without locking the owner out (hardening issue, item 3)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from limits import parse_many

from store.db import base_de_datos
from tests.casos.conftest import CLAVE, hacer_app, nueva_org


def _desde(app, direccion: str) -> FlaskClient:
    cliente = app.test_client()
    cliente.environ_base["REMOTE_ADDR"] = direccion
    return cliente


def _entrar(client: FlaskClient, correo: str, clave: str):
    return client.post("/cuentas/entrar", data={"correo": correo, "clave": clave})


def test_intentos_desde_una_direccion_no_bloquean_al_titular_desde_otra(url_bd):
    app = hacer_app(url_bd, RATELIMIT_ENABLED=True)  # the shipped limits
    org = nueva_org(base_de_datos(url_bd), "Liga Este")
    atacante = _desde(app, "203.0.113.7")
    codigos = [_entrar(atacante, org.correo, f"adivinanza-{i:04d}").status_code for i in range(14)]
    assert codigos[:5] == [401] * 5 and set(codigos[5:]) == {429}  # slowed down after 5
    assert _entrar(atacante, org.correo, CLAVE).status_code == 429  # not even the right one from there
    titular = _desde(app, "198.51.100.20")
    r = _entrar(titular, org.correo, CLAVE)
    assert r.status_code == 303 and r.headers["Location"] == "/panel/"


@pytest.mark.slow
def test_un_tope_global_por_cuenta_detiene_los_intentos_repartidos(url_bd):
    app = hacer_app(url_bd, RATELIMIT_ENABLED=True, LIMITE_ENTRAR_CUENTA="3 per 15 minutes",
                    LIMITE_ENTRAR_CUENTA_GLOBAL="8 per hour")
    org = nueva_org(base_de_datos(url_bd), "Liga Oeste")
    otra = nueva_org(base_de_datos(url_bd), "Liga Centro")
    fallidos = 0
    for n in range(10):  # many addresses, each under its own limit
        cliente = _desde(app, f"192.0.2.{n + 1}")
        for i in range(3):
            if _entrar(cliente, org.correo, f"rociada-{n}-{i}").status_code == 401:
                fallidos += 1
    assert fallidos == 8  # the account-wide cap stopped the spray
    pausa = _entrar(_desde(app, "198.51.100.99"), org.correo, CLAVE)
    assert pausa.status_code == 429 and "enlace de ingreso" in pausa.text
    assert int(pausa.headers["Retry-After"]) > 0
    # Only the sprayed account pauses; the others sign in as usual.
    assert _entrar(_desde(app, "198.51.100.99"), otra.correo, CLAVE).status_code == 303


def test_una_sola_direccion_nunca_alcanza_el_tope_global(app):
    """With the shipped limits one address cannot pause an account: it takes several."""
    cfg = app.config
    cuenta_direccion = parse_many(cfg["LIMITE_ENTRAR_CUENTA"])[0]
    por_direccion = max(lim.amount for lim in parse_many(cfg["LIMITE_ENTRAR"]))  # its daily cap
    for tope in parse_many(cfg["LIMITE_ENTRAR_CUENTA_GLOBAL"]):
        ventanas = max(1, tope.get_expiry() // cuenta_direccion.get_expiry())
        assert min(ventanas * cuenta_direccion.amount, por_direccion) < tope.amount, tope
