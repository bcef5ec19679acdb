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


def _paginas(z: zipfile.ZipFile, nombre: str) -> int:
    return len(PdfReader(io.BytesIO(z.read(nombre))).pages)


@pytest.mark.slow
def test_pdf_de_impresion_con_indice(bd, tmp_path):
    filas = [fila_ejemplo(numero_documento=str(40_000_000 + i)) for i in range(5)]
    lote = preparar_lote(bd, "casos.csv", hacer_csv(filas), "dueño", "x",
                         tipos=["queja", "terminacion"], fecha=date(2026, 11, 28), combinado=True)
    ejecutor = EjecutorEmbebido(str(bd.motor.url), trabajadores=1)
    try:
        lanzar(bd, lote, ejecutor)
        ejecutor.esperar()
    finally:
        ejecutor.cerrar()

    def revisar(destino):
        escribir_zip(bd, lote, destino)
        z = zipfile.ZipFile(destino)
        cartas = [n for n in z.namelist() if n.startswith("cartas/")]
        assert len(cartas) == 10
        impresion = PdfReader(io.BytesIO(z.read("impresion.pdf")))
        assert len(impresion.pages) == 1 + sum(_paginas(z, n) for n in cartas)
        indice = impresion.pages[0].extract_text()
        assert "Cartas del lote" in indice and "Terminación del contrato" in indice
        # The first letter (row 2, queja) starts right after the index, on page 2.
        assert "40000000" in impresion.pages[1].extract_text()
        return [p.extract_text()[:200] for p in impresion.pages[1:]]

    con_bloques = revisar(tmp_path / "a.zip")
    with bd.sesiones.begin() as s:  # a chunk whose combined PDF was lost: fall back to the letters
        s.execute(delete(Combinado).where(Combinado.lote_id == lote))
    assert revisar(tmp_path / "b.zip") == con_bloques
