"""One PDF for printing a whole batch: an index, then every letter in spreadsheet order, each
starting on an odd page (the front of a sheet in duplex printing).

The pages are each letter's own stored PDF, joined by poppler's `pdfunite` (C, fast; pypdf when it
is missing). Page counts come from the workers (recorded when they laid the letters out), or from
the letter itself when its chunk left none (its worker died after finishing the row).
"""

from __future__ import annotations

import io
import math
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from pypdf import PdfReader, PdfWriter
from sqlalchemy import select

from store.db import BaseDeDatos
from store.models import Combinado, Documento, Fila

ENTRADAS_POR_PAGINA = 30  # a first guess of the index's length (corrected if wrong)
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


def _indice(cartas: list[Carta]) -> tuple[bytes, int, tuple[float, float]]:
    """The index PDF, its page count and its page size in points."""
    from letters import documento_a_pdf, render_indice

    paginas_indice = max(1, math.ceil(len(cartas) / ENTRADAS_POR_PAGINA))
    while True:  # the index's own length shifts the page numbers it lists
        entradas, pagina = [], impar(paginas_indice + 1)
        for numero, tipo, _, cuantas in cartas:
            entradas.append((numero, tipo, pagina))
            pagina = impar(pagina + cuantas)
        documento = render_indice("Cartas del lote", entradas)
        if len(documento.pages) == paginas_indice:
            primera = documento.pages[0]  # CSS pixels: 0.75 point each
            return documento_a_pdf(documento), paginas_indice, (primera.width * 0.75, primera.height * 0.75)
        paginas_indice = len(documento.pages)


def _blanca(tamano: tuple[float, float]) -> bytes:
    """A one-page blank PDF of that size (points)."""
    escritor = PdfWriter()
    escritor.add_blank_page(width=tamano[0], height=tamano[1])
    salida = io.BytesIO()
    escritor.write(salida)
    return salida.getvalue()


def _unir(partes: list[Path], destino: IO[bytes], carpeta: Path) -> None:
    pdfunite = shutil.which("pdfunite")
    if pdfunite is not None:
        salida = carpeta / "impresion.pdf"
        hecho = subprocess.run([pdfunite, *map(str, partes), str(salida)], capture_output=True,
                               timeout=600, check=False)
        if hecho.returncode == 0:
            destino.write(salida.read_bytes())
            return
    escritor = PdfWriter()
    for parte in partes:
        escritor.append(str(parte))
    escritor.write(destino)


def escribir_impresion(bd: BaseDeDatos, lote_id: str, destino: IO[bytes]) -> int:
    """Write the batch's printing PDF; return how many letters it holds."""
    cartas = list(_cartas(bd, lote_id))
    if not cartas:
        return 0
    indice, paginas_indice, tamano = _indice(cartas)
    with tempfile.TemporaryDirectory(prefix="impresion-") as nombre:
        carpeta = Path(nombre)  # file names are positions only: no personal data
        (carpeta / "indice.pdf").write_bytes(indice)
        blanca = carpeta / "blanca.pdf"
        blanca.write_bytes(_blanca(tamano))
        partes = [carpeta / "indice.pdf"]
        if paginas_indice % 2:
            partes.append(blanca)
        with bd.sesiones() as s:
            for orden, (_, _, doc_id, cuantas) in enumerate(cartas):
                ruta = carpeta / f"{orden:05d}.pdf"
                ruta.write_bytes(s.get(Documento, doc_id).contenido)  # type: ignore[union-attr]
                partes.append(ruta)
                if cuantas % 2:
                    partes.append(blanca)
        _unir(partes, destino, carpeta)
    return len(cartas)
