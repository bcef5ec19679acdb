"""A batch uploaded in one browser is opened, downloaded and imported as cases from another browser of
the same organisation, and stays closed to a third organisation's (Debian's Chromium, CSRF on)."""

from __future__ import annotations

import io
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from sqlalchemy import func, select
from werkzeug.serving import make_server

from casos.autenticacion import crear_cuenta
from store.casos import CasoGuardado
from store.db import BaseDeDatos, base_de_datos
from tests.batch.conftest import fila_ejemplo, hacer_csv
from tests.casos.conftest import CLAVE, hacer_app, nueva_org

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def servidor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, BaseDeDatos]]:
    """The app with accounts on loopback (CSRF and rate limits on, embedded runner)."""
    url_bd = f"sqlite:///{tmp_path / 'salida.db'}"
    monkeypatch.setenv("SALIDA_EJECUTOR", "embebido")
    app = hacer_app(url_bd, TESTING=False, WTF_CSRF_ENABLED=True, RATELIMIT_ENABLED=True,
                    SESSION_COOKIE_SECURE=False)
    srv = make_server("127.0.0.1", 0, app, threaded=True)
    hilo = threading.Thread(target=srv.serve_forever, daemon=True)
    hilo.start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}", base_de_datos(url_bd)
    finally:
        srv.shutdown()
        hilo.join(5)
        ejecutor = app.extensions.get("salida_lotes", {}).get("ejecutor")
        if ejecutor is not None:
            ejecutor.cerrar()


def _sesion(navegador: Browser, base: str, correo: str) -> tuple[BrowserContext, Page]:
    """A browser context of its own (cookies apart), logged in through the form."""
    contexto = navegador.new_context(locale="es-CO", accept_downloads=True)
    page = contexto.new_page()
    page.goto(base + "/cuentas/entrar")
    page.fill("#correo", correo)
    page.fill("#clave", CLAVE)
    page.get_by_role("button", name="Entrar").click()
    page.wait_for_load_state()
    return contexto, page


def _casos(bd: BaseDeDatos) -> int:
    with bd.sesiones() as s:
        return s.scalar(select(func.count()).select_from(CasoGuardado)) or 0


def test_un_lote_web_se_importa_desde_otro_navegador_de_la_organizacion(
        navegador: Browser, servidor: tuple[str, BaseDeDatos], tmp_path: Path):
    base, bd = servidor
    liga, otra = nueva_org(bd, "Liga Norte"), nueva_org(bd, "Otra Liga")
    crear_cuenta(bd, liga.id, "segunda@example.org", "Segunda defensora", CLAVE)
    _, sube = _sesion(navegador, base, liga.correo)
    _, colega = _sesion(navegador, base, "segunda@example.org")
    _, ajena = _sesion(navegador, base, otra.correo)

    # Rows 2 and 4 are the same person and contract: one case.
    archivo = tmp_path / "apagon-noviembre.csv"
    archivo.write_bytes(hacer_csv([fila_ejemplo(numero_contrato="C-1"), fila_ejemplo(numero_contrato="C-2"),
                                   fila_ejemplo(numero_contrato="C-1")]))
    sube.goto(base + "/lotes/")
    sube.set_input_files("#archivo", str(archivo))
    sube.check("input[name=tipos][value=terminacion]")
    sube.fill("#fecha", "2026-11-28")
    sube.check("#consentimiento")
    sube.fill("#declarante", "Liga Norte")
    sube.get_by_role("button", name="Cargar y generar las cartas").click()
    sube.wait_for_selector("text=Lote terminado", timeout=180_000)  # its page reloads when done
    pagina = sube.url
    lote_id = pagina.rstrip("/").rsplit("/", 1)[-1]

    assert ajena.goto(pagina).status == 404  # another organisation's browser
    assert colega.goto(pagina).status == 200
    assert colega.get_by_text("Este lote es de su organización").count() == 1
    # The pack was built by the worker that ended the batch: its contents are listed.
    contenido = colega.locator("main").inner_text()
    assert "2 cartas en PDF" in contenido and "informe.xlsx" in contenido
    with colega.expect_download() as descarga:
        colega.get_by_role("link", name="Descargar cartas e informe (.zip)").click()
    z = zipfile.ZipFile(io.BytesIO(Path(descarga.value.path()).read_bytes()))
    assert [n for n in z.namelist() if n.startswith("cartas/")] == [
        "cartas/0002_terminacion.pdf", "cartas/0003_terminacion.pdf"]

    ajena.goto(base + "/panel/")
    assert ajena.locator(f"input[name=lote][value='{lote_id}']").count() == 0
    ficha = ajena.locator("input[name=csrf_token]").first.get_attribute("value")
    forzado = ajena.request.post(base + "/panel/lotes/importar",
                                 form={"lote": lote_id, "declaro": "si", "csrf_token": ficha or ""})
    assert forzado.status == 404 and _casos(bd) == 0  # not offered, and refused when forced
    colega.goto(base + "/panel/")
    formulario = colega.locator("form.importar", has=colega.locator(f"input[name=lote][value='{lote_id}']"))
    formulario.get_by_role("checkbox").check()
    formulario.get_by_role("button", name="Importar «apagon-noviembre.csv» como casos").click()
    colega.wait_for_load_state()
    assert _casos(bd) == 2  # the repeated row is imported once
    sube.goto(base + "/panel/")
    assert sube.get_by_text("2 casos", exact=False).count() >= 1
