"""Spreadsheet readers: CSV (UTF-8 with or without BOM, or Windows-1252; `;` or `,`) and XLSX.

XLSX files are zip archives: their declared unpacked size is checked before openpyxl opens them
(zip bombs), and openpyxl parses XML through defusedxml when it is installed (it is a dependency).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import defusedxml  # noqa: F401  (openpyxl uses it when importable: no XML entity attacks)

LIMITE_ARCHIVO = 20 * 1024 * 1024
LIMITE_DESCOMPRIMIDO = 100 * 1024 * 1024
LIMITE_RELACION = 200  # unpacked / packed of any one member


class ArchivoIlegible(ValueError):
    """The file itself cannot be read (message in Spanish): nothing was processed."""


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
    except csv.Error as exc:
        raise ArchivoIlegible(f"El CSV no se puede leer: {exc}.") from None

    def filas() -> Iterator[tuple[int, dict[str, Any]]]:
        for numero, fila in enumerate(lector, start=2):
            if any(c.strip() for c in fila):
                yield numero, dict(zip(cabeceras, fila, strict=False))

    return Hoja(cabeceras, filas())


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
                    f"{LIMITE_DESCOMPRIMIDO // 1_000_000} MB.")
    except zipfile.BadZipFile:
        raise ArchivoIlegible("El archivo no es un XLSX válido.") from None


def leer_xlsx(datos: bytes) -> Hoja:
    """Read the first sheet of an XLSX file; its first row is the header."""
    revisar_zip(datos)
    from openpyxl import load_workbook

    try:
        libro = load_workbook(io.BytesIO(datos), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a corrupt file
        raise ArchivoIlegible("El archivo no es un XLSX válido.") from None
    hoja = libro.worksheets[0]
    hoja.reset_dimensions()  # read-only mode trusts the declared dimensions otherwise
    filas_crudas = hoja.iter_rows(values_only=True)
    try:
        cabeceras = ["" if c is None else str(c).strip() for c in next(filas_crudas)]
    except StopIteration:
        raise ArchivoIlegible("La hoja está vacía.") from None

    def filas() -> Iterator[tuple[int, dict[str, Any]]]:
        for numero, fila in enumerate(filas_crudas, start=2):
            if any(c is not None and str(c).strip() for c in fila):
                yield numero, dict(zip(cabeceras, fila, strict=False))
        libro.close()

    return Hoja(cabeceras, filas())


def leer_hoja(nombre: str, datos: bytes) -> Hoja:
    """Read a CSV or XLSX by its extension or content; refuse oversized files."""
    if len(datos) > LIMITE_ARCHIVO:
        raise ArchivoIlegible(f"El archivo pesa más de {LIMITE_ARCHIVO // 1_000_000} MB.")
    if nombre.lower().endswith(".xlsx") or datos[:2] == b"PK":
        return leer_xlsx(datos)
    if nombre.lower().endswith((".csv", ".txt")) or not nombre:
        return leer_csv(datos)
    raise ArchivoIlegible("Use un archivo CSV o XLSX.")
