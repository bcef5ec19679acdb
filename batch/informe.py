"""The batch's output: a zip with the letters, `informe.csv`, `informe.xlsx` and `errores.csv`."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from batch.salida_segura import celda_segura
from store.db import BaseDeDatos
from store.models import Fila, Lote

COLUMNAS_INFORME = [
    ("fila", "fila"), ("estado", "estado"),
    ("puede_terminar_sin_penalidad", "puede terminar sin penalidad"),
    ("fuerza", "fuerza del fundamento"),
    ("permanencia_valor_maximo", "máximo cobrable por permanencia"),
    ("permanencia_si_no_prospera", "permanencia si el fundamento no prospera"),
    ("compensacion_estimada", "compensación estimada"),
    ("fecha_limite_aviso", "último día para pedir la terminación"),
    ("fecha_efectiva_terminacion", "terminación efectiva"),
    ("vence_respuesta_pqr", "vence respuesta del operador"),
    ("silencio_positivo_desde", "silencio positivo desde"),
    ("vence_recurso", "vence recurso"),
    ("cartas", "cartas generadas"),
    ("cartas_no_disponibles", "cartas no disponibles"),
    ("errores", "errores"),
]
ESTADOS = {"ok": "procesada", "error": "con errores", "cancelada": "cancelada",
           "pendiente": "pendiente", "en_proceso": "en proceso"}


def _texto(valor: Any) -> Any:
    if isinstance(valor, list):
        return ", ".join(str(v) for v in valor)
    if isinstance(valor, dict):
        return "; ".join(f"{k}: {v}" for k, v in valor.items())
    return "" if valor is None else valor


def lineas_informe(bd: BaseDeDatos, lote_id: str) -> Iterator[list[Any]]:
    """One formula-safe report line per row, in spreadsheet order."""
    with bd.sesiones() as s:
        for fila in s.scalars(select(Fila).where(Fila.lote_id == lote_id).order_by(Fila.numero)):
            datos = dict(fila.resumen or {})
            datos["fila"] = fila.numero
            datos["estado"] = ESTADOS.get(fila.estado, fila.estado)
            datos["errores"] = [f"{e['columna'] or 'fila'}: {e['mensaje']}" for e in fila.errores or []]
            yield [celda_segura(_texto(datos.get(clave))) for clave, _ in COLUMNAS_INFORME]


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

    libro = Workbook(write_only=True)
    hoja = libro.create_sheet("informe")
    hoja.append(cabecera)
    for linea in lineas:
        hoja.append(linea)
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def escribir_zip(bd: BaseDeDatos, lote_id: str, destino: IO[bytes] | Path | str) -> list[str]:
    """Write the batch's zip; return the names it contains, in order."""
    nombres: list[str] = []
    cabecera = [titulo for _, titulo in COLUMNAS_INFORME]
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
            ("informe.xlsx", _xlsx(lineas_informe(bd, lote_id), cabecera)),
            ("errores.csv", _csv(lineas_errores(bd, lote_id), ["fila", "columna", "mensaje"])),
        ):
            z.writestr(nombre, contenido)
            nombres.append(nombre)
    return nombres
