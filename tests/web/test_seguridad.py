"""Security and robustness: headers, CSRF, cookies, sizes, rate limits, error pages, secrets, logs."""

from __future__ import annotations

import logging
import re

import pytest
from flask import Flask

from app import create_app
from tests.web.conftest import CONFIG_PRUEBAS
from web.bitacora import FiltroDatosPersonales, enmascarar

CABECERAS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def _token(cliente) -> str:
    html = cliente.get("/caso").data.decode()
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def _revisar_cabeceras(r) -> None:
    for nombre, valor in CABECERAS.items():
        assert r.headers[nombre] == valor
    csp = r.headers["Content-Security-Policy"]
    for directiva in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                      "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"):
        assert directiva in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_cabeceras_en_cada_ruta(app: Flask, client, semilla, semilla_json):
    respuestas = []
    for regla in app.url_map.iter_rules():
        if "<" in regla.rule:
            continue
        if "GET" in regla.methods:
            respuestas.append(client.get(regla.rule))
        else:
            respuestas.append(client.post(regla.rule, data={"caso": semilla_json}))
    respuestas += [
        client.post("/cartas/queja.txt", data={"caso": semilla_json}),
        client.post("/api/v1/evaluar", json=semilla),
        client.post("/api/v1/cartas/queja?formato=txt", json=semilla),
        client.get("/static/css/salida.css"),
        client.get("/no-existe"),
    ]
    for r in respuestas:
        _revisar_cabeceras(r)
    assert all(r.headers["Cache-Control"] == "no-store" for r in respuestas[:-2])
    assert "no-store" not in respuestas[-2].headers.get("Cache-Control", "")


def test_sin_scripts_ni_estilos_en_linea(client, semilla_form):
    for html in (client.get("/").data, client.get("/caso").data, client.post("/caso", data=semilla_form).data,
                 client.get("/reglas").data, client.get("/api/docs").data):
        texto = html.decode()
        assert re.search(r"<script(?![^>]*\bsrc=)", texto) is None
        assert "<style" not in texto and " style=" not in texto
        assert re.search(r"\son[a-z]+=", texto) is None


def test_csrf_en_formularios_y_lo_escrito_se_conserva(app_seguro, semilla_form, semilla_json):
    c = app_seguro.test_client()
    r = c.post("/caso", data=semilla_form)
    assert r.status_code == 400
    html = r.data.decode()
    assert "La página estuvo abierta mucho tiempo" in html
    assert 'value="Ana María Pérez Gómez"' in html and 'name="csrf_token"' in html
    for ruta in ("/caso/editar", "/cartas/queja.txt"):
        r = c.post(ruta, data={"caso": semilla_json})
        assert r.status_code == 400 and "La página estuvo abierta mucho tiempo" in r.data.decode()
    semilla_form["csrf_token"] = _token(c)
    assert c.post("/caso", data=semilla_form).status_code == 200


def test_api_sin_csrf(app_seguro, semilla):
    c = app_seguro.test_client()
    assert c.post("/api/v1/evaluar", json=semilla).status_code == 200


def test_cookie_segura_y_sin_datos_personales(app_seguro, semilla_form):
    c = app_seguro.test_client()
    r = c.get("/caso")
    cookie = r.headers["Set-Cookie"]
    assert cookie.startswith("__Host-salida=")
    for bandera in ("Secure", "HttpOnly", "Path=/", "SameSite=Lax"):
        assert bandera in cookie
    assert "Expires" not in cookie and "Max-Age" not in cookie
    semilla_form["csrf_token"] = _token(c)
    r = c.post("/caso", data=semilla_form)
    assert r.status_code == 200
    for valor in r.headers.getlist("Set-Cookie"):
        assert "52123456" not in valor and "Ana" not in valor
    sesion = app_seguro.session_interface.get_signing_serializer(app_seguro).loads(
        c.get_cookie("__Host-salida").value)
    assert set(sesion) == {"csrf_token"}


def test_cookie_local_sin_secure():
    app = create_app({**CONFIG_PRUEBAS, "SESSION_COOKIE_SECURE": False, "WTF_CSRF_ENABLED": True})
    cookie = app.test_client().get("/caso").headers["Set-Cookie"]
    assert cookie.startswith("salida=") and "Secure" not in cookie and "HttpOnly" in cookie


def test_datos_personales_nunca_en_urls(client, semilla_form):
    html = client.post("/caso", data=semilla_form).data.decode()
    for atributo in re.findall(r'(?:href|action|formaction|src)="([^"]*)"', html):
        assert "52123456" not in atributo and "Ana" not in atributo and "?" not in atributo
    assert all(m == "post" for m in re.findall(r'<form[^>]*method="(\w+)"', html))


def test_cuerpo_demasiado_grande(client):
    grande = "x" * (600 * 1024)
    r = client.post("/caso", data={"usuario.nombre": grande})
    assert r.status_code == 413 and "Demasiados datos" in r.data.decode()
    r = client.post("/api/v1/evaluar", data=grande, content_type="application/json")
    assert r.status_code == 413 and r.json["mensaje"].startswith("Lo que envió es demasiado grande")


