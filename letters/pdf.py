"""The one WeasyPrint caller: HTML of a letter → tagged PDF/UA-1, fetching nothing but `data:` URLs.

Per process it keeps one `FontConfiguration` and one parsed stylesheet per letter kind (our own CSS,
inlined as a string: nothing is fetched), built lazily after any fork (a worker forked from a warmed
parent rebuilds its own). It refuses to start without HarfBuzz's subsetter, which keeps PDFs small
and rendering fast.

Cost is bounded twice. Long unbroken runs of text get a zero-width break opportunity every few
characters before layout: WeasyPrint lays out the whole remaining paragraph again for every line it
breaks inside a word (`overflow-wrap: anywhere`), which made a 1,000-character string in a table cell
quadratic. And a `Presupuesto` (pages, CPU seconds of the rendering thread) is checked before layout
(from the amount of text) and at every page WeasyPrint lays out (through its progress logger).
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from letters.entorno import hoja_de_estilo
from letters.errores import PresupuestoExcedido, RenderizadorNoDisponible

PROTOCOLOS_PERMITIDOS = frozenset({"data"})
PAQUETE_SUBSETTER = "libharfbuzz-subset0"
# More characters than any page of our letters holds (about 5,000 in body text at 9.6 pt): the text's
# length divided by it is a lower bound of the pages, known before any layout.
CARACTERES_POR_PAGINA = 8000
LARGO_SIN_CORTE = 24  # runs of visible characters longer than this get break opportunities
TRAMO = 12  # characters between two break opportunities inside such a run
CORTE = "\u200b"  # ZERO WIDTH SPACE: a break opportunity that draws nothing and is not extracted


@dataclass(frozen=True)
class Presupuesto:
    """What one letter may cost: at most `paginas` pages and `segundos` CPU seconds of its thread."""

    paginas: int = 40
    segundos: float = 5.0


@dataclass
class _Motor:
    """WeasyPrint objects that live as long as the process that built them."""

    pid: int
    fuentes: Any
    estilos: dict[str, Any] = field(default_factory=dict)


_motor: _Motor | None = None
_candado = threading.Lock()
_vigilado = threading.local()
_TEXTO = re.compile(r">([^<]+)<")
_TIRA = re.compile(r"(?:&#?\w+;|[^\s&<>])+")
_PIEZA = re.compile(r"&#?\w+;|[^\s&<>]")
_ETIQUETA = re.compile(r"<[^>]*>")
_BLANCOS = re.compile(r"\s+")


def _cortar(tira: re.Match[str]) -> str:
    piezas = _PIEZA.findall(tira.group(0))
    if len(piezas) <= LARGO_SIN_CORTE:
        return tira.group(0)
    return CORTE.join("".join(piezas[i:i + TRAMO]) for i in range(0, len(piezas), TRAMO))


def con_cortes(html: str) -> str:
    """`html` with a break opportunity every `TRAMO` characters in runs longer than `LARGO_SIN_CORTE`
    (text between tags only; a character reference counts as one character and is never split)."""
    return _TEXTO.sub(lambda m: ">" + _TIRA.sub(_cortar, m.group(1)) + "<", html)


def paginas_minimas(html: str) -> int:
    """A lower bound of the pages `html` will take, from the length of its text alone (references
    count as one character, break opportunities and runs of white space as at most one)."""
    texto = _BLANCOS.sub(" ", unescape(_ETIQUETA.sub("", html)).replace(CORTE, ""))
    return len(texto) // CARACTERES_POR_PAGINA


@dataclass
class _Vigilancia:
    presupuesto: Presupuesto
    inicio: float

    def revisar(self, registro: logging.LogRecord) -> None:
        if str(registro.msg).startswith("Step 5 - Creating layout - Page") and registro.args:
            pagina = registro.args[0] if isinstance(registro.args, tuple) else 0
            if isinstance(pagina, int) and pagina > self.presupuesto.paginas:
                raise PresupuestoExcedido("paginas", self.presupuesto.paginas)
        if time.thread_time() - self.inicio > self.presupuesto.segundos:
            raise PresupuestoExcedido("segundos", self.presupuesto.segundos)


class _Vigilante(logging.Filter):
    """Checks the rendering thread's budget at each step and page WeasyPrint reports; logs nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        vigilancia = getattr(_vigilado, "actual", None)
        if vigilancia is not None:
            vigilancia.revisar(record)
        return False


def _instalar_vigilante() -> None:
    registro = logging.getLogger("weasyprint.progress")
    if not any(isinstance(f, _Vigilante) for f in registro.filters):
        registro.addFilter(_Vigilante())
    registro.setLevel(logging.INFO)  # the filter only sees records the logger is enabled for


@contextmanager
def con_presupuesto(presupuesto: Presupuesto) -> Iterator[None]:
    """Apply `presupuesto` to every letter this thread renders inside the block without one."""
    anterior = getattr(_vigilado, "por_defecto", None)
    _vigilado.por_defecto = presupuesto
    try:
        yield
    finally:
        _vigilado.por_defecto = anterior


