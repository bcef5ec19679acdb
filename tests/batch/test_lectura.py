"""Reading spreadsheets: encodings, delimiters, XLSX, bad rows, limits."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from batch import lectura
from batch.conversion import leer_fila
from batch.lectura import ArchivoIlegible, leer_hoja
from rules import validar_caso
from rules.ejemplos import SEMILLA
from tests.batch.conftest import fila_ejemplo, hacer_csv, hacer_xlsx

HOY = date(2026, 11, 28)
SEMILLA_CASO = validar_caso(SEMILLA.read_text(encoding="utf-8"))


def _leer(nombre: str, datos: bytes):
    hoja = leer_hoja(nombre, datos)
    return [leer_fila(n, celdas, HOY) for n, celdas in hoja.filas]


@pytest.mark.parametrize("codificacion", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimitador", [";", ","])
def test_csv_codificaciones_y_delimitadores(codificacion, delimitador):
    [fila] = _leer("casos.csv", hacer_csv([fila_ejemplo()], delimitador, codificacion))
    assert fila.errores == []
    assert fila.caso == SEMILLA_CASO
    assert fila.caso.usuario.nombre == "Ana María Pérez Gómez"  # accents survive cp1252


def test_xlsx_se_lee_igual_que_el_csv():
    [fila] = _leer("casos.xlsx", hacer_xlsx([fila_ejemplo()]))
    assert fila.errores == [] and fila.caso == SEMILLA_CASO


def test_formatos_colombianos_de_fechas_y_numeros():
    fila = fila_ejemplo(valor_mensual="$189.900", fecha_inicio_contrato="10/03/2026",
                        falla1_inicio="03/11/2026 19:40", permanencia_documento_separado="Sí",
                        servicios="Internet fijo, Telefonía fija; movil")
    [leida] = _leer("casos.csv", hacer_csv([fila]))
    assert leida.errores == []
    assert leida.caso.contrato.valor_mensual == 189900
    assert leida.caso.contrato.fecha_inicio == date(2026, 3, 10)
    assert leida.caso.contrato.servicios == ["internet_fijo", "telefonia_fija", "movil"]


def test_filas_malas_se_reportan_con_numero_y_columna_y_las_demas_siguen():
    filas = [fila_ejemplo(), fila_ejemplo(dia_corte="45", falla1_fin="ayer"),
             fila_ejemplo(nombre=""), fila_ejemplo()]
    leidas = _leer("casos.csv", hacer_csv(filas))
    assert [f.numero for f in leidas] == [2, 3, 4, 5]
    assert leidas[0].caso is not None and leidas[3].caso is not None
    # Read as the form reads them: the same Spanish message, and the model's limit (31) for the day.
    assert [(e.fila, e.columna, e.mensaje) for e in leidas[1].errores] == [
        (3, "dia_corte", "Debe ser menor o igual a 31."),
        (3, "falla1_fin", "Escriba la fecha con día, mes y año, por ejemplo 03/11/2026.")]
    [error] = leidas[2].errores
    assert (error.fila, error.columna, error.mensaje) == (4, "nombre", "Este dato es obligatorio.")
    # Once every cell reads, the model's own checks name the column too.
    [otra] = _leer("casos.csv", hacer_csv([fila_ejemplo(falla1_fin="2026-11-03 18:00")]))
    assert [(e.columna, e.mensaje) for e in otra.errores] == [
        ("falla1_fin", "El fin de la falla es anterior a su inicio.")]


def test_no_se_queda_como_no_se_sin_crear_lo_que_la_fila_no_describe():
    sin_permanencia = {c: "" for c in fila_ejemplo() if c.startswith("permanencia_")}
    fila = fila_ejemplo(**{**sin_permanencia, "permanencia_documento_separado": "no sé"},
                        falla1_masiva="No sé", falla2_masiva="", falla3_masiva="",
                        reclamacion2_sap_cumplido="?")
    [leida] = _leer("casos.csv", hacer_csv([fila]))
    assert leida.errores == []
    assert leida.caso.fallas[0].masiva is None  # as the form keeps it, not the model's default (False)
    assert leida.caso.permanencia is None and len(leida.caso.reclamaciones) == 1


def test_grupos_adicionales_y_filas_vacias():
    fila = fila_ejemplo(falla4_servicio="internet_fijo", falla4_inicio="2026-11-10 08:00",
                        falla4_fin="2026-11-10 12:00")
    cabeceras = [*fila_ejemplo().keys(), "falla4_servicio", "falla4_inicio", "falla4_fin"]
    datos = hacer_csv([fila, {}], cabeceras=cabeceras)
    [leida] = _leer("casos.csv", datos)
    assert len(leida.caso.fallas) == 4


def test_archivo_vacio_o_sin_cabeceras():
    with pytest.raises(ArchivoIlegible):
        leer_hoja("casos.csv", b"")
    with pytest.raises(ArchivoIlegible):
        leer_hoja("casos.xlsx", b"PK no es un zip")
    with pytest.raises(ArchivoIlegible):
        leer_hoja("casos.pdf", b"%PDF-1.7")


def test_archivo_demasiado_grande(monkeypatch):
    monkeypatch.setattr(lectura, "LIMITE_ARCHIVO", 100)
    with pytest.raises(ArchivoIlegible, match="pesa más"):
        leer_hoja("casos.csv", b"x" * 101)


def test_bomba_zip_se_rechaza_antes_de_abrir():
    datos = io.BytesIO()
    with zipfile.ZipFile(datos, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"0" * (150 * 1024 * 1024))
    with pytest.raises(ArchivoIlegible, match=r"sospechosa|descomprimido"):
        leer_hoja("bomba.xlsx", datos.getvalue())


def test_limite_de_tamano_descomprimido(monkeypatch):
    monkeypatch.setattr(lectura, "LIMITE_DESCOMPRIMIDO", 1000)
    with pytest.raises(ArchivoIlegible, match="descomprimido"):
        leer_hoja("casos.xlsx", hacer_xlsx([fila_ejemplo()]))


def test_xml_con_entidades_no_se_expande():
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True  # openpyxl parses through defusedxml
