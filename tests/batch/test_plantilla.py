"""The template is generated from the model: its sample row reads back as the seed case."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook

from batch.columnas import columna, columnas_plantilla, nombre_de_ruta
from batch.conversion import leer_fila
from batch.lectura import leer_hoja
from batch.plantilla import instrucciones_csv, plantilla_csv, plantilla_xlsx
from rules import Caso, validar_caso
from rules.ejemplos import SEMILLA


def test_cada_campo_del_caso_tiene_columna():
    rutas = {c.ruta[:1] for c in columnas_plantilla() if c.ruta}
    assert {(campo,) for campo in Caso.model_fields} <= rutas


def test_columnas_unicas_y_con_descripcion():
    nombres = [c.nombre for c in columnas_plantilla()]
    assert len(nombres) == len(set(nombres))
    assert all(c.descripcion for c in columnas_plantilla())


def test_la_fila_de_ejemplo_vuelve_a_ser_el_caso_semilla():
    semilla = validar_caso(SEMILLA.read_text(encoding="utf-8"))
    for nombre, datos in (("p.csv", plantilla_csv()), ("p.xlsx", plantilla_xlsx())):
        hoja = leer_hoja(nombre, datos)
        [(numero, celdas)] = list(hoja.filas)
        leida = leer_fila(numero, celdas, date(2026, 11, 28))
        assert leida.errores == [] and leida.caso == semilla, nombre


def test_xlsx_con_hoja_de_instrucciones():
    libro = load_workbook(io.BytesIO(plantilla_xlsx()))
    assert libro.sheetnames == ["casos", "instrucciones"]
    textos = [c for fila in libro["instrucciones"].iter_rows(values_only=True) for c in fila if c]
    assert "dia_corte" in textos and any("Ley 1581" in str(t) for t in textos)
    assert instrucciones_csv().decode("utf-8-sig").startswith("columna;obligatoria")


def test_rutas_y_columnas_ida_y_vuelta():
    assert nombre_de_ruta("fallas[4].fin") == "falla5_fin"
    assert nombre_de_ruta("contrato.servicios[1]") == "servicios"
    assert nombre_de_ruta("permanencia.meses") == "permanencia_meses"
    assert columna("FALLA12_inicio").ruta == ("fallas", 11, "inicio")
    assert columna("no_existe") is None


def test_plantilla_corta_para_fallas_masivas(bd):
    from batch import repositorio
    from batch.lote import preparar_lote

    texto = plantilla_csv(corta=True).decode("utf-8-sig").splitlines()
    cabecera = texto[0].split(";")
    assert cabecera == [
        "fecha_evaluacion", "nombre", "tipo_documento", "numero_documento", "direccion", "ciudad",
        "telefono", "correo", "operador", "numero_contrato", "servicios", "fecha_inicio_contrato",
        "dia_corte", "valor_mensual", "permanencia_fecha_inicio", "permanencia_meses",
        "permanencia_valor_exigido", "hay_permanencia", "falla1_servicio", "falla1_inicio", "falla1_fin",
        "falla1_masiva",
        "falla1_reportada", "falla1_cun", "reclamacion1_fecha_radicacion", "reclamacion1_cun", "cartas",
        "referencia"]
    hoja = load_workbook(io.BytesIO(plantilla_xlsx(corta=True)))["casos"]
    assert [c.value for c in hoja[1]] == cabecera
    # Its sample row is a valid case as it stands; the reference is not an unknown column.
    lote = preparar_lote(bd, "corta.csv", plantilla_csv(corta=True), "dueño", "x", fecha=date(2026, 11, 28))
    avance = repositorio.progreso(bd, lote)
    assert (avance.total, avance.pendientes, avance.error) == (1, 1, 0)
    assert repositorio.lote_de(bd, lote).errores_archivo == []


def test_cada_pregunta_del_caso_es_una_columna_del_mismo_tipo():
    from entrada import PREGUNTAS

    por_nombre = {c.nombre: c for c in columnas_plantilla()}
    for p in PREGUNTAS.values():
        if p.en_modelo:
            col = por_nombre[p.columna]
            assert col.tipo == ("tres" if p.tipo == "casilla" else p.tipo), p.nombre
            assert set(col.opciones) == {c for c, _ in p.opciones if c} or col.tipo == "tres", p.nombre