@contextmanager
def _dentro_de(presupuesto: Presupuesto | None, html: str) -> Iterator[None]:
    """Enforce `presupuesto` (or the thread's, see `con_presupuesto`) while the block lays out `html`."""
    presupuesto = presupuesto or getattr(_vigilado, "por_defecto", None)
    if presupuesto is None:
        yield
        return
    if paginas_minimas(html) > presupuesto.paginas:
        raise PresupuestoExcedido("paginas", presupuesto.paginas)
    _vigilado.actual = _Vigilancia(presupuesto, time.thread_time())
    try:
        yield
    finally:
        _vigilado.actual = None


def subsetter() -> str:
    """Which font subsetter WeasyPrint will use: 'harfbuzz' or 'fonttools'."""
    import weasyprint

    try:  # a private module of WeasyPrint: pyproject.toml pins the major it was tested with
        from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

        completo = harfbuzz_subset is not None and harfbuzz.hb_version_atleast(4, 1, 0)
    except (ImportError, AttributeError) as exc:
        raise RenderizadorNoDisponible(
            f"Salida no es compatible con WeasyPrint {weasyprint.__version__}: no encontró "
            f"weasyprint.text.ffi ({exc}). Instale la versión que indica pyproject.toml (make setup)."
        ) from exc
    return "harfbuzz" if completo else "fonttools"


def verificar() -> None:
    """Raise `RenderizadorNoDisponible` unless WeasyPrint loads and HarfBuzz's subsetter is there."""
    try:
        uso = subsetter()
    except (ImportError, OSError) as exc:
        raise RenderizadorNoDisponible(
            f"No se pudo cargar WeasyPrint y sus bibliotecas del sistema (Pango, HarfBuzz): {exc}"
        ) from exc
    if uso != "harfbuzz":
        raise RenderizadorNoDisponible(
            "Falta la biblioteca de subconjuntos de fuentes de HarfBuzz (paquete Debian "
            f"{PAQUETE_SUBSETTER}, versión 4.1 o posterior): sin ella los PDF salen grandes y lentos. "
            "Instálela (make system-deps) y vuelva a intentarlo."
        )


def _obtener_motor() -> _Motor:
    """The process's engine, (re)built on first use and after a fork."""
    global _motor
    pid = os.getpid()
    if _motor is None or _motor.pid != pid:
        verificar()
        from weasyprint.text.fonts import FontConfiguration

        _motor = _Motor(pid=pid, fuentes=FontConfiguration())
        _instalar_vigilante()
    return _motor


def _fetcher() -> Any:
    """A URL fetcher that allows `data:` URLs only and never follows redirects."""
    from weasyprint import URLFetcher

    return URLFetcher(allowed_protocols=set(PROTOCOLOS_PERMITIDOS), allow_redirects=False)


def _estilo(motor: _Motor, tipo: str) -> Any:
    """The parsed stylesheet of letter kind `tipo`, parsed once per process."""
    css = motor.estilos.get(tipo)
    if css is None:
        from weasyprint import CSS

        css = CSS(string=hoja_de_estilo(tipo), font_config=motor.fuentes, url_fetcher=_fetcher())
        motor.estilos[tipo] = css
    return css


def html_a_pdf(html: str, tipo: str, presupuesto: Presupuesto | None = None) -> bytes:
    """Render letter HTML (no inline style) to PDF/UA-1 bytes with kind `tipo`'s stylesheet.

    With a `presupuesto`, raise `PresupuestoExcedido` as soon as the letter is known to exceed it.
    """
    from weasyprint import HTML

    html = con_cortes(html)
    with _dentro_de(presupuesto, html), _candado:
        motor = _obtener_motor()
        documento = HTML(string=html, base_url=None, url_fetcher=_fetcher())
        pdf = documento.write_pdf(
            stylesheets=[_estilo(motor, tipo)],
            font_config=motor.fuentes,
            pdf_variant="pdf/ua-1",
            attachments=None,
        )
    assert pdf is not None
    return pdf


def html_a_documento(html: str, tipo: str, presupuesto: Presupuesto | None = None) -> Any:
    """Lay out letter HTML into a WeasyPrint `Document` (pages kept, PDF not written yet)."""
    from weasyprint import HTML

    html = con_cortes(html)
    with _dentro_de(presupuesto, html), _candado:
        motor = _obtener_motor()
        return HTML(string=html, base_url=None, url_fetcher=_fetcher()).render(
            stylesheets=[_estilo(motor, tipo)], font_config=motor.fuentes,
            pdf_variant="pdf/ua-1", attachments=None,
        )


def documento_a_pdf(documento: Any) -> bytes:
    """Write one laid-out document as PDF/UA-1 bytes."""
    with _candado:
        pdf = documento.write_pdf(pdf_variant="pdf/ua-1", attachments=None)
    assert pdf is not None
    return pdf


def calentar(html: str | None = None, tipo: str = "queja") -> None:
    """Build this process's engine and stylesheets and lay out one letter, so the first real one is fast."""
    motor = _obtener_motor()
    for clave in ("queja", "terminacion", "silencio_positivo", "recurso", "queja_sic"):
        _estilo(motor, clave)
    if html is not None:
        html_a_pdf(html, tipo)
