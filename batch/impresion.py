"""One PDF for printing a whole batch: an index, then every letter in spreadsheet order, each
starting on an odd page (the front of a sheet in duplex printing).

The letters' own stored PDFs (tagged, PDF/UA-1) are joined by `letters.union`, which keeps their
structure trees: the printing PDF is tagged too, one titled part per letter. Page counts for the
index come from the workers (recorded when they laid the letters out), or from the letter itself
when its chunk left none (its worker died after finishing the row).
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from typing import IO

from pypdf import PdfReader
from sqlalchemy import select

from letters import TITULOS, Pieza, unir
from store.db import BaseDeDatos
from store.models import Combinado, Documento, Fila

# Entries on the index's first page (under its title and notes) and on each later one: a guess of
# its length, right for the stylesheet of today; if wrong, it is laid out once more.
ENTRADAS_PRIMERA, ENTRADAS_POR_PAGINA = 32, 37
TITULO = "Cartas del lote"
Carta = tuple[int, str, int, int]  # row number, kind, document id, page count


def impar(pagina: int) -> int:
    """The first odd page number at or after `pagina` (1-based)."""
    return pagina if pagina % 2 else pagina + 1


def _paginas_conocidas(bd: BaseDeDatos, lote_id: str) -> dict[tuple[int, str], int]:
    conocidas: dict[tuple[int, str], int] = {}
    with bd.sesiones() as s:
        for paginas in s.scalars(select(Combinado.paginas).where(Combinado.lote_id == lote_id)):
            for numero, tipo, cuantas in paginas:
                conocidas.setdefault((numero, tipo), cuantas)
    return conocidas


def _cartas(bd: BaseDeDatos, lote_id: str) -> Iterator[Carta]:
    conocidas = _paginas_conocidas(bd, lote_id)
    with bd.sesiones() as s:
        consulta = (select(Fila.numero, Documento.tipo, Documento.id).join(Documento)
                    .where(Fila.lote_id == lote_id).order_by(Fila.numero, Documento.nombre))
        for numero, tipo, doc_id in s.execute(consulta).all():
            cuantas = conocidas.get((numero, tipo))
            if cuantas is None:
                contenido = s.get(Documento, doc_id).contenido  # type: ignore[union-attr]
                cuantas = len(PdfReader(io.BytesIO(contenido)).pages)
            yield numero, tipo, doc_id, cuantas


def titulo_carta(numero: int, tipo: str) -> str:
    """A letter's part in the printing PDF: its row and kind (no personal data)."""
    return f"Fila {numero}: {TITULOS.get(tipo, tipo)}"


def _indice(cartas: list[Carta]) -> tuple[bytes, list[int]]:
    """The index PDF and the first page of each letter it lists."""
    from letters import documento_a_pdf, render_indice

    paginas_indice = 1 + math.ceil(max(0, len(cartas) - ENTRADAS_PRIMERA) / ENTRADAS_POR_PAGINA)
    while True:  # the index's own length shifts the page numbers it lists
        entradas, pagina = [], impar(paginas_indice + 1)
        for numero, tipo, _, cuantas in cartas:
            entradas.append((numero, tipo, pagina))
            pagina = impar(pagina + cuantas)
        documento = render_indice(TITULO, entradas)
        if len(documento.pages) == paginas_indice:
            return documento_a_pdf(documento), [e[2] for e in entradas]
        paginas_indice = len(documento.pages)


def escribir_impresion(bd: BaseDeDatos, lote_id: str, destino: IO[bytes]) -> int:
    """Write the batch's tagged printing PDF; return how many letters it holds."""
    cartas = list(_cartas(bd, lote_id))
    if not cartas:
        return 0
    indice, comienzos = _indice(cartas)

    def piezas() -> Iterator[Pieza]:
        yield Pieza(indice, "Índice")
        with bd.sesiones() as s:  # one letter in memory at a time
            for numero, tipo, doc_id, _ in cartas:
                contenido = s.get(Documento, doc_id).contenido  # type: ignore[union-attr]
                s.expunge_all()
                yield Pieza(contenido, titulo_carta(numero, tipo))

    escritos = unir(piezas(), TITULO, destino, recto=True)
    if escritos[1:] != comienzos:  # a recorded page count was wrong: the index would mislead
        raise RuntimeError("el índice del PDF de impresión no coincide con sus páginas")
    return len(cartas)
