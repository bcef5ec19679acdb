"""The batch pages in Debian's Chromium: errors with focus, upload, live progress, download, axe."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from batch.plantilla import plantilla_xlsx
from tests.web.navegador import servidor

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Iterator[str]:
    bd = tmp_path_factory.mktemp("lotes") / "e2e.db"
    with servidor(DATABASE_URL=f"sqlite:///{bd}") as url:
        yield url




def _pagina(navegador: Browser, js: bool = True) -> Page:
    ctx = navegador.new_context(viewport={"width": 1280, "height": 900}, locale="es-CO",
                                accept_downloads=True, java_script_enabled=js)
    return ctx.new_page()


def _sin_violaciones_graves(page: Page) -> None:
    resultado = Axe().run(page)
    graves = [(v["id"], v["impact"]) for v in resultado.response["violations"]
              if v["impact"] in ("serious", "critical")]
    assert graves == []


def test_lote_en_el_navegador(navegador: Browser, base: str, tmp_path: Path):
    page = _pagina(navegador)
    page.goto(base + "/lotes/")
    _sin_violaciones_graves(page)
    page.get_by_role("button", name="Cargar y generar las cartas").click()
    page.wait_for_selector("#resumen-errores")
    assert page.evaluate("document.activeElement.id") == "resumen-errores"
    _sin_violaciones_graves(page)

    archivo = tmp_path / "casos.xlsx"
    archivo.write_bytes(plantilla_xlsx())
    page.set_input_files("#archivo", str(archivo))
    page.check("#consentimiento")
    page.fill("#declarante", "Asociación de Usuarios de Prueba")
    page.get_by_role("button", name="Cargar y generar las cartas").click()
    page.wait_for_selector("text=Lote terminado", timeout=90_000)  # JS polling reloads when done
    _sin_violaciones_graves(page)
    with page.expect_download() as descarga:
        page.get_by_role("link", name="Descargar cartas e informe (.zip)").click()
    destino = tmp_path / "cartas.zip"
    descarga.value.save_as(destino)
    nombres = zipfile.ZipFile(destino).namelist()
    assert "informe.csv" in nombres and any(n.startswith("cartas/0002_") for n in nombres)
    assert descarga.value.suggested_filename == "cartas-salida.zip"
    page.context.close()


def test_lote_sin_javascript_se_actualiza_solo(navegador: Browser, base: str, tmp_path: Path):
    page = _pagina(navegador, js=False)
    page.goto(base + "/lotes/")
    archivo = tmp_path / "casos.xlsx"
    archivo.write_bytes(plantilla_xlsx())
    page.set_input_files("#archivo", str(archivo))
    page.check("#consentimiento")
    page.fill("#declarante", "Asociación")
    page.get_by_role("button", name="Cargar y generar las cartas").click()
    page.wait_for_selector("h1:has-text('Su lote')")
    # Without JavaScript the page refreshes itself (meta refresh in <noscript>) until it is done.
    page.wait_for_selector("text=Lote terminado", timeout=90_000)
    assert page.get_by_role("link", name="Descargar cartas e informe (.zip)").is_visible()
    page.context.close()
