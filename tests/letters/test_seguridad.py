"""Hostile text in every free-text field is printed literally; nothing is fetched, nothing attached."""

from __future__ import annotations

import io
import socket
import threading
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from letters import pdf, render_html, render_pdf, render_text
from rules import evaluar, validar_caso
from tests.letters.conftest import normalizar, texto_pdf
from tests.letters.escenarios import recurso_reciente, semilla


class Escucha:
    """A local TCP listener that counts every connection it receives."""

    def __init__(self) -> None:
        self.servidor = socket.create_server(("127.0.0.1", 0))
        self.servidor.settimeout(0.2)
        self.puerto = self.servidor.getsockname()[1]
        self.conexiones = 0
        self._parar = threading.Event()
        self._hilo = threading.Thread(target=self._aceptar, daemon=True)
        self._hilo.start()

    def _aceptar(self) -> None:
        while not self._parar.is_set():
            try:
                conexion, _ = self.servidor.accept()
            except (TimeoutError, OSError):
                continue
            self.conexiones += 1
            conexion.close()

    def cerrar(self) -> None:
        """Stop listening."""
        self._parar.set()
        self._hilo.join(timeout=2)
        self.servidor.close()


@pytest.fixture
def escucha() -> Iterator[Escucha]:
    e = Escucha()
    yield e
    e.cerrar()


def cargas(puerto: int) -> list[str]:
    """The hostile strings of the issue, plus the same against our listener."""
    return [
        '<img src="file:///etc/passwd">',
        '<link rel="attachment" href="file:///etc/passwd">',
        "url(http://127.0.0.1:9/x)",
        "{{ 7*7 }}",
        f'<img src="http://127.0.0.1:{puerto}/i">',
        f"<style>@import url(http://127.0.0.1:{puerto}/c);</style>",
    ]


def con_carga(base: dict, carga: str) -> dict:
    """A case with `carga` in every free-text field (where it fits the field's length limit)."""
    c = base
    c.update(operador="otro", operador_nombre=carga)
    c["usuario"].update(nombre=carga[:120], direccion=carga, ciudad=carga[:120])
    if len(carga) <= 40:
        c["contrato"]["numero"] = carga
    c["contrato"].update(direccion_servicio=carga)
    for f in c["fallas"]:
        f["descripcion"] = carga
    c["cambios_unilaterales"] = [{"fecha": "2026-06-01", "descripcion": carga}]
    for g in c["gastos_adicionales"]:
        g["descripcion"] = carga
    return c


class _Atributos(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.valores: list[str] = []
        self.etiquetas: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.etiquetas.append(tag)
        self.valores += [v or "" for _, v in attrs]


def sin_espacios(texto: str) -> str:
    return "".join(texto.split())


def _sin_adjuntos(contenido: bytes) -> None:
    lector = PdfReader(io.BytesIO(contenido))
    assert lector.attachments == {}
    assert "/EmbeddedFiles" not in (lector.trailer["/Root"].get("/Names") or {})
    for pagina in lector.pages:
        for anotacion in pagina.get("/Annots") or []:
            assert anotacion.get_object().get("/Subtype") != "/FileAttachment"


@pytest.mark.parametrize("base", [semilla, recurso_reciente])
@pytest.mark.slow
def test_texto_hostil_se_imprime_literal_sin_peticiones_ni_adjuntos(base, escucha):
    for carga in cargas(escucha.puerto):
        caso = validar_caso(con_carga(base(), carga))
        decision = evaluar(caso)
        for tipo in decision.cartas_posibles:
            contenido = render_pdf(caso, decision, tipo)
            assert sin_espacios(carga) in sin_espacios(texto_pdf(contenido)), (carga, tipo)
            _sin_adjuntos(contenido)
            assert sin_espacios(carga) in sin_espacios(normalizar(render_text(caso, decision, tipo)))
            html = render_html(caso, decision, tipo)
            partes = _Atributos()
            partes.feed(html)
            assert not any("127.0.0.1" in v or "passwd" in v or "{{" in v for v in partes.valores)
            assert partes.etiquetas.count("img") == 0 and partes.etiquetas.count("link") == 0
            assert partes.etiquetas.count("style") == 1  # only the letter's own stylesheet
    assert escucha.conexiones == 0


def test_html_hostil_crudo_no_sale_del_proceso(escucha):
    """Even raw HTML with real tags reaches nothing: the renderer's fetcher allows data: only."""
    url = f"http://127.0.0.1:{escucha.puerto}"
    html = f"""<!DOCTYPE html><html lang="es-CO"><head><title>x</title>
<link rel="attachment" href="file:///etc/passwd"><link rel="attachment" href="{url}/a">
<link rel="stylesheet" href="{url}/s.css">
<style>@import url({url}/i.css); body {{ background: url({url}/b.png) }}</style></head>
<body><p>hola</p><img src="file:///etc/passwd"><img src="{url}/i.png">
<a rel="attachment" href="file:///etc/passwd">adjunto</a></body></html>"""
    contenido = pdf.html_a_pdf(html, "queja")
    _sin_adjuntos(contenido)
    assert b"root:x:0:0" not in contenido
    assert escucha.conexiones == 0


def test_el_fetcher_solo_admite_data(escucha):
    fetcher = pdf._fetcher()
    for url in ("file:///etc/passwd", f"http://127.0.0.1:{escucha.puerto}/x", "https://example.com/"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain,hola").read() == b"hola"
    assert not any(type(h).__name__ == "HTTPRedirectHandler" for h in fetcher.handlers)
    assert escucha.conexiones == 0


def test_titulo_del_pdf_sin_datos_personales():
    caso = validar_caso(semilla())
    decision = evaluar(caso)
    for tipo in decision.cartas_posibles:
        lector = PdfReader(io.BytesIO(render_pdf(caso, decision, tipo)))
        valores = " ".join(str(v) for v in (lector.metadata or {}).values())
        assert lector.metadata.title
        for dato in (caso.usuario.nombre, caso.usuario.numero_documento, caso.contrato.numero,
                     "Pérez", "52123456"):
            assert dato not in valores
        xmp = lector.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8", "replace")
        assert "Pérez" not in xmp and "52123456" not in xmp
