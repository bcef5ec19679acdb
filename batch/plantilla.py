"""The template spreadsheet (CSV and XLSX) generated from the model, with a sample row and instructions."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from batch.columnas import COLUMNA_CARTAS, Columna, columnas_plantilla
from batch.salida_segura import celda_segura
from rules.ejemplos import SEMILLA

# How each `entrada` kind is written; the kinds not listed are free text.
TIPOS = {
    "entero": "número entero", "pesos": "pesos sin decimales (189900 o 189.900)",
    "fecha": "fecha (2026-11-03 o 03/11/2026)",
    "fecha_hora": "fecha y hora (2026-11-03 19:40 o 03/11/2026 19:40; hora de Colombia)",
    "tres": "sí, no o no sé", "opcion": "una opción (el código o su nombre)",
    "lista": "una o varias opciones separadas por comas", "documento": "número (los puntos se quitan)",
}


def _celda(valor: Any) -> Any:
    if valor is None:
        return ""
    if isinstance(valor, bool):
        return "sí" if valor else "no"
    if isinstance(valor, list):
        return ", ".join(str(v) for v in valor)
    if isinstance(valor, str) and "T" in valor and valor[:4].isdigit() and len(valor) > 10:
        return datetime.fromisoformat(valor).strftime("%Y-%m-%d %H:%M")
    return valor


def aplanar(caso: dict[str, Any]) -> dict[str, Any]:
    """A case dict as one spreadsheet row {header: cell} (the inverse of reading a row)."""
    fila: dict[str, Any] = {}
    for col in columnas_plantilla():
        actual: Any = caso
        for paso in col.ruta:
            if isinstance(paso, int):
                actual = actual[paso] if isinstance(actual, list) and paso < len(actual) else None
            else:
                actual = actual.get(paso) if isinstance(actual, dict) else None
            if actual is None:
                break
        fila[col.nombre] = _celda(actual) if col.ruta else ""
    return fila


def ejemplo() -> dict[str, Any]:
    """The sample row: the bundled seed case."""
    return aplanar(json.loads(SEMILLA.read_text(encoding="utf-8")))


# The short template for a mass outage: the model's required columns plus these, in model order.
EXTRA_CORTA = (
    # numero_contrato and dia_corte are optional in the model, but an advocate's letters need them.
    "telefono", "correo", "numero_contrato", "dia_corte", "hay_permanencia",
    "permanencia_fecha_inicio", "permanencia_meses", "permanencia_valor_exigido",
    "falla1_servicio", "falla1_inicio", "falla1_fin", "falla1_masiva", "falla1_reportada", "falla1_cun",
    "reclamacion1_fecha_radicacion", "reclamacion1_cun",
)
REFERENCIA = ["referencia", "no", "texto", "",
              "Su propia referencia (expediente, radicado interno); pasa tal cual al informe."]


def columnas(corta: bool = False) -> list[Columna]:
    """The template's columns: all of them, or the short mass-outage selection."""
    todas = columnas_plantilla()
    if not corta:
        return todas
    return [c for c in todas if c.obligatorio or c.nombre in EXTRA_CORTA or c.nombre == COLUMNA_CARTAS]


def _fila_ejemplo(cols: list[Columna]) -> list[Any]:
    fila = ejemplo()
    return [*[celda_segura(fila[c.nombre]) for c in cols], "EXP-0001"]


def _instruccion(col: Columna) -> list[str]:
    obligatoria = "sí" if col.obligatorio and col.nombre != "fecha_evaluacion" else "no"
    descripcion = col.descripcion
    if col.nombre == "fecha_evaluacion":
        descripcion += " Vacío: la fecha del lote."
    if col.nombre == COLUMNA_CARTAS:
        descripcion = "Cartas que quiere para esta fila; vacío: las que el lote indique o las sugeridas."
    formato = TIPOS.get(col.tipo, "texto")
    return [col.nombre, obligatoria, formato, ", ".join(col.opciones), descripcion]


ENCABEZADO_INSTRUCCIONES = ["columna", "obligatoria", "formato", "valores permitidos", "qué poner"]
NOTAS = [
    "Una fila por usuario. La primera fila lleva los nombres de las columnas, tal como están.",
    "Puede agregar más fallas o reclamaciones con el mismo patrón: falla4_inicio, reclamacion3_cun…",
    "Deje vacío lo que no sabe. Las columnas vacías no se usan.",
    "Escriba valores, no fórmulas: una celda con fórmula (o un texto que empieza con = o @) se "
    "reporta como error de esa fila.",
    "Se lee como el formulario web: las opciones con su código o su nombre (Internet fijo, Teléfono "
    "fijo, C.C., cédula); sí, no o no sé con o sin tilde; fechas 03/11/2026 o 2026-11-03; pesos "
    "189900 o $189.900, sin centavos.",
    "Antes de cargar, debe contar con la autorización de cada usuario (Ley 1581 de 2012).",
]


def plantilla_csv(corta: bool = False) -> bytes:
    """The template as CSV (UTF-8 with BOM, `;`): header and sample row (full or short)."""
    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=";", lineterminator="\r\n")
    cols = columnas(corta)
    escritor.writerow([*[c.nombre for c in cols], REFERENCIA[0]])
    escritor.writerow(_fila_ejemplo(cols))
    return ("\ufeff" + salida.getvalue()).encode("utf-8")


def instrucciones_csv(corta: bool = False) -> bytes:
    """The instructions as CSV, one line per column."""
    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=";", lineterminator="\r\n")
    escritor.writerow(ENCABEZADO_INSTRUCCIONES)
    for col in columnas(corta):
        escritor.writerow([celda_segura(v) for v in _instruccion(col)])
    escritor.writerow(REFERENCIA)
    return ("\ufeff" + salida.getvalue()).encode("utf-8")


def plantilla_xlsx(corta: bool = False) -> bytes:
    """The template as XLSX: a `casos` sheet (header + sample row) and an `instrucciones` sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    libro = Workbook()
    hoja = libro.active
    hoja.title = "casos"
    cols = columnas(corta)
    hoja.append([*[c.nombre for c in cols], REFERENCIA[0]])
    hoja.append(_fila_ejemplo(cols))
    for celda in hoja[1]:
        celda.font = Font(bold=True)
    hoja.freeze_panes = "A2"
    ayuda = libro.create_sheet("instrucciones")
    for nota in NOTAS:
        ayuda.append([nota])
    ayuda.append([])
    ayuda.append(ENCABEZADO_INSTRUCCIONES)
    for celda in ayuda[ayuda.max_row]:
        celda.font = Font(bold=True)
    for col in cols:
        ayuda.append([celda_segura(v) for v in _instruccion(col)])
    ayuda.append(REFERENCIA)
    ayuda.column_dimensions["A"].width = 34
    ayuda.column_dimensions["E"].width = 90
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()
