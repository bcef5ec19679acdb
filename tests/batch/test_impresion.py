"""The printing PDF: an index, then every letter exactly once, in spreadsheet order."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import delete, select

from batch.ejecutores import EjecutorEmbebido
from batch.impresion import escribir_impresion, titulo_carta
from batch.informe import escribir_zip
from batch.lote import lanzar, preparar_lote
from store.models import Combinado, Documento, Fila
from tests.batch.conftest import fila_ejemplo, hacer_csv


def _lote_combinado(bd, filas: list[dict], tipos: list[str]) -> str:
    """A batch with the printing PDF, run to the end on one embedded worker."""
    lote = preparar_lote(bd, "casos.csv", hacer_csv(filas), "dueño", "x",
                         tipos=tipos, fecha=date(2026, 11, 28), combinado=True)
    ejecutor = EjecutorEmbebido(str(bd.motor.url), trabajadores=1)
    try:
        lanzar(bd, lote, ejecutor)
        ejecutor.esperar()
    finally:
        ejecutor.cerrar()
    return lote


def _paginas(z: zipfile.ZipFile, nombre: str) -> int:
    return len(PdfReader(io.BytesIO(z.read(nombre))).pages)


@pytest.mark.slow
def test_pdf_de_impresion_con_indice(bd, tmp_path):
    filas = [fila_ejemplo(numero_documento=str(40_000_000 + i)) for i in range(5)]
    lote = _lote_combinado(bd, filas, ["queja", "terminacion"])

    def revisar(destino):
        escribir_zip(bd, lote, destino)
        z = zipfile.ZipFile(destino)
        cartas = [n for n in z.namelist() if n.startswith("cartas/")]
        assert len(cartas) == 10
        impresion = PdfReader(io.BytesIO(z.read("impresion.pdf")))
        indice = impresion.pages[0].extract_text()
        assert "Cartas del lote" in indice and "Solicitud de terminación del contrato" in indice
        # Every letter starts on an odd page (a new sheet in duplex): the index's back is blank,
        # and so is the back of a letter with an odd number of pages.
        assert impresion.pages[1].extract_text().strip() == ""
        inicio, comienzos = 3, []
        for nombre in cartas:
            comienzos.append(inicio)
            paginas = _paginas(z, nombre)
            inicio += paginas + paginas % 2
        assert len(impresion.pages) == inicio - 1
        assert all(p % 2 == 1 for p in comienzos)
        for pagina, nombre in zip(comienzos, cartas, strict=True):
            primera = PdfReader(io.BytesIO(z.read(nombre))).pages[0].extract_text()
            assert impresion.pages[pagina - 1].extract_text() == primera
        return [p.extract_text()[:200] for p in impresion.pages[1:]]

    con_bloques = revisar(tmp_path / "a.zip")
    with bd.sesiones.begin() as s:  # a chunk whose combined PDF was lost: fall back to the letters
        s.execute(delete(Combinado).where(Combinado.lote_id == lote))
    assert revisar(tmp_path / "b.zip") == con_bloques


@pytest.mark.slow
def test_pdf_de_impresion_etiquetado_con_cada_carta(bd):
    filas = [fila_ejemplo(numero_documento=str(41_000_000 + i)) for i in range(3)]
    lote = _lote_combinado(bd, filas, ["queja", "terminacion"])
    destino = io.BytesIO()
    assert escribir_impresion(bd, lote, destino) == 6
    lector = PdfReader(destino)
    raiz = lector.trailer["/Root"]
    assert raiz["/MarkInfo"]["/Marked"].value is True and raiz["/Lang"] == "es-CO"
    assert lector.metadata.title == "Cartas del lote"
    (documento,) = [k.get_object() for k in raiz["/StructTreeRoot"]["/K"]]
    partes = [k.get_object() for k in documento["/K"]]
    with bd.sesiones() as s:
        cartas = s.execute(select(Fila.numero, Documento.tipo, Documento.contenido).join(Documento)
                           .where(Fila.lote_id == lote).order_by(Fila.numero, Documento.nombre)).all()
    assert [p["/T"] for p in partes] == ["Índice"] + [titulo_carta(n, t) for n, t, _ in cartas]
    # Each part's content is on its own pages, and each letter's first page is odd.
    paginas = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(lector.pages)}
    for parte, (_, _, contenido) in zip(partes[1:], cartas, strict=True):
        propias = sorted({paginas[e.get_object().raw_get("/Pg").idnum] for e in parte["/K"]})
        assert propias[0] % 2 == 1 and len(propias) == len(PdfReader(io.BytesIO(contenido)).pages)
        texto = " ".join(lector.pages[i - 1].extract_text() for i in propias)
        assert texto == " ".join(p.extract_text() for p in PdfReader(io.BytesIO(contenido)).pages)
