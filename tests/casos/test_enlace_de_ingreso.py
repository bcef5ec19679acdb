"""The way back in (hardening issue, item 3): a single-use sign-in link by e-mail, through a real SMTP
sink, that works while password sign-in to the account is paused."""

from __future__ import annotations

import logging
import re

from casos import FiltroEnlaces
from store.db import base_de_datos
from tests.casos.conftest import CLAVE, hacer_app, nueva_org


def _enlace(buzon_) -> str:
    manejador, _ = buzon_
    assert len(manejador.mensajes) == 1
    texto = manejador.mensajes[0][1].get_content()
    return re.search(r"http://localhost(/cuentas/enlace/\S+)", texto).group(1)


def _app(url_bd, puerto: int, **config):
    return hacer_app(url_bd, SMTP_HOST="127.0.0.1", SMTP_PORT=puerto, SMTP_TLS="no", **config)


def test_el_enlace_abre_la_cuenta_una_vez_aun_con_el_ingreso_en_pausa(url_bd, buzon):
    app = _app(url_bd, buzon[1], RATELIMIT_ENABLED=True, LIMITE_ENTRAR_CUENTA="2 per 15 minutes",
               LIMITE_ENTRAR_CUENTA_GLOBAL="3 per hour")
    org = nueva_org(base_de_datos(url_bd), "Liga Enlace")
    for n in range(3):  # a spray from three addresses pauses password sign-in to the account
        atacante = app.test_client()
        atacante.environ_base["REMOTE_ADDR"] = f"192.0.2.{n + 1}"
        atacante.post("/cuentas/entrar", data={"correo": org.correo, "clave": f"adivinanza-{n}"})
    titular = app.test_client()
    titular.environ_base["REMOTE_ADDR"] = "198.51.100.5"
    pausa = titular.post("/cuentas/entrar", data={"correo": org.correo, "clave": CLAVE})
    assert pausa.status_code == 429 and "enlace de ingreso" in pausa.text
    r = titular.post("/cuentas/enlace", data={"correo": org.correo})
    assert r.status_code == 200 and "le enviamos un enlace" in r.text
    ruta = _enlace(buzon)
    assert buzon[0].mensajes[0][0] == [org.correo]
    assert titular.get(ruta).status_code == 200  # a confirmation page: opening the link does not use it
    entra = titular.post(ruta)
    assert entra.status_code == 303 and entra.headers["Location"] == "/panel/"
    assert titular.get("/panel/").status_code == 200
    otro = app.test_client()
    otro.environ_base["REMOTE_ADDR"] = "198.51.100.6"
    usado = otro.post(ruta)
    assert usado.status_code == 400 and "venció o ya se usó" in usado.text


def test_sin_cuenta_la_misma_respuesta_y_ningun_correo(url_bd, buzon):
    app = _app(url_bd, buzon[1])
    r = app.test_client().post("/cuentas/enlace", data={"correo": "nadie@example.org"})
    assert r.status_code == 200 and "le enviamos un enlace" in r.text
    assert buzon[0].mensajes == []


def test_un_enlace_falso_o_alterado_no_sirve(url_bd, buzon):
    app = _app(url_bd, buzon[1])
    org = nueva_org(base_de_datos(url_bd), "Liga Falsa")
    client = app.test_client()
    client.post("/cuentas/enlace", data={"correo": org.correo})
    ruta = _enlace(buzon)
    alterada = ruta[:-3] + ("aaa" if not ruta.endswith("aaa") else "bbb")
    assert client.post(alterada).status_code == 400
    assert client.post("/cuentas/enlace/" + "x" * 60).status_code == 400
    client.post("/cuentas/entrar", data={"correo": org.correo, "clave": CLAVE})  # a sign-in since
    assert app.test_client().post(ruta).status_code == 400


def test_el_token_del_enlace_no_llega_a_los_registros():
    linea = "POST /cuentas/enlace/WzEsImFiYyJd.Zx1.abcDEF_-xyz"
    registro = logging.LogRecord("x", logging.INFO, "", 0, linea, None, None)
    FiltroEnlaces().filter(registro)
    assert "WzEsImFiYyJd" not in registro.getMessage()
