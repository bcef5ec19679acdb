"""The whole journey in Debian's Chromium: save a case from the decision page, record the filed
complaint, let the deadline pass by changing the evaluation date, download the silencio positivo letter;
and an advocate's dashboard. Screenshots at 390 and 1280 px; axe finds no serious violation."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page
from pypdf import PdfReader
from werkzeug.serving import make_server

from store.db import base_de_datos
from tests.casos.conftest import CLAVE, caso_de_org, caso_sin_reclamar, hacer_app, nueva_org, validado

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARGUMENTOS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ANCHOS = (390, 1280)


@pytest.fixture(scope="module")
def servidor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The app with saved cases on loopback (CSRF and rate limits on, plain HTTP); yields (URL, database)."""
    url_bd = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'salida.db'}"
    app = hacer_app(
        url_bd,
        TESTING=False,
        WTF_CSRF_ENABLED=True,
        RATELIMIT_ENABLED=True,
        SESSION_COOKIE_SECURE=False,
        LIMITE_PDF="100 per minute",
    )
    srv = make_server("127.0.0.1", 0, app, threaded=True)
    hilo = threading.Thread(target=srv.serve_forever, daemon=True)
    hilo.start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}", url_bd
    finally:
        srv.shutdown()
        hilo.join(5)




def _capturas(tmp_path: Path) -> Path:
    destino = Path(os.environ.get("SALIDA_CAPTURAS") or tmp_path)
    destino.mkdir(parents=True, exist_ok=True)
    return destino


def _sin_violaciones_graves(page: Page) -> None:
    resultado = Axe().run(page)
    graves = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in resultado.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert graves == []


def _ir_a_la_decision(page: Page, caso_json: str) -> None:
    """Post the case to the form (as the decision page's "change my answers" does), then see the result."""
    page.evaluate(
        """(caso) => { const f = document.createElement('form'); f.method = 'post'; f.action = '/caso/editar';
        f.appendChild(document.querySelector('input[name=csrf_token]').cloneNode());
        const c = document.createElement('input'); c.type = 'hidden'; c.name = 'caso'; c.value = caso;
        f.appendChild(c); document.body.appendChild(f); f.submit(); }""",
        caso_json,
    )
    page.wait_for_selector("#formulario")
    with page.expect_navigation():
        page.locator("button.boton--principal", has_text="Ver mi resultado").click()
    page.wait_for_selector(".respuesta__titular")


def _guardar_desde_la_decision(page: Page) -> None:
    """The decision page's "save this case" button; until the lead wires it, the same post by hand."""
    boton = page.locator("button[formaction$='/mi-caso/guardar']")
    with page.expect_navigation():
        if boton.count():
            boton.first.click()
        else:
            page.evaluate(
                "() => { const f = document.getElementById('caso-form'); f.action = '/mi-caso/guardar';"
                " f.submit(); }"
            )


