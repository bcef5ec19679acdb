"""Hostile spreadsheets from the hardening runs, shared by the tests and `bench/batch_bench.py`."""

from __future__ import annotations

import io
import random
import re
import zipfile

from tests.batch.conftest import fila_ejemplo, hacer_csv, hacer_xlsx

CABECERA_ENORME = b"nombre;falla25000000_inicio\r\nAna;2026-11-03 19:40\r\n"
CIFRAS = "7" * 5000


def xlsx_inflado(megas: int = 78) -> bytes:
    """A real template XLSX whose sheet is ~78 MB of XML packed into ~420 KB (ratio under 200)."""
    base = zipfile.ZipFile(io.BytesIO(hacer_xlsx([fila_ejemplo()])))
    azar = random.Random(7)
    filas = [f'<row><c t="inlineStr"><is><t>Ana María Pérez Gómez</t></is></c><c><v>'
             f'{azar.randrange(10**6) if i % 35 == 0 else 1}</v></c></row>' for i in range(6000)]
    bloque = "".join(filas).encode()
    hoja = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
            b'.org/spreadsheetml/2006/main"><sheetData>'
            + bloque * (megas * 1_000_000 // len(bloque)) + b"</sheetData></worksheet>")
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as z:
        for info in base.infolist():
            z.writestr(info.filename, hoja if info.filename.endswith("sheet1.xml") else base.read(info))
    return salida.getvalue()


def xlsx_sin_cadenas() -> bytes:
    """An XLSX whose second row points into a shared-strings table it does not have (IndexError)."""
    base = zipfile.ZipFile(io.BytesIO(hacer_xlsx([fila_ejemplo()])))
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as z:
        for info in base.infolist():
            datos = base.read(info)
            if info.filename.endswith("sheet1.xml"):
                cabecera, resto = datos.split(b'<row r="2"', 1)
                resto = re.sub(rb't="inlineStr"><is><t>[^<]*</t></is>', b't="s"><v>7</v>', resto)
                datos = cabecera + b'<row r="2"' + resto
            z.writestr(info.filename, datos)
    return salida.getvalue()


def csv_campo_enorme() -> bytes:
    """A CSV whose second row has a 200,000-character cell (the csv module's limit is 131,072)."""
    fila = fila_ejemplo()
    fila["nombre"] = "A" * 200_000
    return hacer_csv([fila_ejemplo(), fila])


HOSTILES = ("indice_enorme", "indice_5000_cifras", "campo_csv_enorme", "xlsx_sin_cadenas", "xlsx_inflado")


def archivos_hostiles() -> dict[str, tuple[str, bytes]]:
    """name → (file name, bytes) of each hostile spreadsheet."""
    return {
        "indice_enorme": ("casos.csv", CABECERA_ENORME),
        "indice_5000_cifras": ("casos.csv", f"nombre;falla{CIFRAS}_inicio\r\nAna;x\r\n".encode()),
        "campo_csv_enorme": ("casos.csv", csv_campo_enorme()),
        "xlsx_sin_cadenas": ("casos.xlsx", xlsx_sin_cadenas()),
        "xlsx_inflado": ("casos.xlsx", xlsx_inflado()),
    }
