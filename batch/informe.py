"""The batch's output: a zip with the letters, `informe.csv`, `informe.xlsx` and `errores.csv`."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from batch.salida_segura import celda_segura
from letters.etiquetas import TITULOS
from store.db import BaseDeDatos
from store.models import Fila, Lote
from web import etiquetas as et

# (key, Spanish header, kind): kind says how a value is written (fecha: a real date in the XLSX).
COLUMNAS_INFORME = [
    ("fila", "fila", ""), ("referencia", "referencia", ""), ("operador", "operador", ""),
    ("ciudad", "ciudad", ""), ("estado", "estado", ""),
    ("puede_terminar_sin_penalidad", "puede terminar sin penalidad", ""),
    ("fuerza", "fuerza del fundamento", ""),
    ("permanencia_valor_maximo", "máximo cobrable por permanencia", ""),
    ("permanencia_si_no_prospera", "permanencia si el fundamento no prospera", ""),
    ("compensacion_estimada", "compensación estimada", ""),
    ("fecha_limite_aviso", "último día para pedir la terminación", "fecha"),
    ("fecha_efectiva_terminacion", "terminación efectiva", "fecha"),
    ("vence_respuesta_pqr", "vence respuesta del operador", "fecha"),
    ("silencio_positivo_desde", "silencio positivo desde", "fecha"),
    ("vence_recurso", "vence recurso", "fecha"),
    ("cartas", "cartas generadas", ""),
    ("sin_cartas", "por qué no hay cartas", ""),
    ("faltantes", "datos que cambiarían la respuesta", ""),
    ("errores", "errores", ""),
]
ESTADOS = {"ok": "procesada", "error": "con errores", "cancelada": "cancelada",
           "pendiente": "pendiente", "en_proceso": "en proceso"}
NOMBRES_CARTAS = TITULOS  # each letter's one name: the report, the page and the PDF say the same
FUERZAS = {clave: nombre for clave, (nombre, _) in et.FUERZAS.items()}
FORMATO_FECHA = "DD/MM/YYYY"


def _texto(valor: Any) -> Any:
    if isinstance(valor, list):
        return ", ".join(str(v) for v in valor)
    if isinstance(valor, dict):
        return "; ".join(f"{k}: {v}" for k, v in valor.items())
    return "" if valor is None else valor


def fecha_texto(iso: str) -> str:
    """2026-12-18 → 18/12/2026 (how people in Colombia write dates)."""
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def _sin_cartas(fila: Fila, datos: dict[str, Any], repetida: bool) -> str:
    if repetida:
        return "Es la misma persona y contrato de una fila anterior: sus cartas están en esa fila."
    if fila.estado == "error":
        return "La fila tiene errores (vea la columna «errores»)."
    if fila.estado == "cancelada":
        return "El lote se canceló antes de procesar la fila."
    if fila.estado != "ok" or datos.get("cartas"):
        return ""
    no_disponibles = datos.get("cartas_no_disponibles") or {}
    if no_disponibles:
        return " ".join(f"{NOMBRES_CARTAS.get(t, t)}: {m}" for t, m in no_disponibles.items())
    return "Con estos datos no corresponde ninguna carta (no hay reclamo, terminación ni plazo que atender)."


def _operador(fila: Fila, datos: dict[str, Any]) -> str:
    """The company the row's letters are addressed to (Tigo's fixed services go to UNE), as written."""
    clave = datos.get("destinatario") or fila.operador or ""
    return et.OPERADORES.get(clave, clave)


def _valores(fila: Fila) -> dict[str, Any]:
    """One row's report values, in Spanish, dates still ISO (each output writes them its way)."""
    datos = dict(fila.resumen or {})
    repetida = any(str(e.get("mensaje", "")).startswith("Fila repetida") for e in fila.errores or [])
    datos.update({
        "fila": fila.numero, "referencia": fila.referencia or "",
        "operador": _operador(fila, datos),
        "ciudad": fila.ciudad or "",
        "estado": "repetida" if repetida else ESTADOS.get(fila.estado, fila.estado),
        "fuerza": FUERZAS.get(datos.get("fuerza") or "", datos.get("fuerza") or ""),
        "cartas": ", ".join(NOMBRES_CARTAS.get(t, t) for t in datos.get("cartas") or []),
        "sin_cartas": _sin_cartas(fila, datos, repetida),
        "faltantes": "; ".join([*([datos["destinatario_confirmar"]] if datos.get("destinatario_confirmar")
                                   else []), *(datos.get("faltantes_texto") or [])]),
        "errores": "; ".join(f"{e['columna'] or 'fila'}: {e['mensaje']}" for e in fila.errores or []),
    })
    return datos


