"""One spreadsheet row → a `Caso` dict, each cell read by `entrada` as the form reads the same answer,
with the Spanish error of the form per row and column for what cannot be read."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import entrada
from batch.columnas import COLUMNA_CARTAS, Columna, columna, nombre_de_ruta
from batch.lectura import Formula
from entrada import ErrorEntrada, dentro_de_limites
from rules import CasoInvalido, validar_caso
from rules.caso import Caso

# Text a spreadsheet would run: "=…", "@…", or "+"/"-" followed by something other than a number
# ("+57 300…" and "-5" are fine). Only for text: a number, date or option cannot run.
_COMO_FORMULA = re.compile(r"^(?:[=@]|[+-](?![\d\s]|$))")
_TEXTO_LIBRE = {"texto", "area", "nombre", "documento", "correo", "telefono", "cun"}
FORMULA = "La celda tiene una fórmula; escriba el valor."


@dataclass(frozen=True)
class ErrorFila:
    """A problem with one row: spreadsheet row number, column and Spanish message."""

    fila: int
    columna: str
    mensaje: str


@dataclass
class FilaLeida:
    """A row read from the spreadsheet: its case (or its errors) and its letter kinds."""

    numero: int
    caso: Caso | None = None
    datos: dict[str, Any] = field(default_factory=dict)
    tipos: list[str] | None = None
    errores: list[ErrorFila] = field(default_factory=list)
    referencia: str | None = None  # the advocate's own `referencia` column, passed through

    @property
    def operador(self) -> str | None:
        """The operator as read (even on a row with errors)."""
        valor = self.datos.get("operador")
        return valor if isinstance(valor, str) else None

    @property
    def ciudad(self) -> str | None:
        """The subscriber's city as read (even on a row with errors)."""
        valor = self.datos.get("usuario", {}).get("ciudad")
        return valor if isinstance(valor, str) else None

    def clave_duplicado(self) -> tuple[str, str] | None:
        """Document number and contract number: two valid rows with both equal are the same case."""
        if self.caso is None or not self.caso.contrato.numero:
            return None  # without a contract number two rows of one person may be two contracts
        documento = re.sub(r"\W", "", self.caso.usuario.numero_documento).upper()
        return documento, re.sub(r"[\W_]", "", self.caso.contrato.numero).upper()


def como_texto(valor: Any, tipo: str = "texto") -> str:
    """A typed spreadsheet cell (openpyxl gives numbers, dates and booleans) as a person would type
    it, so that `entrada` reads it like any other text: 189900.0 → '189900', True → 'sí'."""
    if isinstance(valor, bool):
        return "sí" if valor else "no"
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    if isinstance(valor, datetime):
        return valor.date().isoformat() if tipo == "fecha" else valor.isoformat(sep=" ")
    if isinstance(valor, date | time):
        return valor.isoformat()
    return str(valor)


def convertir(valor: Any, col: Columna) -> Any:
    """Read one non-empty cell as its column's kind, within the model's limits (`ErrorEntrada`)."""
    texto = como_texto(valor, col.tipo)
    if col.tipo in _TEXTO_LIBRE and _COMO_FORMULA.match(texto.strip()):
        raise ErrorEntrada(f"El texto empieza con «{texto.strip()[0]}», como una fórmula de hoja de "
                           "cálculo; escríbalo sin ese signo al comienzo.")
    return dentro_de_limites(entrada.convertir(col.tipo, texto, col.opciones), col.limites)


def _poner(destino: dict[str, Any], ruta: tuple[str | int, ...], valor: Any) -> None:
    actual: Any = destino
    for paso, siguiente in itertools.pairwise(ruta):
        if isinstance(paso, int):
            while len(actual) <= paso:
                actual.append({})
            actual = actual[paso]
        else:
            actual = actual.setdefault(paso, [] if isinstance(siguiente, int) else {})
    actual[ruta[-1]] = valor


def _buscar(datos: Any, ruta: tuple[str | int, ...]) -> Any:
    for paso in ruta:
        if isinstance(paso, int):
            datos = datos[paso] if isinstance(datos, list) and paso < len(datos) else None
        else:
            datos = datos.get(paso) if isinstance(datos, dict) else None
    return datos


def _vacia(valor: Any) -> bool:
    return valor is None or (isinstance(valor, str) and not valor.strip())


COLUMNA_REFERENCIA = "referencia"


def es_referencia(cabecera: str) -> bool:
    """Whether a header is the advocate's own reference column (any case or accents)."""
    return entrada.normalizar(cabecera) == COLUMNA_REFERENCIA


def _referencia(valor: Any) -> str:
    # Passed through to the report as text (formula-safe there); a formula cell keeps no value.
    return "" if isinstance(valor, Formula) else como_texto(valor).strip()[:120]


def leer_fila(numero: int, celdas: dict[str, Any], fecha_lote: date,
              evento: Any | None = None) -> FilaLeida:
    """Convert and validate one row; errors name the spreadsheet row and column."""
    leida = FilaLeida(numero)
    datos: dict[str, Any] = {}
    no_se: list[tuple[str | int, ...]] = []
    for cabecera, valor in celdas.items():
        if _vacia(valor):
            continue
        if es_referencia(cabecera):
            leida.referencia = _referencia(valor)
            continue
        col = columna(cabecera)
        if col is None:
            continue  # unknown headers are reported once per file, not per row
        if isinstance(valor, Formula):
            leida.errores.append(ErrorFila(numero, col.nombre, FORMULA))
            continue
        try:
            convertido = convertir(valor, col)
        except ErrorEntrada as exc:
            leida.errores.append(ErrorFila(numero, col.nombre, exc.mensaje))
            continue
        if col.nombre == COLUMNA_CARTAS:
            leida.tipos = convertido
        elif convertido is not None:
            _poner(datos, col.ruta, convertido)
        elif col.nulo:
            no_se.append(col.ruta)
    for ruta in no_se:  # "No sé" about an object the row describes (not one it would create)
        padre = _buscar(datos, ruta[:-1])
        if isinstance(padre, dict) and padre:
            padre[ruta[-1]] = None
    for grupo in ("fallas", "reclamaciones", "cambios_unilaterales", "gastos_adicionales"):
        if grupo in datos:
            datos[grupo] = [x for x in datos[grupo] if x]
    datos.setdefault("fecha_evaluacion", fecha_lote.isoformat())
    if evento is not None:
        evento.aplicar(datos)
    leida.datos = datos
    if leida.errores:
        return leida
    try:
        leida.caso = validar_caso(datos)
    except CasoInvalido as exc:
        leida.errores = [ErrorFila(numero, nombre_de_ruta(e.campo), e.mensaje) for e in exc.errores]
    return leida
