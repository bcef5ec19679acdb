"""Spreadsheet readers: CSV (UTF-8 with or without BOM, or Windows-1252; `;` or `,`) and XLSX.

XLSX files are zip archives: their declared unpacked size (in total and per member ratio) is
checked before openpyxl opens them (zip bombs); zipfile never yields more than a member's declared
size. openpyxl reads in streaming (read-only) mode, through defusedxml, with the columns and the
number of filled cells bounded. Any error while reading rows becomes an `ArchivoIlegible` naming
the row, never an unhandled exception.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import defusedxml  # noqa: F401  (openpyxl uses it when importable: no XML entity attacks)

from rules import texto

LIMITE_ARCHIVO = 20 * 1024 * 1024
# 5,000 template rows unpack to about 15 MB of XML and read in a few seconds; 50 MB is ample.
LIMITE_DESCOMPRIMIDO = 50_000_000
LIMITE_RELACION = 200  # unpacked / packed of any one member
LIMITE_COLUMNAS = 2000  # header cells read from an XLSX (the template has under 100)
LIMITE_CELDAS = 1_000_000  # filled XLSX cells in all (5,000 full template rows: 455,000)
LIMITE_CAMPO_CSV = csv.field_size_limit()  # characters in one CSV cell (131,072)


class ArchivoIlegible(ValueError):
    """The file itself cannot be read (message in Spanish): nothing was processed."""


class Formula(str):
    """The text of an XLSX formula cell: its computed value is not trusted, the row says so."""


@dataclass
class Hoja:
    """The rows of a spreadsheet: header names and (row number, {header: cell}) pairs."""

    cabeceras: list[str]
    filas: Iterator[tuple[int, dict[str, Any]]]


def _decodificar(datos: bytes) -> str:
    if datos.startswith(b"\xef\xbb\xbf"):
        datos = datos[3:]
    try:
        return datos.decode("utf-8")
    except UnicodeDecodeError:
        return datos.decode("cp1252", errors="replace")


def _delimitador(texto: str) -> str:
    primera = texto.split("\n", 1)[0]
    return ";" if primera.count(";") > primera.count(",") else ","


def leer_csv(datos: bytes) -> Hoja:
    """Read a CSV file; its first line is the header."""
    texto = _decodificar(datos)
    if not texto.strip():
        raise ArchivoIlegible("El archivo está vacío.")
    lector = csv.reader(io.StringIO(texto, newline=""), delimiter=_delimitador(texto))
    try:
        cabeceras = [c.strip() for c in next(lector)]
    except csv.Error:
        raise _csv_ilegible(1) from None

    def filas() -> Iterator[tuple[int, dict[str, Any]]]:
        numero = 1
        try:
            for numero, fila in enumerate(lector, start=2):
                if any(c.strip() for c in fila):
                    yield numero, dict(zip(cabeceras, fila, strict=False))
        except csv.Error:
            raise _csv_ilegible(numero + 1) from None

    return Hoja(cabeceras, filas())


def _csv_ilegible(numero: int) -> ArchivoIlegible:
    # The csv module's own messages are English; the usual cause is a quote left open.
    return ArchivoIlegible(
        f"La fila {numero} del CSV no se puede leer: tiene una celda de más de "
        f"{texto.numero(LIMITE_CAMPO_CSV)} caracteres o un formato dañado (¿unas comillas sin cerrar?). "
        "Corríjala y vuelva a cargar el archivo.")


def revisar_zip(datos: bytes) -> None:
    """Refuse an XLSX whose declared unpacked size or compression ratio is out of bounds."""
    try:
        with zipfile.ZipFile(io.BytesIO(datos)) as z:
            total = 0
            for info in z.infolist():
                total += info.file_size
                if info.compress_size and info.file_size / info.compress_size > LIMITE_RELACION:
                    raise ArchivoIlegible("El XLSX está comprimido de forma sospechosa; no se abre.")
            if total > LIMITE_DESCOMPRIMIDO:
                raise ArchivoIlegible(
                    f"El XLSX descomprimido ocuparía {total // 1_000_000} MB; el límite es "
                    f"{LIMITE_DESCOMPRIMIDO // 1_000_000} MB. Divídalo en varios archivos o use CSV.")
    except zipfile.BadZipFile:
        raise ArchivoIlegible("El archivo no es un XLSX válido.") from None


def leer_xlsx(datos: bytes) -> Hoja:
    """Read the first sheet of an XLSX file; its first row is the header."""
    revisar_zip(datos)
    from openpyxl import load_workbook

    try:
        # Formulas as formulas (not their cached values): a formula cell is reported, not guessed.
        libro = load_workbook(io.BytesIO(datos), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a corrupt file
        raise ArchivoIlegible("El archivo no es un XLSX válido.") from None
    hoja = libro.worksheets[0]
    hoja.reset_dimensions()  # read-only mode trusts the declared dimensions otherwise
    try:
        primera = next(hoja.iter_rows(max_row=1, max_col=LIMITE_COLUMNAS, values_only=True))
    except StopIteration:
        raise ArchivoIlegible("La hoja está vacía.") from None
    except Exception:
        raise _xlsx_ilegible(1) from None
    cabeceras = ["" if c is None else str(c).strip() for c in primera]
    while cabeceras and not cabeceras[-1]:
        cabeceras.pop()
    if not cabeceras:
        raise ArchivoIlegible("La hoja está vacía.")

    def filas() -> Iterator[tuple[int, dict[str, Any]]]:
        numero, celdas = 1, 0
        try:
            # Rows padded only to the header's width: a stray cell in column XFD costs nothing.
            for numero, celdas_fila in enumerate(hoja.iter_rows(min_row=2, max_col=len(cabeceras)),
                                                 start=2):
                fila = tuple(_valor(c) for c in celdas_fila)
                if fila.count(None) == len(fila):
                    continue  # gaps (a lone row 1048576 makes a million) are skipped cheaply
                llenas = sum(1 for c in fila if c is not None and str(c).strip())
                celdas += llenas
                if celdas > LIMITE_CELDAS:
                    raise ArchivoIlegible(
                        f"El XLSX tiene más de {texto.numero(LIMITE_CELDAS)} celdas con datos; "
                        "divídalo en varios archivos.")
                if llenas:
                    yield numero, dict(zip(cabeceras, fila, strict=False))
        except ArchivoIlegible:
            raise
        except Exception:  # openpyxl raises many kinds (IndexError, KeyError…) for a damaged sheet
            raise _xlsx_ilegible(numero + 1) from None
        finally:
            libro.close()

    return Hoja(cabeceras, filas())


def _valor(celda: Any) -> Any:
    if getattr(celda, "data_type", None) == "f":
        return Formula(celda.value if isinstance(celda.value, str) else getattr(celda.value, "text", "="))
    return celda.value


def _xlsx_ilegible(numero: int) -> ArchivoIlegible:
    return ArchivoIlegible(f"La fila {numero} del XLSX no se puede leer: el archivo está dañado o no "
                           "lo escribió una hoja de cálculo. Ábralo y guárdelo de nuevo, o use CSV.")


def leer_hoja(nombre: str, datos: bytes) -> Hoja:
    """Read a CSV or XLSX by its extension or content; refuse oversized files."""
    if len(datos) > LIMITE_ARCHIVO:
        raise ArchivoIlegible(f"El archivo pesa más de {LIMITE_ARCHIVO // 1_000_000} MB.")
    if nombre.lower().endswith(".xlsx") or datos[:2] == b"PK":
        return leer_xlsx(datos)
    if nombre.lower().endswith((".csv", ".txt")) or not nombre:
        return leer_csv(datos)
    raise ArchivoIlegible("Use un archivo CSV o XLSX.")