def test_limite_de_pdf(app_seguro, semilla, semilla_json):
    c = app_seguro.test_client()
    token = _token(c)
    codigos = [c.post("/cartas/queja.pdf", data={"caso": semilla_json, "csrf_token": token}).status_code
               for _ in range(3)]
    assert codigos == [200, 200, 429]
    r = c.post("/cartas/queja.pdf", data={"caso": semilla_json, "csrf_token": token})
    assert "Demasiadas solicitudes" in r.data.decode() and r.headers["Retry-After"]
    # Text is not rate limited; the API's PDFs are.
    assert c.post("/cartas/queja.txt", data={"caso": semilla_json, "csrf_token": token}).status_code == 200
    assert c.post("/api/v1/cartas/queja?formato=txt", json=semilla).status_code == 200
    r = c.post("/api/v1/cartas/queja", json=semilla)
    assert r.status_code == 429 and r.json["mensaje"].startswith("Ha pedido muchas cartas")


@pytest.mark.parametrize(("metodo", "ruta", "codigo", "titulo"), [
    ("get", "/no-existe", 404, "Página no encontrada"),
    ("get", "/cartas/queja.pdf", 405, "Método no permitido"),
    ("post", "/reglas", 405, "Método no permitido"),
])
def test_paginas_de_error_en_espanol(client, metodo, ruta, codigo, titulo):
    r = getattr(client, metodo)(ruta)
    assert r.status_code == codigo
    assert titulo in r.data.decode() and r.mimetype == "text/html"


def test_error_500_sin_traza_y_registro_enmascarado(caplog):
    app = create_app(dict(CONFIG_PRUEBAS))

    def explota() -> str:
        raise RuntimeError("fallo con ana@example.com y cédula 52123456")

    app.add_url_rule("/_explota", view_func=explota)
    app.add_url_rule("/api/_explota", endpoint="api_explota", view_func=explota)
    with caplog.at_level(logging.ERROR):
        r = app.test_client().get("/_explota")
    assert r.status_code == 500
    cuerpo = r.data.decode()
    assert "Error del servidor" in cuerpo and "Traceback" not in cuerpo and "RuntimeError" not in cuerpo
    registro = "\n".join(rec.getMessage() + (rec.exc_text or "") for rec in caplog.records)
    assert "RuntimeError" in registro and "52123456" not in registro and "ana@example.com" not in registro
    r = app.test_client().get("/api/_explota")
    assert r.status_code == 500 and r.json == {"mensaje": r.json["mensaje"], "errores": []}


def test_configuracion_desde_el_entorno(monkeypatch):
    monkeypatch.setenv("SALIDA_SECRET_KEY", "desde-el-entorno")
    monkeypatch.setenv("SALIDA_LIMITE_PDF", "5 per minute")
    app = create_app()
    assert app.config["SECRET_KEY"] == "desde-el-entorno"
    assert app.config["LIMITE_PDF"] == "5 per minute"
    assert app.debug is False and app.config["PROPAGATE_EXCEPTIONS"] is False
    assert app.config["MAX_CONTENT_LENGTH"] == 512 * 1024


def test_clave_generada_si_falta(monkeypatch):
    monkeypatch.delenv("SALIDA_SECRET_KEY", raising=False)
    a, b = create_app(), create_app()
    assert re.fullmatch(r"[0-9a-f]{64}", a.config["SECRET_KEY"])
    assert a.config["SECRET_KEY"] != b.config["SECRET_KEY"]


def test_enmascarar():
    assert enmascarar("Ana ana.perez+x@example.com.co CC 52.123.456 tel 300 123 4567") == \
        "Ana ***@*** CC *** tel ***"
    registro = logging.LogRecord("x", logging.INFO, __file__, 1, "cédula %s", ("52123456",), None)
    FiltroDatosPersonales().filter(registro)
    assert registro.getMessage() == "cédula ***"


def test_405_conserva_allow(client):
    r = client.get("/api/v1/evaluar")
    assert r.status_code == 405 and "POST" in r.headers["Allow"]


def test_sin_motor_de_pdf_503_y_el_texto_sigue(client, semilla, semilla_json, monkeypatch):
    import letters

    def sin_motor(*_args: object) -> bytes:
        raise letters.RenderizadorNoDisponible("falta libharfbuzz-subset0")

    monkeypatch.setattr(letters, "render_pdf", sin_motor)
    r = client.post("/cartas/queja.pdf", data={"caso": semilla_json})
    assert r.status_code == 503 and "Puede descargar la carta en texto" in r.data.decode()
    assert client.post("/api/v1/cartas/queja", json=semilla).status_code == 503
    assert client.post("/cartas/queja.txt", data={"caso": semilla_json}).status_code == 200


def test_carta_rechazada_por_letters_409(client, semilla_json, monkeypatch):
    import letters

    def rechaza(_caso: object, _decision: object, tipo: str) -> bytes:
        raise letters.CartaNoDisponible(tipo, "Motivo de prueba.")

    monkeypatch.setattr(letters, "render_pdf", rechaza)
    r = client.post("/cartas/queja.pdf", data={"caso": semilla_json})
    assert r.status_code == 409 and "Motivo de prueba." in r.data.decode()


def test_bajo_gunicorn_sin_clave_no_arranca(monkeypatch):
    import sys
    import types

    monkeypatch.delenv("SALIDA_SECRET_KEY", raising=False)
    monkeypatch.setitem(sys.modules, "gunicorn.workers.base", types.ModuleType("gunicorn.workers.base"))
    with pytest.raises(RuntimeError, match="SALIDA_SECRET_KEY"):
        create_app()
