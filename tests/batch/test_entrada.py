"""Input checked before it is trusted: formula cells, formula-like text, how people write "CC"."""

from __future__ import annotations

import csv
import io
from datetime import date

from sqlalchemy import select

from batch import repositorio
from batch.informe import lineas_errores
from batch.lote import preparar_lote
from batch.plantilla import instrucciones_csv
from store.models import Fila
from tests.batch.conftest import fila_ejemplo, hacer_csv, hacer_xlsx

FORMULA = "La celda tiene una fórmula; escriba el valor."


def _como_formula(signo: str) -> str:
    return (f"El texto empieza con «{signo}», como una fórmula de hoja de cálculo; escríbalo sin ese "
            "signo al comienzo.")


def _errores(bd, nombre: str, datos: bytes) -> tuple[str, list[list]]:
    lote = preparar_lote(bd, nombre, datos, "dueño", "prueba", fecha=date(2026, 11, 28))
    return lote, list(lineas_errores(bd, lote))


def test_celdas_con_formula_en_xlsx_se_reportan_como_tales(bd):
    filas = [fila_ejemplo(nombre='=HYPERLINK("https://ejemplo.test","Ana")'),
             fila_ejemplo(valor_mensual="=189900*1"),
             fila_ejemplo()]
    lote, errores = _errores(bd, "casos.xlsx", hacer_xlsx(filas))
    assert errores == [[2, "nombre", FORMULA], [3, "valor_mensual", FORMULA]]
    assert repositorio.progreso(bd, lote).pendientes == 1


def test_texto_que_parece_formula_se_rechaza_con_fila_y_columna(bd):
    filas = [fila_ejemplo(nombre='=HYPERLINK("https://ejemplo.test";"Ana")'),
             fila_ejemplo(direccion="@SUMA(A1)"),
             fila_ejemplo(ciudad="+A1", numero_contrato="-2+3"),
             fila_ejemplo(telefono="+57 300 123 4567", direccion="- Calle 45 # 12-34")]
    lote, errores = _errores(bd, "casos.csv", hacer_csv(filas))
    assert errores == [[2, "nombre", _como_formula("=")], [3, "direccion", _como_formula("@")],
                       [4, "ciudad", _como_formula("+")]]
    # "-2+3" starts with a number: not refused (nor is "+57 …" or "- Calle …").
    # (As a name it would be: names take no symbols, in the form as in the spreadsheet.)
    assert repositorio.progreso(bd, lote).pendientes == 1


def test_tipo_de_documento_como_lo_escribe_la_gente(bd):
    escritos = ["C.C.", "CC", "cc", "cédula", "Cédula de ciudadanía", "C.E.", "Pasaporte", "XX"]
    # Read by `entrada`, as the form reads them: the code or its label, without case or punctuation.
    filas = [fila_ejemplo(tipo_documento=t, numero_contrato=f"C-{i}") for i, t in enumerate(escritos)]
    lote, errores = _errores(bd, "casos.csv", hacer_csv(filas))
    assert errores == [[9, "tipo_documento", "Elija una de las opciones: CC, CE, PPT, PA, NIT."]]
    with bd.sesiones() as s:
        tipos = [c["usuario"]["tipo_documento"] for c in s.scalars(
            select(Fila.caso).where(Fila.lote_id == lote, Fila.caso.is_not(None)).order_by(Fila.numero))]
    assert tipos == ["CC", "CC", "CC", "CC", "CC", "CE", "PA"]


def test_dias_y_meses_no_se_describen_como_pesos(bd):
    filas = [fila_ejemplo(dia_corte="15,5", valor_mensual="189900,5")]
    _, errores = _errores(bd, "casos.csv", hacer_csv(filas))
    # The form's messages: a day is a whole number; pesos are whole pesos, with an example in pesos.
    assert errores == [[2, "dia_corte", "Escriba solo números, por ejemplo 15."],
                       [2, "valor_mensual", "Escriba el valor en pesos completos, sin centavos, por ejemplo "
                                            "189900."]]
    instrucciones = {linea[0]: linea[2] for linea in csv.reader(
        io.StringIO(instrucciones_csv().decode("utf-8-sig")), delimiter=";") if linea}
    assert instrucciones["dia_corte"] == instrucciones["permanencia_meses"] == "número entero"
    assert instrucciones["valor_mensual"] == "pesos sin decimales (189900 o 189.900)"


def test_filas_repetidas_se_marcan_y_no_repiten_cartas(bd):
    filas = [fila_ejemplo(numero_contrato="A-1"), fila_ejemplo(numero_contrato="A-2"),
             fila_ejemplo(numero_contrato="A 1"), fila_ejemplo(numero_contrato="a-1", dia_corte="45"),
             fila_ejemplo(numero_contrato="a-1")]
    lote, errores = _errores(bd, "casos.csv", hacer_csv(filas))
    repetida = ("Fila repetida: el mismo número de documento y de contrato que la fila 2; no se "
                "generaron cartas de nuevo y se importa una sola vez.")
    # Row 5 has a bad cell: it is reported for that, not as a repeat (it is not a case yet).
    assert errores == [[4, "numero_contrato", repetida], [5, "dia_corte", "Debe ser menor o igual a 31."],
                       [6, "numero_contrato", repetida]]
    assert repositorio.progreso(bd, lote).pendientes == 2


def test_sin_numero_de_contrato_no_se_dan_por_repetidas(bd):
    # The contract number is optional: one person may have two contracts, so without it two rows of
    # the same document are two cases, never a repeat.
    filas = [fila_ejemplo(numero_contrato=""), fila_ejemplo(numero_contrato="")]
    lote, errores = _errores(bd, "casos.csv", hacer_csv(filas))
    assert errores == []
    assert repositorio.progreso(bd, lote).pendientes == 2
