"""Batch fixtures: a fresh SQLite database per test and spreadsheet builders."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from batch.columnas import columnas_plantilla
from batch.plantilla import ejemplo
from store.db import BaseDeDatos, base_de_datos


@pytest.fixture
def bd(tmp_path: Path) -> BaseDeDatos:
    """An empty SQLite database in a temporary file."""
    return base_de_datos(f"sqlite:///{tmp_path / 'salida.db'}")


def fila_ejemplo(**cambios: Any) -> dict[str, Any]:
    """The template's sample row (the seed case) with some cells changed."""
    fila = ejemplo()
    fila.update(cambios)
    return fila


def hacer_csv(filas: list[dict[str, Any]], delimitador: str = ";", codificacion: str = "utf-8-sig",
              cabeceras: list[str] | None = None) -> bytes:
    """A CSV spreadsheet with the template's headers (or the given ones)."""
    cabeceras = cabeceras or [c.nombre for c in columnas_plantilla()]
    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=delimitador, lineterminator="\r\n")
    escritor.writerow(cabeceras)
    for fila in filas:
        escritor.writerow([fila.get(c, "") for c in cabeceras])
    return salida.getvalue().encode(codificacion)


def hacer_xlsx(filas: list[dict[str, Any]]) -> bytes:
    """An XLSX spreadsheet with the template's headers."""
    from openpyxl import Workbook

    cabeceras = [c.nombre for c in columnas_plantilla()]
    libro = Workbook()
    hoja = libro.active
    hoja.append(cabeceras)
    for fila in filas:
        hoja.append([fila.get(c) if fila.get(c) != "" else None for c in cabeceras])
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()
