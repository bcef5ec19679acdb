"""Saving a case: never by default, only with express authorisation; the private link's token is
unguessable and stored only as a hash."""

from __future__ import annotations

import re

from sqlalchemy import func, select, text

from casos.repositorio import huella
from casos.textos import TEXTO_AVISOS, TEXTO_GUARDAR, VERSION_POLITICA
from store.casos import CasoGuardado, Consentimiento
from store.db import base_de_datos
from tests.casos.conftest import guardar_con_enlace, validado


def _cuantos(url: str) -> int:
    with base_de_datos(url).sesiones() as s:
        return s.scalar(select(func.count()).select_from(CasoGuardado)) or 0


def test_desde_la_decision_se_pide_la_autorizacion_y_nada_se_guarda(client, url_bd):
    caso = validado().model_dump_json()
    r = client.post("/mi-caso/guardar", data={"caso": caso})
    assert r.status_code == 200
    assert TEXTO_GUARDAR in r.text and VERSION_POLITICA in r.text
    assert 'name="caso"' in r.text and 'name="autorizo"' in r.text
    assert "checked" not in r.text.split('name="autorizo"')[1].split(">")[0]  # never pre-ticked
    r = client.post("/mi-caso/guardar", data={"caso": caso, "paso": "confirmar"})
    assert r.status_code == 422 and "autorización expresa" in r.text
    assert _cuantos(url_bd) == 0


def test_un_caso_invalido_no_se_guarda(client, url_bd):
    r = client.post(
        "/mi-caso/guardar", data={"caso": '{"usuario": 1}', "paso": "confirmar", "autorizo": "si"}
    )
    assert r.status_code == 400 and _cuantos(url_bd) == 0


def test_con_autorizacion_se_guarda_con_fecha_y_version(client, url_bd):
    ruta = guardar_con_enlace(client)
    token = ruta.rsplit("/", 1)[1]
    assert len(token) >= 43 and re.fullmatch(r"[A-Za-z0-9_-]+", token)  # 256 random bits
    with base_de_datos(url_bd).sesiones() as s:
        guardado = s.scalar(select(CasoGuardado))
        assert guardado.token == huella(token) and guardado.organizacion_id is None
        [c] = s.scalars(select(Consentimiento))
        assert (c.finalidad, c.texto, c.version_politica, c.medio) == (
            "guardar",
            TEXTO_GUARDAR,
            VERSION_POLITICA,
            "enlace",
        )
        assert c.otorgado is not None and c.caso_id == guardado.id
    assert guardado.correo_avisos is None


def test_el_token_no_se_guarda_en_ninguna_parte(client, url_bd):
    token = guardar_con_enlace(client).rsplit("/", 1)[1]
    motor = base_de_datos(url_bd).motor
    with motor.connect() as c:
        tablas = [t for (t,) in c.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))]
        for tabla in tablas:
            for fila in c.execute(text(f'SELECT * FROM "{tabla}"')):
                assert token not in repr(fila), tabla


def test_avisos_por_correo_con_su_propia_autorizacion(client, url_bd):
    r = client.post(
        "/mi-caso/guardar",
        data={
            "caso": validado().model_dump_json(),
            "paso": "confirmar",
            "autorizo": "si",
            "avisos": "si",
            "correo_avisos": "no-es-correo",
        },
    )
    assert r.status_code == 422 and "correo válido" in r.text and _cuantos(url_bd) == 0
    guardar_con_enlace(client, avisos="si", correo_avisos="Ana@Example.com")
    with base_de_datos(url_bd).sesiones() as s:
        assert s.scalar(select(CasoGuardado.correo_avisos)) == "Ana@example.com"
        finalidades = {(c.finalidad, c.texto) for c in s.scalars(select(Consentimiento))}
    assert finalidades == {("guardar", TEXTO_GUARDAR), ("recordatorios", TEXTO_AVISOS)}


def test_el_enlace_privado_abre_el_caso_y_otro_cualquiera_no(client):
    ruta = guardar_con_enlace(client)
    r = client.get(ruta + "?nuevo=1")
    assert r.status_code == 200 and "Su caso quedó guardado" in r.text
    assert '<meta name="robots" content="noindex, nofollow">' in r.text
    assert r.headers["Cache-Control"] == "no-store"
    assert "default-src 'self'" in r.headers["Content-Security-Policy"]
    token = ruta.rsplit("/", 1)[1]
    otro = token[:-1] + ("A" if token[-1] != "A" else "B")
    for intento in (otro, "x", "a" * 300, token.upper() if token.upper() != token else token.lower()):
        assert client.get(f"/mi-caso/{intento}").status_code == 404


def test_sin_csrf_no_se_guarda(url_bd):
    from tests.casos.conftest import hacer_app

    app = hacer_app(url_bd, WTF_CSRF_ENABLED=True)
    r = app.test_client().post(
        "/mi-caso/guardar", data={"caso": validado().model_dump_json(), "paso": "confirmar", "autorizo": "si"}
    )
    assert r.status_code == 400 and _cuantos(url_bd) == 0


def test_registrar_es_idempotente(app):
    from casos import registrar

    reglas = len(list(app.url_map.iter_rules()))
    registrar(app)
    assert len(list(app.url_map.iter_rules())) == reglas
