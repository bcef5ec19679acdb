"""The one WeasyPrint caller: HTML of a letter → tagged PDF/UA-1, fetching nothing but `data:` URLs.

Per process it keeps one `FontConfiguration` and one parsed stylesheet per letter kind (our own CSS,
inlined as a string: nothing is fetched), built lazily after any fork (a worker forked from a warmed
parent rebuilds its own). It refuses to start without HarfBuzz's subsetter, which keeps PDFs small
and rendering fast.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import Any

from letters.entorno import hoja_de_estilo
from letters.errores import RenderizadorNoDisponible

PROTOCOLOS_PERMITIDOS = frozenset({"data"})
PAQUETE_SUBSETTER = "libharfbuzz-subset0"


@dataclass
class _Motor:
    """WeasyPrint objects that live as long as the process that built them."""

    pid: int
    fuentes: Any
    estilos: dict[str, Any] = field(default_factory=dict)


_motor: _Motor | None = None
_candado = threading.Lock()


def subsetter() -> str:
    """Which font subsetter WeasyPrint will use: 'harfbuzz' or 'fonttools'."""
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    if harfbuzz_subset is not None and harfbuzz.hb_version_atleast(4, 1, 0):
        return "harfbuzz"
    return "fonttools"


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


def html_a_pdf(html: str, tipo: str) -> bytes:
    """Render letter HTML (no inline style) to PDF/UA-1 bytes with kind `tipo`'s stylesheet."""
    from weasyprint import HTML

    with _candado:
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


def html_a_documento(html: str, tipo: str) -> Any:
    """Lay out letter HTML into a WeasyPrint `Document` (pages kept, PDF not written yet)."""
    from weasyprint import HTML

    with _candado:
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


def combinar(documentos: list[Any]) -> bytes:
    """One PDF from the pages of already laid-out documents (`Document.copy`), without re-layout."""
    paginas = [pagina for documento in documentos for pagina in documento.pages]
    with _candado:
        pdf = documentos[0].copy(paginas).write_pdf(pdf_variant="pdf/ua-1", attachments=None)
    assert pdf is not None
    return pdf


def calentar(html: str | None = None, tipo: str = "queja") -> None:
    """Build this process's engine and stylesheets and lay out one letter, so the first real one is fast."""
    motor = _obtener_motor()
    for clave in ("queja", "terminacion", "silencio_positivo", "recurso", "queja_sic"):
        _estilo(motor, clave)
    if html is not None:
        html_a_pdf(html, tipo)
