"""Plain text of a rendered letter, to paste into an operator's web form: same words as the PDF."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOQUES = frozenset({"p", "h1", "h2", "h3", "address", "div", "table", "tr", "caption", "body"})
_OMITIR = frozenset({"head", "style", "title", "script"})
_SALTO = "\x00"


class _Extractor(HTMLParser):
    """Collect the text of the letter's body, one paragraph per block, tables as labelled lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bloques: list[str] = []
        self.actual: list[str] = []
        self.omitir = 0
        self.encabezados: list[str] = []
        self.celdas: list[str] | None = None
        self.celda: list[str] | None = None
        self.en_thead = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a block, a table row or a cell; `span` with display block becomes a line break."""
        if tag in _OMITIR:
            self.omitir += 1
        elif tag == "thead":
            self.en_thead = True
        elif tag == "tr":
            self._cerrar()
            self.celdas = []
        elif tag in ("td", "th"):
            self.celda = []
        elif tag == "br" or (tag == "span" and self._es_linea(attrs)):
            self._salto()
        elif tag in _BLOQUES:
            self._cerrar()

    def handle_endtag(self, tag: str) -> None:
        """Close what `handle_starttag` opened."""
        if tag in _OMITIR:
            self.omitir -= 1
        elif tag == "thead":
            self.en_thead = False
        elif tag in ("td", "th") and self.celda is not None and self.celdas is not None:
            self.celdas.append(_limpio("".join(self.celda)))
            self.celda = None
        elif tag == "tr" and self.celdas is not None:
            self._fila(self.celdas)
            self.celdas = None
        elif tag in _BLOQUES:
            self._cerrar()

    def handle_data(self, data: str) -> None:
        """Text goes to the current cell or paragraph."""
        if self.omitir:
            return
        (self.celda if self.celda is not None else self.actual).append(data)

    def _es_linea(self, attrs: list[tuple[str, str | None]]) -> bool:
        clases = set((dict(attrs).get("class") or "").split())
        return not {"ordinal", "rotulo", "nw"} & clases and bool("".join(self.actual).strip())

    def _salto(self) -> None:
        self.actual.append(_SALTO)

    def _fila(self, celdas: list[str]) -> None:
        if self.en_thead:
            self.encabezados = celdas
            return
        pares = [f"{e}: {c}" for e, c in zip(self.encabezados[1:], celdas[1:], strict=False) if c]
        self.bloques.append(f"  {celdas[0]}. " + "; ".join(pares))

    def _cerrar(self) -> None:
        lineas = [_limpio(linea) for linea in "".join(self.actual).split(_SALTO)]
        texto = "\n".join(linea for linea in lineas if linea)
        if texto:
            self.bloques.append(texto)
        self.actual = []


def _limpio(texto: str) -> str:
    return re.sub(r"\s+", " ", texto).strip()


def html_a_texto(html: str) -> str:
    """The letter's text: paragraphs separated by a blank line, incident rows as indented lines."""
    extractor = _Extractor()
    extractor.feed(html)
    extractor.close()
    extractor._cerrar()
    texto = "\n\n".join(extractor.bloques)
    # Keep the incident rows of one table together, under their introducing paragraph.
    texto = re.sub(r"\n\n(  \d+\. )", r"\n\1", texto)
    return texto + "\n"