def test_guardar_presentar_dejar_vencer_y_descargar_el_silencio_positivo(navegador, servidor, tmp_path):
    base, _ = servidor
    destino = _capturas(tmp_path)
    ctx = navegador.new_context(viewport={"width": 390, "height": 844}, locale="es-CO", accept_downloads=True)
    page = ctx.new_page()
    page.goto(base + "/caso")
    _ir_a_la_decision(page, validado(caso_sin_reclamar()).model_dump_json())
    _guardar_desde_la_decision(page)
    assert page.title() == "Guardar su caso · Salida"
    page.screenshot(path=destino / "guardar-390.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _sin_violaciones_graves(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Guardar mi caso").click()
    assert page.title().startswith("Error: ") and page.locator("#autorizo-error").is_visible()
    page.get_by_label("Autorizo de forma previa", exact=False).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Guardar mi caso").click()
    assert "Su caso quedó guardado" in page.locator("main").inner_text()
    enlace = page.input_value("#enlace-privado")
    assert enlace.startswith(base + "/mi-caso/") and "?" not in enlace
    assert page.locator(".estado-caso__titulo").inner_text() == "Hay una carta por presentar"
    _sin_violaciones_graves(page)

    # The complaint was filed on Monday 30 November 2026, with its CUN.
    page.select_option("#ev-carta-carta", "queja")
    page.fill("#ev-carta-fecha", "2026-11-30")
    page.select_option("#ev-carta-canal", "oficina")
    page.fill("#ev-carta-cun", "4563-24-0000999999")
    with page.expect_navigation():
        page.get_by_role("button", name="Registrar la carta presentada").click()
    assert page.locator(".estado-caso__titulo").inner_text() == "Esperando la respuesta del operador"
    assert "Carta presentada" in page.locator("#historial").inner_text()

    # 15 business days (8 December is a holiday): the last day is 22 December; nothing changes yet.
    page.fill("#fecha-calculo", "2026-12-22")
    with page.expect_navigation():
        page.get_by_role("button", name="Calcular a esa fecha").click()
    assert page.locator(".estado-caso__titulo").inner_text() == "Esperando la respuesta del operador"
    assert "22 de diciembre de 2026" in page.locator("#proximo-plazo").inner_text()

    # The day after, silencio positivo: the letter is ready.
    page.fill("#fecha-calculo", "2026-12-23")
    with page.expect_navigation():
        page.get_by_role("button", name="Calcular a esa fecha").click()
    estado = page.locator(".estado-caso__titulo").inner_text()
    assert estado == "El operador no respondió a tiempo: opera el silencio administrativo positivo"
    carta = page.locator("#proxima-carta")
    assert "Solicitud de reconocimiento del silencio administrativo positivo" in carta.inner_text()
    assert "Disponible desde el 23 de diciembre de 2026" in carta.inner_text()
    page.screenshot(path=destino / "caso-silencio-390.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _sin_violaciones_graves(page)
    with page.expect_download() as descarga:
        carta.get_by_role("button", name="Descargar PDF").click()
    assert descarga.value.suggested_filename == "salida-silencio_positivo.pdf"
    pdf = PdfReader(io.BytesIO(Path(descarga.value.path()).read_bytes()))
    texto = " ".join(p.extract_text() for p in pdf.pages)
    for esperado in ("Ana María Pérez Gómez", "4563-24-0000999999", "silencio administrativo positivo"):
        assert esperado in texto
    assert "Ana" not in (pdf.metadata.title or "")

    # The private link works from another browser; deleting it is for real.
    otro = navegador.new_context(viewport={"width": 1280, "height": 900}, locale="es-CO")
    visita = otro.new_page()
    visita.goto(enlace)
    assert visita.locator(".expediente__titulo").inner_text() == "Su caso con Claro"
    visita.screenshot(path=destino / "caso-1280.png", full_page=True)
    assert visita.evaluate("document.documentElement.scrollWidth") <= 1280
    visita.get_by_role("link", name="Borrar este caso").click()
    with visita.expect_navigation():
        visita.get_by_role("button", name="Sí, borrar el caso").click()
    assert "Su caso fue borrado" in visita.locator("main").inner_text()
    assert visita.goto(enlace).status == 404
    otro.close()
    ctx.close()


def test_panel_de_la_organizacion_en_el_navegador(navegador, servidor, tmp_path):
    base, url_bd = servidor
    destino = _capturas(tmp_path)
    bd = base_de_datos(url_bd)
    org = nueva_org(bd, "Liga Navegador")
    for i, operador in enumerate(("claro", "movistar", "etb", "claro")):
        datos = caso_sin_reclamar(operador=operador)
        datos["reclamaciones"] = [
            {
                "tipo": "queja",
                "fecha_radicacion": f"2026-{9 + i % 3:02d}-0{1 + i}",
                "pretensiones": ["compensacion"],
            }
        ]
        caso_de_org(bd, org.id, datos)
    for ancho in ANCHOS:
        ctx = navegador.new_context(viewport={"width": ancho, "height": 900}, locale="es-CO")
        page = ctx.new_page()
        page.goto(base + "/panel/")
        assert "/cuentas/entrar" in page.url
        page.fill("#correo", org.correo)
        page.fill("#clave", CLAVE)
        with page.expect_navigation():
            page.get_by_role("button", name="Entrar").click()
        assert page.locator("h1").inner_text() == "Casos de Liga Navegador"
        page.screenshot(path=destino / f"panel-{ancho}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= ancho
        _sin_violaciones_graves(page)
        page.select_option("#f-operador", "claro")
        with page.expect_navigation():
            page.get_by_role("button", name="Filtrar").click()
        assert "2 casos" in page.locator("#lista-titulo").inner_text()
        page.goto(base + "/panel/operadores")
        assert page.locator("svg.grafico").count() == 2 + 3
        page.screenshot(path=destino / f"operadores-{ancho}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= ancho
        _sin_violaciones_graves(page)
        page.goto(base + "/panel/")
        with page.expect_navigation():
            page.locator("table a").first.click()
        page.screenshot(path=destino / f"caso-organizacion-{ancho}.png", full_page=True)
        _sin_violaciones_graves(page)
        with page.expect_navigation():
            page.get_by_role("button", name="Cerrar sesión").click()
        assert "/cuentas/entrar" in page.url
        ctx.close()
