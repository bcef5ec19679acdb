"""The report stands alone: who the row is (reference, operator, city), Spanish values, real dates in
the XLSX, why a row got no letters, the facts that would change the answer, repeated rows."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

from openpyxl import load_workbook
from pypdf import PdfReader

from batch import repositorio
from batch.ejecutores import procesar_bloque
from batch.informe import escribir_zip
from batch.lote import preparar_lote
from batch.plantilla import ejemplo
from tests.batch.conftest import fila_ejemplo, hacer_csv

CABECERAS = [*ejemplo().keys(), "Referencia"]


def _lote(bd, tmp_path, filas, tipos=None):
    lote = preparar_lote(bd, "casos.csv", hacer_csv(filas, cabeceras=CABECERAS), "dueño", "prueba",
                         tipos=tipos, fecha=date(2026, 11, 28))
    procesar_bloque(str(bd.motor.url), lote, repositorio.pendientes(bd, lote))
    assert repositorio.progreso(bd, lote).estado == "terminado"
    destino = tmp_path / "cartas.zip"
    escribir_zip(bd, lote, destino)
    return zipfile.ZipFile(destino)


def _csv(z, nombre="informe.csv"):
    return list(csv.reader(io.StringIO(z.read(nombre).decode("utf-8-sig")), delimiter=";"))


def test_informe_completo_sin_la_hoja_original(bd, tmp_path):
    favorable = {"reclamacion1_fecha_respuesta": "20/11/2026", "reclamacion1_sentido_respuesta": "favorable"}
    filas = [
        fila_ejemplo(Referencia="EXP-001", numero_contrato="A-1"),
        fila_ejemplo(Referencia="EXP-002", numero_contrato="A-2", operador="Tigo UNE", ciudad="Medellín",
                     **favorable),
        fila_ejemplo(Referencia="EXP-003", numero_contrato="A 1"),  # the same case as row 2
        fila_ejemplo(Referencia="=EXP", numero_contrato="A-4", dia_corte="45"),
        fila_ejemplo(Referencia="EXP-006", numero_contrato="A-6", cartas="recurso"),
    ]
    z = _lote(bd, tmp_path, filas)
    informe = _csv(z)
    assert informe[0] == [
        "fila", "referencia", "operador", "ciudad", "estado", "puede terminar sin penalidad",
        "fuerza del fundamento", "máximo cobrable por permanencia",
        "permanencia si el fundamento no prospera",
        "compensación estimada", "último día para pedir la terminación", "terminación efectiva",
        "vence respuesta del operador", "silencio positivo desde", "vence recurso", "cartas generadas",
        "por qué no hay cartas", "datos que cambiarían la respuesta", "errores"]
    faltan = ("¿Le ofrecieron el mismo plan sin permanencia? (columna permanencia_ofrecieron_plan_sin_"
              "permanencia); Si lo sabe: ¿cuánto paga por cada servicio? (columna valor_<servicio>)")
    assert informe[1:] == [
        ["2", "EXP-001", "Claro", "Bogotá D.C.", "procesada", "sí", "Sólido", "0", "120000", "2022",
         "10/12/2026", "15/12/2026", "27/11/2026", "28/11/2026", "",
         "Solicitud de terminación del contrato, Solicitud de reconocimiento del silencio administrativo "
         "positivo, Queja ante la Superintendencia de Industria y Comercio", "", faltan, ""],
        # Answered favourably: no "vence respuesta" any more.
        ["3", "EXP-002", "Tigo UNE (hogar)", "Medellín", "procesada", "por definir", "Requiere prueba",
         "120000", "120000", "2022", "10/12/2026", "15/12/2026", "", "", "",
         "Solicitud de terminación del contrato", "", faltan, ""],
        ["4", "EXP-003", "Claro", "Bogotá D.C.", "repetida", *[""] * 11,
         "Es la misma persona y contrato de una fila anterior: sus cartas están en esa fila.", "",
         "numero_contrato: Fila repetida: el mismo número de documento y de contrato que la fila 2; no "
         "se generaron cartas de nuevo y se importa una sola vez."],
        ["5", "'=EXP", "Claro", "Bogotá D.C.", "con errores", *[""] * 11,
         "La fila tiene errores (vea la columna «errores»).", "", "dia_corte: Debe ser menor o igual a 31."],
        ["6", "EXP-006", "Claro", "Bogotá D.C.", "procesada", "sí", "Sólido", "0", "120000", "2022",
         "10/12/2026", "15/12/2026", "27/11/2026", "28/11/2026", "", "",
         "Recurso de reposición y en subsidio de apelación: No hay una respuesta desfavorable o parcial "
         "del operador con el plazo de recurso abierto.", faltan, ""],
    ]
    hoja = load_workbook(io.BytesIO(z.read("informe.xlsx"))).active
    assert [c.value for c in hoja[2][10:15]] == [
        datetime(2026, 12, 10), datetime(2026, 12, 15), datetime(2026, 11, 27), datetime(2026, 11, 28), None]
    assert all(c.number_format == "DD/MM/YYYY" for c in hoja[2][10:15] if c.value is not None)
    assert [n for n in z.namelist() if n.startswith("cartas/")] == [
        n for n in z.namelist() if n.startswith(("cartas/0002_", "cartas/0003_"))]


def test_tigo_la_empresa_destinataria_sale_de_los_servicios(bd, tmp_path):
    # Rulebook §8: Tigo's fixed services are contracted with UNE EPM Telecomunicaciones, mobile with
    # Colombia Móvil; a bundle of both is addressed to UNE and flagged for the advocate to confirm.
    fijo = {"servicios": "internet_fijo", "modalidad_movil": "", "falla2_servicio": "internet_fijo",
            "falla3_servicio": "internet_fijo"}
    movil = {"servicios": "movil", "falla1_servicio": "movil", "falla2_servicio": "movil"}
    mixto = {"servicios": "internet_fijo, movil", "falla2_servicio": "movil"}
    filas = [
        fila_ejemplo(Referencia="T-FIJO", numero_contrato="T-1", operador="tigo", **fijo),
        fila_ejemplo(Referencia="T-MOVIL", numero_contrato="T-2", operador="Tigo", **movil),
        fila_ejemplo(Referencia="T-MIXTO", numero_contrato="T-3", operador="tigo", **mixto),
    ]
    z = _lote(bd, tmp_path, filas, tipos=["queja"])
    informe = {linea[1]: linea for linea in _csv(z)[1:]}
    assert [informe[r][2] for r in ("T-FIJO", "T-MOVIL", "T-MIXTO")] == [
        "Tigo UNE (hogar)", "Tigo (celular)", "Tigo UNE (hogar)"]
    faltan = {r: informe[r][-2] for r in informe}
    aviso = ("Su contrato de Tigo mezcla servicios fijos, que se contratan con UNE EPM Telecomunicaciones "
             "S.A., y móviles, que se contratan con Colombia Móvil S.A. E.S.P. Las cartas van dirigidas a "
             "UNE EPM Telecomunicaciones S.A.; confirme en su factura con cuál de las dos contrató y, si es "
             "la otra, corrija el operador.")
    assert faltan["T-MIXTO"].startswith(aviso)
    assert "confirme en su factura" not in faltan["T-FIJO"] + faltan["T-MOVIL"]
    cartas = {n: PdfReader(io.BytesIO(z.read(n))).pages[0].extract_text() for n in z.namelist()
              if n.startswith("cartas/") and n.endswith(".pdf")}
    assert "UNE EPM Telecomunicaciones S.A." in cartas["cartas/0002_queja.pdf"]
    assert "Colombia Móvil S.A. E.S.P." in cartas["cartas/0003_queja.pdf"]
    assert "UNE EPM Telecomunicaciones S.A." in cartas["cartas/0004_queja.pdf"]
