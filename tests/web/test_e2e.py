"""End to end in Debian's Chromium: keyboard only, errors and focus, JavaScript off, axe, screenshots."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Route, expect
from pypdf import PdfReader

from tests.web.navegador import Teclado, servidor

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    """The app served on loopback for this module."""
    with servidor() as url:
        yield url




@pytest.fixture
def pagina(navegador: Browser) -> Iterator[Page]:
    """A fresh phone-sized page with JavaScript on."""
    ctx = navegador.new_context(viewport={"width": 390, "height": 844}, locale="es-CO", accept_downloads=True)
    page = ctx.new_page()
    yield page
    ctx.close()


def _sin_violaciones_graves(page: Page) -> None:
    resultado = Axe().run(page)
    graves = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
              for v in resultado.response["violations"] if v["impact"] in ("serious", "critical")]
    assert graves == []


def test_primer_paso_solo_con_teclado(pagina: Page, base: str):
    pagina.goto(base + "/caso")
    t = Teclado(pagina)
    pagina.keyboard.press("Tab")
    t.elegir("campo-operador", "claro")
    for servicio in ("campo-contrato-servicios", "campo-contrato-servicios-movil"):
        t.marcar(servicio)
    t.radio("contrato.modalidad_movil", "pospago")  # shown by JavaScript once "Celular" is ticked
    t.fecha("campo-contrato-fecha_inicio", "2026-03-10")
    t.escribir("campo-contrato-dia_corte", "15")
    t.escribir("campo-contrato-valor_mensual", "189.900")
    t.escribir("campo-contrato-numero", "1.23456789")
    with pagina.expect_navigation():
        t.pulsar("Continuar")
    assert pagina.title() == "Permanencia · Salida"
    assert pagina.url.endswith("/caso/paso/permanencia")


def test_errores_resumen_con_foco_y_enlaces(pagina: Page, base: str):
    pagina.goto(base + "/caso/paso/usuario")
    pagina.fill("#campo-usuario-correo", "ana-sin-arroba")
    with pagina.expect_navigation():
        pagina.locator("button.boton--principal", has_text="Continuar").click()
    assert pagina.title().startswith("Error: ")
    assert pagina.evaluate("document.activeElement.id") == "resumen-errores"
    assert pagina.input_value("#campo-usuario-correo") == "ana-sin-arroba"
    enlace = pagina.locator(".resumen-errores a[href='#campo-usuario-correo']")
    assert "El correo electrónico no es válido." in enlace.inner_text()
    enlace.focus()
    pagina.keyboard.press("Enter")
    assert pagina.evaluate("document.activeElement.id") == "campo-usuario-correo"
    assert pagina.locator("#campo-usuario-correo-error").is_visible()
    _sin_violaciones_graves(pagina)


def test_sin_javascript(navegador: Browser, base: str):
    ctx = navegador.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    page.goto(base + "/caso/paso/permanencia")
    assert page.locator("#campo-permanencia-meses").is_visible()  # nothing is hidden without JS
    page.goto(base + "/caso/paso/fallas")
    page.fill("#campo-fallas-0-descripcion", "Sin internet toda la noche")
    for _ in range(2):  # from 1 to 3 incident rows, server-side
        with page.expect_navigation():
            page.locator("button[value='agregar:fallas']").click()
    assert page.locator("[name='fallas[2].inicio']").count() == 1
    assert page.evaluate("document.activeElement.id") == "campo-fallas-2-servicios"
    assert page.input_value("#campo-fallas-0-descripcion") == "Sin internet toda la noche"
    with page.expect_navigation():
        page.locator("button[value='quitar:fallas:2']").click()
    assert page.locator("[name='fallas[2].inicio']").count() == 0
    # Enter in a text field submits "continue", not "add a row".
    page.focus("#campo-gastos_adicionales-0-valor")
    page.keyboard.type("doce mil")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#resumen-errores").is_visible()
    assert page.evaluate("document.activeElement.id") == "resumen-errores"  # autofocus, no script
    assert "Escriba solo números, por ejemplo 189900." in page.locator("#resumen-errores").inner_text()
    ctx.close()


def test_decision_sin_javascript_y_carta_en_texto(navegador: Browser, base: str, semilla_json: str):
    ctx = navegador.new_context(java_script_enabled=False, accept_downloads=True)
    page = ctx.new_page()
    page.goto(base + "/caso")
    token = page.input_value("input[name=csrf_token]")
    respuesta = ctx.request.post(base + "/caso/editar", form={"csrf_token": token, "caso": semilla_json},
                                 max_redirects=0)
    assert respuesta.status == 303  # the answers became this browser's draft
    page.goto(base + "/caso/revisar")
    with page.expect_navigation():
        page.locator("button.boton--principal", has_text="Ver mi resultado").click()
    assert page.locator(".respuesta__titular").inner_text() == "Sí, puede terminar sin pagar la permanencia."
    assert page.locator("[data-copiar]").first.is_hidden()  # the copy button needs JavaScript
    detalles = page.locator(".carta__texto").first
    detalles.locator("summary").click()
    # No text is drawn with the page; without JavaScript the details say how to get it instead.
    assert detalles.locator("textarea").is_hidden() and detalles.locator("textarea").input_value() == ""
    nota = detalles.locator(".carta__sin-js")
    assert nota.is_visible() and "Use el botón «Descargar texto» de arriba" in nota.inner_text()
    with page.expect_download() as descarga:
        page.locator("button", has_text="Descargar texto").first.click()
    assert "15 de diciembre de 2026" in Path(descarga.value.path()).read_text(encoding="utf-8")
    ctx.close()


def test_decision_con_javascript_carga_el_texto_al_abrir(pagina: Page, base: str, semilla_json: str):
    pagina.goto(base + "/caso")
    pedidos: list[tuple[str, str]] = []
    pagina.on("request", lambda r: pedidos.append((r.method, r.url)) if "/cartas/" in r.url else None)
    retenidos: list[Route] = []
    pagina.route("**/cartas/terminacion.txt", lambda ruta: retenidos.append(ruta))  # held until let go
    _ir_a_la_decision(pagina, semilla_json)
    detalles = pagina.locator("details[data-texto-carta='/cartas/terminacion.txt']")
    area, estado = detalles.locator("textarea"), detalles.locator("[data-estado-texto]")
    assert pedidos == [] and area.input_value() == ""  # nothing loads until the person asks
    assert detalles.locator(".carta__sin-js").count() == 1
    detalles.locator("summary").click()
    expect(estado).to_have_text("Cargando el texto…")
    expect(detalles).to_have_attribute("aria-busy", "true")
    assert detalles.locator(".carta__sin-js").is_hidden()  # the note is for browsers without JavaScript
    assert detalles.locator("[data-copiar]").is_hidden()
    retenidos[0].continue_()
    expect(area).to_be_visible()
    assert "Ana María Pérez Gómez" in area.input_value() and "15 de diciembre de 2026" in area.input_value()
    assert estado.get_attribute("aria-live") == "polite"
    assert estado.text_content() == "Texto de la carta cargado."  # said to screen readers
    assert detalles.get_attribute("aria-busy") is None
    assert pedidos == [("POST", base + "/cartas/terminacion.txt")]  # no personal data in the address
    detalles.locator("summary").click()  # closed and opened again: the text is already there
    detalles.locator("summary").click()
    expect(area).to_be_visible()
    assert len(pedidos) == 1
    pagina.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    detalles.locator("button[data-copiar]").click()
    expect(detalles.locator(".carta__copiado")).to_have_text("Texto copiado.")
    assert "Ana María Pérez Gómez" in pagina.evaluate("navigator.clipboard.readText()")
    _sin_violaciones_graves(pagina)


def test_texto_de_carta_que_no_carga_lo_dice_y_se_reintenta(pagina: Page, base: str, semilla_json: str):
    pagina.goto(base + "/caso")
    pagina.route("**/cartas/queja_sic.txt", lambda ruta: ruta.abort("connectionreset"))
    _ir_a_la_decision(pagina, semilla_json)
    detalles = pagina.locator("details[data-texto-carta='/cartas/queja_sic.txt']")
    detalles.locator("summary").click()
    estado = detalles.locator("[data-estado-texto]")
    expect(estado).to_have_text("No se pudo cargar el texto: revise su conexión y vuelva a intentarlo, "
                                "o use «Descargar texto».")
    assert detalles.locator("textarea").is_hidden() and detalles.locator("[data-copiar]").is_hidden()
    pagina.unroute("**/cartas/queja_sic.txt")
    detalles.locator("button[data-reintentar]").click()
    expect(detalles.locator("textarea")).to_be_visible()
    assert "Superintendencia de Industria y Comercio" in detalles.locator("textarea").input_value()
    assert detalles.locator("button[data-reintentar]").is_hidden()
    # A letter the server refuses shows its Spanish reason, and offers no retry that could not help.
    otra = pagina.locator("details.carta__texto:has(#texto-queja)")
    otra.evaluate("(d) => d.setAttribute('data-texto-carta', '/cartas/recurso.txt')")
    otra.locator("summary").click()
    expect(otra.locator("[data-estado-texto]")).to_have_text(
        "No hay una respuesta desfavorable o parcial del operador con el plazo de recurso abierto.")
    assert otra.locator("button[data-reintentar]").is_hidden()


def test_accesibilidad_formulario_y_decision(pagina: Page, base: str, semilla_json: str):
    pagina.goto(base + "/caso")
    _sin_violaciones_graves(pagina)
    _ir_a_la_decision(pagina, semilla_json)
    _sin_violaciones_graves(pagina)
    with pagina.expect_download() as descarga:
        pagina.locator("button[formaction$='/cartas/terminacion.pdf']").click()
    assert descarga.value.suggested_filename == "salida-terminacion.pdf"
    pdf = PdfReader(io.BytesIO(Path(descarga.value.path()).read_bytes()))
    contenido = " ".join(p.extract_text() for p in pdf.pages)
    for esperado in ("Ana María Pérez Gómez", "52123456", "15 de diciembre de 2026", "4563-24-0000123456"):
        assert esperado in contenido
    assert "Ana" not in (pdf.metadata.title or "")
    pagina.locator("#abogados > summary").click()  # the legal detail is collapsed
    pagina.locator(".capitulo summary").first.click()
    pagina.locator(".carta__texto summary").first.click()
    _sin_violaciones_graves(pagina)
    pagina.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    pagina.locator(".carta__texto button[data-copiar]").first.click()
    expect(pagina.locator(".carta__copiado").first).to_have_text("Texto copiado.")
    assert "Ana María Pérez Gómez" in pagina.evaluate("navigator.clipboard.readText()")


def _ir_a_la_decision(page: Page, caso_json: str) -> None:
    """Post a case to /caso/editar (as the decision page does), then confirm the review page."""
    page.evaluate(
        """(caso) => { const f = document.createElement('form'); f.method = 'post'; f.action = '/caso/editar';
        f.appendChild(document.querySelector('input[name=csrf_token]').cloneNode());
        const c = document.createElement('input'); c.type = 'hidden'; c.name = 'caso'; c.value = caso;
        f.appendChild(c); document.body.appendChild(f); f.submit(); }""", caso_json)
    page.wait_for_selector("#formulario")  # "Revise sus respuestas"
    with page.expect_navigation():
        page.locator("button.boton--principal", has_text="Ver mi resultado").click()
    page.wait_for_selector(".respuesta__titular")


@pytest.mark.parametrize(("nombre", "ancho", "alto"), [("telefono", 390, 844), ("escritorio", 1280, 900)])
def test_capturas_sin_desborde(navegador: Browser, base: str, semilla_json: str, tmp_path: Path,
                               nombre: str, ancho: int, alto: int):
    destino = Path(os.environ.get("SALIDA_CAPTURAS") or tmp_path)
    destino.mkdir(parents=True, exist_ok=True)
    ctx = navegador.new_context(viewport={"width": ancho, "height": alto}, locale="es-CO")
    page = ctx.new_page()
    page.goto(base + "/caso")
    page.screenshot(path=destino / f"formulario-{nombre}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= ancho
    _ir_a_la_decision(page, semilla_json)
    page.screenshot(path=destino / f"decision-{nombre}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= ancho
    for ruta in ("/reglas", "/privacidad", "/api/docs"):
        page.goto(base + ruta)
        page.screenshot(path=destino / f"{ruta.strip('/').replace('/', '-')}-{nombre}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= ancho, ruta
    page.goto(base + "/caso")
    _ir_a_la_decision(page, semilla_json)
    page.emulate_media(media="print")
    page.screenshot(path=destino / f"decision-impresa-{nombre}.png", full_page=True)
    assert page.locator(".carta__acciones").first.is_hidden()
    ctx.close()


def test_docs_de_la_api_prueban_una_solicitud(pagina: Page, base: str):
    pagina.goto(base + "/api/docs")
    operacion = pagina.locator("section.api-op", has_text="/api/v1/evaluar")
    operacion.get_by_role("button", name="Enviar solicitud").click()
    expect(operacion.locator(".api-docs__estado")).to_have_text("HTTP 200 · application/json")
    assert '"sin_penalidad": true' in operacion.locator(".api-docs__pre").inner_text()
    descripciones = pagina.locator("#api-descripcion, .api-op > p, .api-op__respuestas").all_inner_texts()
    assert descripciones and not any("`" in d or "**" in d for d in descripciones)  # Markdown rendered
    _sin_violaciones_graves(pagina)
