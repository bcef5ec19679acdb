"""The founding case through the interview in Debian's Chromium at 390 × 844, with and without
JavaScript: entries and steps counted, Back and Forward at every step, reload of the result, axe.

Without JavaScript means without the site's scripts (their requests are refused): axe itself runs
as a script in the page, and with the browser's JavaScript switched off it never finishes.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.web.navegador import servidor

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

MAX_ENTRADAS, MAX_PASOS = 25, 7


@dataclass
class Respuesta:
    """One answer the person gives: how to give it and how to see it again."""

    selector: str
    valor: str
    como: str = "fill"  # fill | select | check

    def dar(self, page: Page) -> None:
        """Type, choose or tick it."""
        if self.como == "fill":
            page.fill(self.selector, self.valor)
        elif self.como == "select":
            page.select_option(self.selector, self.valor)
        else:
            page.check(self.selector)

    def sigue_ahi(self, page: Page) -> bool:
        """Whether the page shows it."""
        if self.como == "check":
            return page.is_checked(self.selector)
        return page.input_value(self.selector) == self.valor


# The founding case: a Claro bundle, one night-long outage of internet, fixed line and mobile, one
# complaint by phone still unanswered, $12.000 of calls from a neighbour's line.
PASOS: list[tuple[str, list[Respuesta]]] = [
    ("Su contrato", [
        Respuesta("#campo-operador", "claro", "select"),
        Respuesta("#campo-contrato-servicios", "internet_fijo", "check"),
        Respuesta("#campo-contrato-servicios-telefonia_fija", "", "check"),
        Respuesta("#campo-contrato-servicios-movil", "", "check"),
        Respuesta("#campo-contrato-modalidad_movil", "", "check"),  # pospago
        Respuesta("#campo-contrato-fecha_inicio", "2026-03-10"),
        Respuesta("#campo-contrato-dia_corte", "15"),
        Respuesta("#campo-contrato-valor_mensual", "$189.900"),
        Respuesta("#campo-contrato-numero", "1.23456789"),
    ]),
    ("Permanencia", [
        Respuesta("#campo-permanencia-tiene", "", "check"),  # Sí
        Respuesta("#campo-permanencia-meses", "12"),
    ]),
    ("Las fallas", [
        Respuesta("#campo-fallas-0-inicio", "2026-11-03T19:40"),
        Respuesta("#campo-fallas-0-fin", "2026-11-04T07:10"),
        Respuesta("#campo-fallas-0-masiva", "", "check"),  # Sí
        Respuesta("#campo-gastos_adicionales-0-descripcion", "Llamadas desde la línea de un vecino"),
        Respuesta("#campo-gastos_adicionales-0-valor", "12.000"),
    ]),
    ("Lo que ya hizo", [
        Respuesta("#campo-reclamaciones-hay", "", "check"),  # Sí
        Respuesta("#campo-reclamaciones-0-fecha_radicacion", "2026-11-05"),
        Respuesta("#campo-reclamaciones-0-canal", "telefono", "select"),
        Respuesta("#campo-reclamaciones-0-respondida-no", "", "check"),  # Todavía no
    ]),
    ("Qué quiere lograr", [
        Respuesta("#campo-pretensiones", "", "check"),  # terminar sin penalidad; the rest suggested
    ]),
    ("Sus datos para las cartas", [
        Respuesta("#campo-usuario-nombre", "Ana María Pérez Gómez"),
        Respuesta("#campo-usuario-numero_documento", "52.123.456"),
        Respuesta("#campo-usuario-direccion", "Calle 45 # 12-30, apto 402"),
        Respuesta("#campo-usuario-ciudad", "Bogotá D.C."),
    ]),
]
SUGERIDAS = ["#campo-fallas-0-servicios", "#campo-fallas-0-servicios-telefonia_fija",
             "#campo-fallas-0-servicios-movil"]


@dataclass
class Medida:
    """What one walk measured."""

    entradas: int = 0
    pasos: int = 0
    alturas: dict[str, int] = field(default_factory=dict)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    """The app served on loopback for this module."""
    with servidor() as url:
        yield url


def _capturas() -> Path | None:
    destino = os.environ.get("SALIDA_CAPTURAS")
    if destino:
        Path(destino).mkdir(parents=True, exist_ok=True)
    return Path(destino) if destino else None


def _axe(page: Page) -> None:
    resultado = Axe().run(page)
    graves = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
              for v in resultado.response["violations"] if v["impact"] in ("serious", "critical")]
    assert graves == [], page.url


def _fotografiar(page: Page, nombre: str, destino: Path | None, medida: Medida) -> None:
    medida.alturas[nombre] = page.evaluate("document.documentElement.scrollHeight")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if destino is None:
        return
    page.screenshot(path=destino / f"{nombre}-390.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=destino / f"{nombre}-1280.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})


def _primera_pantalla(page: Page) -> None:
    """At 390 × 844 the first screen says what to do now and offers the first letter."""
    page.evaluate("window.scrollTo(0, 0)")
    assert page.locator("h1").inner_text() == "Qué hacer ahora"
    caja = page.locator("[data-descarga]").first.bounding_box()
    assert caja is not None and caja["y"] + caja["height"] <= 844, caja


def _sin_detalle_juridico(page: Page) -> None:
    """No rule id, status badge, regime or rules version outside "Para abogados y defensores"."""
    texto = page.evaluate("""() => {
        const main = document.querySelector('main').cloneNode(true);
        main.querySelectorAll('#abogados, textarea, input[type=hidden]').forEach(n => n.remove());
        return main.textContent; }""")
    assert re.findall(r"\b[PTBCQ]\d\b", texto) == []
    for interno in ("· verificado", "· sin verificar", "· fuentes secundarias", "régimen RPU", "co-telecom/",
                    "Criterio de conteo"):
        assert interno not in texto
    assert page.locator("main .estado").count() == page.locator("#abogados .estado").count()
    assert page.locator("#abogados").get_attribute("open") is None  # collapsed


def _descargar_la_primera_carta(page: Page, javascript: bool) -> None:
    """The first letter downloads as a PDF; with JavaScript the page says when it is ready."""
    boton = page.locator("[data-descarga]").first
    with page.expect_download() as descarga:
        boton.click()
    assert descarga.value.suggested_filename.endswith(".pdf")
    if javascript:
        estado = page.locator("[data-progreso-de]").first
        estado.filter(has_text="PDF listo").wait_for()
        assert boton.get_attribute("aria-busy") is None and boton.is_enabled()


def _continuar(page: Page, texto: str = "Continuar") -> None:
    with page.expect_navigation():
        page.locator("button.boton--principal", has_text=texto).click()


@pytest.mark.parametrize("javascript", [True, False], ids=["con-js", "sin-js"])
def test_caso_fundador_paso_a_paso(navegador: Browser, base: str, javascript: bool):
    ctx = navegador.new_context(viewport={"width": 390, "height": 844}, locale="es-CO")
    if not javascript:
        ctx.route("**/static/js/**", lambda ruta: ruta.abort())
    page = ctx.new_page()
    destino = _capturas() if javascript else None
    medida = Medida()
    page.goto(base + "/caso")
    anterior: list[Respuesta] = []
    for numero, (titulo, respuestas) in enumerate(PASOS, start=1):
        assert page.locator("h1").inner_text() == titulo
        assert f"Paso {numero} de {MAX_PASOS}" in page.locator("#progreso").inner_text()
        medida.pasos += 1
        if anterior:  # Back shows the last page's answers; Forward comes back here
            page.go_back()
            assert all(r.sigue_ahi(page) for r in anterior), page.url
            page.go_forward()
            assert page.locator("h1").inner_text() == titulo
        assert page.evaluate("document.documentElement.classList.contains('js')") == javascript
        if titulo == "Las fallas":
            assert all(page.is_checked(s) for s in SUGERIDAS)  # the contract's services, ticked
        for r in respuestas:
            r.dar(page)
            medida.entradas += 1
        _axe(page)
        _fotografiar(page, f"paso-{numero}", destino, medida)
        _continuar(page)
        anterior = respuestas
    assert page.locator("h1").inner_text() == "Revise sus respuestas"
    medida.pasos += 1
    texto = page.locator("main").inner_text()
    for esperado in ("Ana María Pérez Gómez", "52123456", "$189.900", "3 de noviembre de 2026, 19:40",
                     "Que me devuelvan los gastos"):
        assert esperado in texto
    _axe(page)
    _fotografiar(page, "paso-7-revisar", destino, medida)
    page.go_back()
    assert all(r.sigue_ahi(page) for r in anterior)
    page.go_forward()
    _continuar(page, "Ver mi resultado")
    assert page.url.endswith("/caso/resultado")
    titular = page.locator(".respuesta__titular").inner_text()
    assert titular.startswith("Sí, puede terminar sin pagar")
    page.reload()
    assert page.locator(".respuesta__titular").inner_text() == titular
    _primera_pantalla(page)
    _sin_detalle_juridico(page)
    _axe(page)
    _fotografiar(page, "resultado", destino, medida)
    _descargar_la_primera_carta(page, javascript)
    page.go_back()
    assert page.locator("h1").inner_text() == "Revise sus respuestas"
    assert medida.entradas <= MAX_ENTRADAS and medida.pasos <= MAX_PASOS
    if destino is not None:
        (destino / "medidas.json").write_text(json.dumps(vars(medida), indent=1), encoding="utf-8")
    print(f"\nentradas={medida.entradas} pasos={medida.pasos} alturas={medida.alturas}")
    ctx.close()