def _filas_informe(bd: BaseDeDatos, lote_id: str) -> Iterator[dict[str, Any]]:
    with bd.sesiones() as s:
        for fila in s.scalars(select(Fila).where(Fila.lote_id == lote_id).order_by(Fila.numero)):
            yield _valores(fila)


def lineas_informe(bd: BaseDeDatos, lote_id: str) -> Iterator[list[Any]]:
    """One formula-safe report line per row, in spreadsheet order (dates as dd/mm/aaaa text)."""
    for datos in _filas_informe(bd, lote_id):
        yield [celda_segura(fecha_texto(datos.get(clave) or "") if tipo == "fecha"
                            else _texto(datos.get(clave))) for clave, _, tipo in COLUMNAS_INFORME]


def _lineas_xlsx(bd: BaseDeDatos, lote_id: str) -> Iterator[list[Any]]:
    """The same lines with real dates (shown dd/mm/aaaa by the sheet's number format)."""
    for datos in _filas_informe(bd, lote_id):
        yield [(date.fromisoformat(datos[clave]) if datos.get(clave) else None) if tipo == "fecha"
               else celda_segura(_texto(datos.get(clave))) for clave, _, tipo in COLUMNAS_INFORME]


def lineas_errores(bd: BaseDeDatos, lote_id: str) -> Iterator[list[Any]]:
    """One formula-safe line per error: file-level ones first, then by row."""
    with bd.sesiones() as s:
        lote = s.get(Lote, lote_id)
        for e in (lote.errores_archivo if lote else []):
            yield [celda_segura(v) for v in (e.get("fila", ""), e.get("columna", ""), e["mensaje"])]
        consulta = (select(Fila).where(Fila.lote_id == lote_id, Fila.errores.is_not(None))
                    .order_by(Fila.numero))
        for fila in s.scalars(consulta):
            for e in fila.errores or []:
                yield [fila.numero, celda_segura(e.get("columna", "")), celda_segura(e["mensaje"])]


def _csv(lineas: Iterator[list[Any]], cabecera: list[str]) -> bytes:
    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=";", lineterminator="\r\n")
    escritor.writerow(cabecera)
    escritor.writerows(lineas)
    return ("\ufeff" + salida.getvalue()).encode("utf-8")


def _xlsx(lineas: Iterator[list[Any]], cabecera: list[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    libro = Workbook(write_only=True)
    hoja = libro.create_sheet("informe")
    hoja.append(cabecera)
    for linea in lineas:
        celdas = []
        for valor in linea:
            celda = WriteOnlyCell(hoja, value=valor)
            if isinstance(valor, date):
                celda.number_format = FORMATO_FECHA
            celdas.append(celda)
        hoja.append(celdas)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def escribir_zip(bd: BaseDeDatos, lote_id: str, destino: IO[bytes] | Path | str) -> list[str]:
    """Write the batch's zip; return the names it contains, in order."""
    nombres: list[str] = []
    cabecera = [titulo for _, titulo, _ in COLUMNAS_INFORME]
    with zipfile.ZipFile(destino, "w", compression=zipfile.ZIP_DEFLATED) as z:
        with bd.sesiones() as s:
            consulta = (select(Fila).where(Fila.lote_id == lote_id).order_by(Fila.numero)
                        .options(selectinload(Fila.documentos)))
            for fila in s.scalars(consulta).yield_per(50):
                for doc in sorted(fila.documentos, key=lambda d: d.nombre):
                    # PDFs are already compressed; store them as they are.
                    z.writestr(f"cartas/{doc.nombre}", doc.contenido, zipfile.ZIP_STORED)
                    nombres.append(f"cartas/{doc.nombre}")
                s.expunge(fila)
        with bd.sesiones() as s:
            lote = s.get(Lote, lote_id)
            combinado = lote is not None and lote.combinado
        if combinado:
            from batch.impresion import escribir_impresion

            impresion = io.BytesIO()
            if escribir_impresion(bd, lote_id, impresion):
                z.writestr("impresion.pdf", impresion.getvalue(), zipfile.ZIP_STORED)
                nombres.append("impresion.pdf")
        for nombre, contenido in (
            ("informe.csv", _csv(lineas_informe(bd, lote_id), cabecera)),
            ("informe.xlsx", _xlsx(_lineas_xlsx(bd, lote_id), cabecera)),
            ("errores.csv", _csv(lineas_errores(bd, lote_id), ["fila", "columna", "mensaje"])),
        ):
            z.writestr(nombre, contenido)
            nombres.append(nombre)
    return nombres
