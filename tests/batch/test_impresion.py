"""The printing PDF: an index, then every letter exactly once, in spreadsheet order."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import delete

from batch.ejecutores import EjecutorEmbebido
from batch.informe import escribir_zip
from batch.lote import lanzar, preparar_lote
from store.models import Combinado
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


def test_sin_pdfunite_se_une_con_pypdf(bd, tmp_path, monkeypatch):
    from batch import impresion

    filas = [fila_ejemplo(numero_documento=str(41_000_000 + i)) for i in range(2)]
    lote = _lote_combinado(bd, filas, ["terminacion"])
    con = io.BytesIO()
    assert impresion.escribir_impresion(bd, lote, con) == 2
    monkeypatch.setattr(impresion.shutil, "which", lambda _nombre: None)
    sin = io.BytesIO()
    assert impresion.escribir_impresion(bd, lote, sin) == 2
    paginas = [[p.extract_text() for p in PdfReader(b).pages] for b in (con, sin)]
    assert paginas[0] == paginas[1] and len(paginas[0]) % 2 == 0
