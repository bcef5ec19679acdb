"""End to end in Debian's Chromium: keyboard only, errors and focus, JavaScript off, axe, screenshots."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from tests.web.navegador import Teclado, servidor

pytestmark = pytest.mark.e2e

FALLAS = [
    ("internet_fijo", "07:10", "4563-24-0000123456",
     "Sin internet, telefonía fija ni celular en toda la ciudad"),
    ("telefonia_fija", "07:10", "", "Sin tono en la línea fija durante la caída masiva"),
    ("movil", "01:15", "", "El celular quedó sin señal ni datos"),
]


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


def _llenar_semilla_con_teclado(t: Teclado) -> None:
    t.elegir("campo-operador", "claro")
    t.escribir("campo-contrato-numero", "1.23456789")
    for servicio in ("campo-contrato-servicios", "campo-contrato-servicios-telefonia_fija",
                     "campo-contrato-servicios-movil"):
        t.marcar(servicio)
    t.radio("contrato.modalidad_movil", "pospago")
    t.fecha("campo-contrato-fecha_inicio", "2026-03-10")
    t.escribir("campo-contrato-dia_corte", "15")
    t.escribir("campo-contrato-valor_mensual", "189.900")
    t.radio("contrato.servicio_iniciado", "nose")
    t.radio("permanencia.tiene", "si")
    t.fecha("campo-permanencia-fecha_inicio", "2026-03-10")
    t.escribir("campo-permanencia-meses", "12")
    t.elegir("campo-permanencia-beneficio", "subsidio_equipo")
    t.escribir("campo-permanencia-valor_beneficio", "480.000")
    t.radio("permanencia.documento_separado", "si")
    t.escribir("campo-permanencia-valor_exigido", "350.000")
    for i, (servicio, fin, cun, descripcion) in enumerate(FALLAS):
        if i == 2:
            t.pulsar("Agregar otra falla")  # JavaScript adds the row and focuses its first field
        t.elegir(f"campo-fallas-{i}-servicio", servicio)
        t.fecha(f"campo-fallas-{i}-inicio_fecha", "2026-11-03")
        t.hora(f"campo-fallas-{i}-inicio_hora", "19:40")
        t.fecha(f"campo-fallas-{i}-fin_fecha", "2026-11-04")
        t.hora(f"campo-fallas-{i}-fin_hora", fin)
        t.marcar(f"campo-fallas-{i}-masiva")
        t.marcar(f"campo-fallas-{i}-reportada")
        if cun:
            t.escribir(f"campo-fallas-{i}-cun", cun)
        t.escribir(f"campo-fallas-{i}-descripcion", descripcion)
    t.escribir("campo-gastos_adicionales-0-descripcion", "Llamadas al centro de atención desde otra línea")
    t.escribir("campo-gastos_adicionales-0-valor", "12.000")
    t.fecha("campo-reclamaciones-0-fecha_radicacion", "2026-11-05")
    t.escribir("campo-reclamaciones-0-cun", "4563-24-0000123456")
    for p in ("", "-compensacion", "-informacion_falla"):
        t.marcar(f"campo-reclamaciones-0-pretensiones{p}")
    for p in ("", "-compensacion", "-reembolso_gastos", "-informacion_falla"):
        t.marcar(f"campo-pretensiones{p}")
    t.escribir("campo-usuario-nombre", "Ana María Pérez Gómez")
    t.escribir("campo-usuario-numero_documento", "52123456")
    t.escribir("campo-usuario-direccion", "Calle 45 # 12-30, apto 402")
    t.escribir("campo-usuario-ciudad", "Bogotá D.C.")
    t.escribir("campo-usuario-telefono", "3001234567")
    t.escribir("campo-usuario-correo", "ana@example.com")
    t.fecha("campo-fecha_evaluacion", "2026-11-28")


def test_semilla_solo_con_teclado_hasta_el_pdf(pagina: Page, base: str):
    pagina.goto(base + "/caso")
    t = Teclado(pagina)
    pagina.keyboard.press("Tab")
    _llenar_semilla_con_teclado(t)
    with pagina.expect_navigation():
        t.pulsar("Ver mi resultado")
    assert pagina.title() == "Su resultado · Salida"
    titular = pagina.locator(".respuesta__titular").inner_text()
    assert titular == "Sí, puede terminar sin pagar la permanencia."
    texto = pagina.locator("main").inner_text()
    assert "el contrato termina el 15 de diciembre de 2026" in texto
    assert "Requiere prueba" in texto
    with pagina.expect_download() as descarga:
        t.pulsar("Descargar PDF")  # the first letter: the suggested termination request
    archivo = descarga.value
    assert archivo.suggested_filename == "salida-terminacion.pdf"
    pdf = PdfReader(io.BytesIO(Path(archivo.path()).read_bytes()))
    contenido = " ".join(p.extract_text() for p in pdf.pages)
    for esperado in ("Ana María Pérez Gómez", "52123456", "15 de diciembre de 2026", "4563-24-0000123456"):
        assert esperado in contenido
    assert "Ana" not in (pdf.metadata.title or "")


def test_errores_resumen_con_foco_y_enlaces(pagina: Page, base: str):
    pagina.goto(base + "/caso")
    pagina.fill("#campo-usuario-correo", "ana-sin-arroba")
    with pagina.expect_navigation():
        pagina.locator("button.boton--principal", has_text="Ver mi resultado").click()
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


def test_sin_javascript(navegador: Browser, base: str, semilla):
    ctx = navegador.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    page.goto(base + "/caso")
    assert page.locator("#campo-permanencia-fecha_inicio").is_visible()  # nothing is hidden without JS
    page.select_option("#campo-operador", "claro")
    page.fill("#campo-usuario-nombre", "Ana María Pérez Gómez")
    for _ in range(2):  # from 2 to 4 incident rows, server-side
        with page.expect_navigation():
            page.locator("button[value='agregar:fallas']").click()
    assert page.locator("[name='fallas[3].servicio']").count() == 1
    assert page.evaluate("document.activeElement.id") == "campo-fallas-3-servicio"
    assert page.input_value("#campo-usuario-nombre") == "Ana María Pérez Gómez"
    with page.expect_navigation():
        page.locator("button[value='quitar:fallas:3']").click()
    assert page.locator("[name='fallas[3].servicio']").count() == 0
    # Enter in a text field submits "see my result", not "add a row".
    page.focus("#campo-contrato-numero")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#resumen-errores").is_visible()
    assert page.evaluate("document.activeElement.id") == "resumen-errores"  # autofocus, no script
    ctx.close()


def test_decision_sin_javascript_y_carta_en_texto(navegador: Browser, base: str, semilla):
    from tests.web.conftest import formulario_de

    ctx = navegador.new_context(java_script_enabled=False, accept_downloads=True)
    page = ctx.new_page()
    page.goto(base + "/caso")
    with page.expect_navigation():
        page.locator("button[value='agregar:fallas']").click()  # the seed has 3 incidents
    datos = formulario_de(semilla)
    for nombre in list(datos):
        if nombre == "accion":
            continue
        valores = datos.getlist(nombre)
        campo = page.locator(f"[name='{nombre}']")
        if campo.count() == 0:
            continue
        tipo = campo.first.get_attribute("type")
        if tipo in ("checkbox", "radio"):
            for v in valores:
                page.locator(f"[name='{nombre}'][value='{v}']").check()
        elif campo.first.evaluate("e => e.tagName") == "SELECT":
            page.select_option(f"[name='{nombre}']", valores[0])
        else:
            campo.fill(valores[0])
    with page.expect_navigation():
        page.locator("button.boton--principal", has_text="Ver mi resultado").click()
    assert page.locator(".respuesta__titular").inner_text() == "Sí, puede terminar sin pagar la permanencia."
    assert page.locator("[data-copiar]").first.is_hidden()  # the copy button needs JavaScript
    page.locator(".carta__texto summary").first.click()
    assert "Ana María Pérez Gómez" in page.locator("#texto-terminacion").input_value()
    with page.expect_download() as descarga:
        page.locator("button", has_text="Descargar texto").first.click()
    assert "15 de diciembre de 2026" in Path(descarga.value.path()).read_text(encoding="utf-8")
    ctx.close()


def test_accesibilidad_formulario_y_decision(pagina: Page, base: str, semilla_json: str):
    pagina.goto(base + "/caso")
    _sin_violaciones_graves(pagina)
    _ir_a_la_decision(pagina, semilla_json)
    _sin_violaciones_graves(pagina)
    pagina.locator(".capitulo summary").first.click()
    pagina.locator(".carta__texto summary").first.click()
    _sin_violaciones_graves(pagina)
    pagina.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    pagina.locator(".carta__texto button[data-copiar]").first.click()
    expect(pagina.locator(".carta__copiado").first).to_have_text("Texto copiado.")
    assert "Ana María Pérez Gómez" in pagina.evaluate("navigator.clipboard.readText()")


def _ir_a_la_decision(page: Page, caso_json: str) -> None:
    """Post a case to /caso/editar (as the decision page does), then submit the prefilled form."""
    page.evaluate(
        """(caso) => { const f = document.createElement('form'); f.method = 'post'; f.action = '/caso/editar';
        f.appendChild(document.querySelector('input[name=csrf_token]').cloneNode());
        const c = document.createElement('input'); c.type = 'hidden'; c.name = 'caso'; c.value = caso;
        f.appendChild(c); document.body.appendChild(f); f.submit(); }""", caso_json)
    page.wait_for_selector("#formulario")
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
    _sin_violaciones_graves(pagina)
