"""Every output cell is formula-safe, in CSV and XLSX."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook

from batch.informe import escribir_zip
from batch.lote import preparar_lote
from batch.salida_segura import celda_segura
from tests.batch.conftest import fila_ejemplo, hacer_csv


@pytest.mark.parametrize("valor", ["=1+1", "+57", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_celdas_peligrosas_se_neutralizan(valor):
    assert celda_segura(valor) == "'" + valor


def test_valores_normales_no_cambian():
    assert celda_segura("Bogotá") == "Bogotá" and celda_segura(42) == 42 and celda_segura(None) is None


def test_el_informe_no_ejecuta_formulas(bd, tmp_path):
    cabeceras = [*fila_ejemplo().keys(), "=HYPERLINK(\"http://x\")"]
    filas = [fila_ejemplo(dia_corte="=1+1")]
    lote = preparar_lote(bd, "casos.csv", hacer_csv(filas, cabeceras=cabeceras), "dueño", "x",
                         fecha=date(2026, 11, 28))
    destino = tmp_path / "z.zip"
    escribir_zip(bd, lote, destino)
    z = zipfile.ZipFile(destino)
    errores = z.read("errores.csv").decode("utf-8-sig")
    assert ';"\'=HYPERLINK' in errores
    assert "\n=" not in errores and ";=" not in errores
    hoja = load_workbook(io.BytesIO(z.read("informe.xlsx"))).active
    for fila in hoja.iter_rows():
        for celda in fila:
            assert celda.data_type != "f"
