"""A real browser for the e2e tests: the app served on loopback, Debian's Chromium, a keyboard driver."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import Page
from werkzeug.serving import make_server

from app import create_app

CHROMIUM = "/usr/bin/chromium"
ARGUMENTOS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run"]
MAX_TABS = 400


@contextmanager
def servidor(**config: Any) -> Iterator[str]:
    """Serve the app (CSRF and rate limits on, plain HTTP) on 127.0.0.1; yield its base URL."""
    app = create_app({"SECRET_KEY": "e2e-" + "x" * 40, "SESSION_COOKIE_SECURE": False,
                      "LIMITE_PDF": "100 per minute", **config})
    srv = make_server("127.0.0.1", 0, app, threaded=True)
    hilo = threading.Thread(target=srv.serve_forever, daemon=True)
    hilo.start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}"
    finally:
        srv.shutdown()
        hilo.join(5)


class Teclado:
    """Fill a form with the keyboard only: Tab to a field, then type, press arrows or Space."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.orden_fecha = self._orden_de_fechas()

    def _activo(self) -> dict[str, Any]:
        return self.page.evaluate(
            "() => { const a = document.activeElement; return {id: a.id, name: a.name || '', "
            "type: a.type || '', value: a.value || '', checked: !!a.checked, text: a.textContent || ''}; }")

    def _orden_de_fechas(self) -> str:
        """Whether this Chromium's date fields take month/day/year or day/month/year keystrokes."""
        valor = self.page.evaluate(
            "() => { const i = document.createElement('input'); i.type = 'date'; i.id = 'sonda-fecha'; "
            "document.body.appendChild(i); return i.id; }")
        self.page.focus(f"#{valor}")
        self.page.keyboard.type("01022026")
        resultado = self.page.input_value(f"#{valor}")
        self.page.evaluate("() => document.getElementById('sonda-fecha').remove()")
        return "mdy" if resultado == "2026-01-02" else "dmy"

    def tab_hasta(self, condicion: str, *, atras: bool = False) -> dict[str, Any]:
        """Press Tab until the focused element matches `condicion` (an id, or 'name=…' or 'text=…')."""
        for _ in range(MAX_TABS):
            activo = self._activo()
            clave, _, valor = condicion.partition("=")
            if (not valor and activo["id"] == condicion) or (valor and clave == "name" and
                                                             activo["name"] == valor) or (
                    valor and clave == "text" and activo["text"].strip().startswith(valor)):
                return activo
            self.page.keyboard.press("Shift+Tab" if atras else "Tab")
        raise AssertionError(f"El teclado no llega a {condicion}")

    def escribir(self, campo_id: str, texto: str) -> None:
        """Tab to a text field and type."""
        self.tab_hasta(campo_id)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(texto)

    def fecha(self, campo_id: str, iso: str) -> None:
        """Tab to a date field and type the date in the order this browser expects."""
        anio, mes, dia = iso.split("-")
        self.tab_hasta(campo_id)
        self.page.keyboard.type(mes + dia + anio if self.orden_fecha == "mdy" else dia + mes + anio)
        assert self.page.input_value(f"#{campo_id}") == iso

    def hora(self, campo_id: str, hhmm: str) -> None:
        """Tab to a time field and type hours and minutes (with AM/PM when the field has it)."""
        self.tab_hasta(campo_id)
        h, m = (int(x) for x in hhmm.split(":"))
        self.page.keyboard.type(f"{h:02d}{m:02d}")
        if self.page.input_value(f"#{campo_id}") != hhmm:
            self.page.keyboard.type("P" if h >= 12 else "A")
        assert self.page.input_value(f"#{campo_id}") == hhmm

    def elegir(self, campo_id: str, valor: str) -> None:
        """Tab to a select and move with the arrow keys to `valor`."""
        self.tab_hasta(campo_id)
        for _ in range(30):
            if self.page.input_value(f"#{campo_id}") == valor:
                return
            self.page.keyboard.press("ArrowDown")
        raise AssertionError(f"{campo_id} no tiene la opción {valor}")

    def radio(self, nombre: str, valor: str) -> None:
        """Tab into a radio group and move with the arrow keys to `valor`."""
        self.tab_hasta(f"name={nombre}")
        for _ in range(10):
            activo = self._activo()
            if activo["value"] == valor and activo["checked"]:
                return
            self.page.keyboard.press("ArrowRight")
        raise AssertionError(f"{nombre} no tiene la opción {valor}")

    def marcar(self, campo_id: str) -> None:
        """Tab to a check box and tick it with Space."""
        self.tab_hasta(campo_id)
        if not self._activo()["checked"]:
            self.page.keyboard.press("Space")

    def pulsar(self, texto: str) -> None:
        """Tab to the button or link whose text starts with `texto` and press Enter."""
        self.tab_hasta(f"text={texto}")
        self.page.keyboard.press("Enter")
