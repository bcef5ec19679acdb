"""A 300-row batch end to end on the embedded runner: the zip's exact contents."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from batch import repositorio
from batch.ejecutores import EjecutorEmbebido
from batch.informe import escribir_zip
from batch.lote import lanzar, preparar_lote
from tests.batch.conftest import fila_ejemplo, hacer_csv

pytestmark = pytest.mark.slow

FILAS = 300


def _filas():
    filas = []
    for i in range(FILAS):
        cambios = {"numero_documento": str(10_000_000 + i)}
        if i % 50 == 49:
            cambios["dia_corte"] = "45"  # a bad row every 50
        if i % 3 == 0:
            cambios["cartas"] = "queja"  # per-row letter kind
        filas.append(fila_ejemplo(**cambios))
    return filas


def _esperados() -> list[str]:
    nombres = []
    for i in range(FILAS):
        if i % 50 == 49:
            continue
        tipo = "queja" if i % 3 == 0 else "terminacion"
        nombres.append(f"cartas/{i + 2:04d}_{tipo}.pdf")
    return [*nombres, "informe.csv", "informe.xlsx", "errores.csv"]


def test_lote_de_300_filas(bd, tmp_path):
    url = str(bd.motor.url)
    lote = preparar_lote(bd, "casos.csv", hacer_csv(_filas()), "dueño", "Asociación de prueba",
                         tipos=["terminacion"], fecha=date(2026, 11, 28))
    ejecutor = EjecutorEmbebido(url, trabajadores=2)
    try:
        assert lanzar(bd, lote, ejecutor) == FILAS - FILAS // 50
        ejecutor.esperar()
    finally:
        ejecutor.cerrar()
    avance = repositorio.progreso(bd, lote)
    assert (avance.total, avance.ok, avance.error, avance.estado) == (300, 294, 6, "terminado")

    destino = tmp_path / "cartas.zip"
    escribir_zip(bd, lote, destino)
    z = zipfile.ZipFile(destino)
    assert z.namelist() == _esperados()

    informe = list(csv.reader(io.StringIO(z.read("informe.csv").decode("utf-8-sig")), delimiter=";"))
    assert len(informe) == 1 + FILAS
    assert informe[1][:6] == ["2", "", "Claro", "Bogotá D.C.", "procesada", "sí"]
    assert informe[50][4] == "con errores" and "dia_corte" in informe[50][-1]
    errores = list(csv.reader(io.StringIO(z.read("errores.csv").decode("utf-8-sig")), delimiter=";"))
    assert errores[0] == ["fila", "columna", "mensaje"]
    assert [e[0] for e in errores[1:]] == [str(i + 2) for i in range(49, FILAS, 50)]
    hoja = load_workbook(io.BytesIO(z.read("informe.xlsx"))).active
    assert hoja.max_row == 1 + FILAS

    texto = PdfReader(io.BytesIO(z.read("cartas/0003_terminacion.pdf"))).pages[0].extract_text()
    assert "10000001" in texto  # the row's own subscriber, not another row's
    assert "Comunicación Celular S.A. Comcel S.A." in texto


def test_los_trabajadores_se_renuevan_por_generaciones(bd, monkeypatch):
    import batch.ejecutores as ejecutores

    monkeypatch.setattr(ejecutores, "TAREAS_POR_TRABAJADOR", 2)  # a fresh pool every 2 chunks
    filas = [fila_ejemplo(numero_contrato=f"C-{i}") for i in range(40)]
    lote = preparar_lote(bd, "casos.csv", hacer_csv(filas), "dueño", "x",
                         tipos=["terminacion"], fecha=date(2026, 11, 28))
    ejecutor = EjecutorEmbebido(str(bd.motor.url), trabajadores=1)
    lanzar(bd, lote, ejecutor)
    ejecutor.esperar()
    ejecutor.cerrar()
    avance = repositorio.progreso(bd, lote)
    assert (avance.ok, avance.estado) == (40, "terminado")
