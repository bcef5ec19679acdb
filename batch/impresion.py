"""One PDF for printing a whole batch: an index page, then every letter in spreadsheet order, each
starting on an odd page (the front of a sheet in duplex printing).

The pages come from the chunks' combined PDFs (laid out once by the workers, joined with
`Document.copy`); a letter whose chunk left no combined PDF (its worker died after finishing the
row) is taken from its own PDF, so every letter appears exactly once.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO

from pypdf import PdfReader, PdfWriter
from sqlalchemy import select

from store.db import BaseDeDatos
from store.models import Combinado, Documento, Fila

Ubicacion = tuple[PdfReader, int, int]  # reader, first page index, page count


def _ubicaciones(bd: BaseDeDatos, lote_id: str) -> dict[tuple[int, str], Ubicacion]:
    ubicaciones: dict[tuple[int, str], Ubicacion] = {}
    with bd.sesiones() as s:
        for combinado in s.scalars(select(Combinado).where(Combinado.lote_id == lote_id)
                                   .order_by(Combinado.id)):
            lector = PdfReader(io.BytesIO(combinado.contenido))
            inicio = 0
            for numero, tipo, paginas in combinado.paginas:
                ubicaciones.setdefault((numero, tipo), (lector, inicio, paginas))
                inicio += paginas
    return ubicaciones


def _cartas(bd: BaseDeDatos, lote_id: str,
            ubicaciones: dict[tuple[int, str], Ubicacion]) -> Iterator[tuple[int, str, Ubicacion]]:
    with bd.sesiones() as s:
        consulta = (select(Fila.numero, Documento.tipo, Documento.id).join(Documento)
                    .where(Fila.lote_id == lote_id).order_by(Fila.numero, Documento.nombre))
        for numero, tipo, doc_id in s.execute(consulta).all():
            lugar = ubicaciones.get((numero, tipo))
            if lugar is None:
                contenido = s.get(Documento, doc_id).contenido  # type: ignore[union-attr]
                lector = PdfReader(io.BytesIO(contenido))
                lugar = (lector, 0, len(lector.pages))
            yield numero, tipo, lugar


def impar(pagina: int) -> int:
    """The first odd page number at or after `pagina` (1-based)."""
    return pagina if pagina % 2 else pagina + 1


def _a_impar(escritor: PdfWriter) -> None:
    # A blank back so that the next letter starts on the front of a new sheet.
    if len(escritor.pages) % 2:
        escritor.add_blank_page()


def escribir_impresion(bd: BaseDeDatos, lote_id: str, destino: IO[bytes]) -> int:
    """Write the batch's printing PDF; return how many letters it holds."""
    from letters import documento_a_pdf, render_indice

    cartas = list(_cartas(bd, lote_id, _ubicaciones(bd, lote_id)))
    if not cartas:
        return 0
    paginas_indice = 1
    while True:  # the index's own length shifts the page numbers it lists
        # Each letter starts on an odd page (a new sheet in duplex printing): blank pages fill in.
        entradas, pagina = [], impar(paginas_indice + 1)
        for numero, tipo, (_, _, cuantas) in cartas:
            entradas.append((numero, tipo, pagina))
            pagina = impar(pagina + cuantas)
        indice = PdfReader(io.BytesIO(documento_a_pdf(render_indice("Cartas del lote", entradas))))
        if len(indice.pages) == paginas_indice:
            break
        paginas_indice = len(indice.pages)
    escritor = PdfWriter()
    for pagina in indice.pages:
        escritor.add_page(pagina)
    _a_impar(escritor)
    for _, _, (lector, inicio, cuantas) in cartas:
        for i in range(inicio, inicio + cuantas):
            escritor.add_page(lector.pages[i])
        _a_impar(escritor)
    escritor.add_metadata({"/Title": "Cartas del lote"})
    escritor.write(destino)
    return len(cartas)
