"""Every page of saved cases, accounts and the dashboard: security headers, no inline script or style,
a CSRF token in every form, and no personal data in URLs."""

from __future__ import annotations

import re

from tests.casos.conftest import caso_de_org, entrar, guardar_con_enlace, nueva_org
from web.seguridad import CABECERAS


def _paginas(client, bd) -> list[tuple[object, str]]:
    """(client, path) for every page: the subscriber's without a session, the organisation's with one."""
    ruta = guardar_con_enlace(client)
    client.post(
        ruta + "/eventos",
        data={"formulario": "carta", "tipo": "carta_radicada", "carta": "queja", "fecha": "2026-11-30"},
    )
    org = nueva_org(bd, "Liga Segura")
    caso = caso_de_org(bd, org.id)
    anonimo = client.application.test_client()
    publicas = [ruta, ruta + "?fecha=2026-12-23", ruta + "/borrar", "/mi-caso/politica", "/cuentas/entrar"]
    entrar(client, org.correo)
    privadas = [
        "/panel/",
        f"/panel/casos/{caso}",
        "/panel/operadores",
        "/cuentas/",
        f"/panel/casos/{caso}/borrar",
    ]
    return [(anonimo, r) for r in publicas] + [(client, r) for r in privadas]


def test_cabeceras_y_html_sin_codigo_en_linea(client, bd):
    for cliente, ruta in _paginas(client, bd):
        r = cliente.get(ruta)
        assert r.status_code == 200, ruta
        for nombre, valor in CABECERAS.items():
            assert r.headers[nombre] == valor, (ruta, nombre)
        assert r.headers["Cache-Control"] == "no-store"
        html = r.text
        assert re.search(r"<script(?![^>]*\bsrc=)", html) is None, ruta
        assert "<style" not in html and " style=" not in html, ruta
        assert re.search(r"\son[a-z]+=", html) is None, ruta
        for formulario in re.findall(r"<form[^>]*method=\"post\"[^>]*>.*?</form>", html, flags=re.S):
            assert 'name="csrf_token"' in formulario, (ruta, formulario[:120])


def test_ninguna_direccion_lleva_datos_personales(client, bd):
    for cliente, ruta in _paginas(client, bd):
        html = cliente.get(ruta).text
        for enlace in re.findall(r'(?:href|action)="([^"]+)"', html):
            for dato in ("52123456", "Ana", "Calle", "ana@example.com", "1.23456789"):
                assert dato not in enlace, (ruta, enlace)


def test_las_descargas_no_llevan_datos_personales_en_el_nombre(client, bd):
    ruta = guardar_con_enlace(client)
    for sufijo, metodo in (
        ("/cartas/queja.pdf", "post"),
        ("/cartas/queja.txt", "post"),
        ("/plazos.ics", "get"),
        ("/datos.json", "get"),
    ):
        r = getattr(client, metodo)(ruta + sufijo)
        nombre = r.headers["Content-Disposition"]
        assert re.fullmatch(r'(attachment|inline); filename="salida-[a-z_-]+\.(pdf|txt|ics|json)"', nombre), (
            nombre
        )
