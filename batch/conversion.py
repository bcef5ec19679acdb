"""One spreadsheet row → a `Caso` dict, with Spanish errors per column for what cannot be read."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from batch.columnas import COLUMNA_CARTAS, Columna, columna, en_pesos, nombre_de_ruta
from batch.lectura import Formula
from rules import CasoInvalido, validar_caso
from rules.caso import Caso

_VERDADERO = {"si", "s", "x", "true", "verdadero", "1", "yes"}
_FALSO = {"no", "n", "false", "falso", "0"}
_NO_SE = {"no se", "nose", "ns", "desconocido", "?"}
_MILES = re.compile(r"^\d{1,3}([.,]\d{3})+$")
_ENTERO_CON_CEROS = re.compile(r"^(\d+)[.,]0+$")
# How people write a document type: "C.C.", "cc", "Cédula", "cédula de extranjería"…
SINONIMOS = {"tipo_documento": {
    "cedula": "CC", "cedula_de_ciudadania": "CC", "cedula_ciudadania": "CC",
    "cedula_de_extranjeria": "CE", "cedula_extranjeria": "CE", "pasaporte": "PA",
    "permiso_por_proteccion_temporal": "PPT",
}}
# Text a spreadsheet would run: "=…", "@…", or "+"/"-" followed by something other than a number
# ("+57 300…" and "-5" are fine).
_COMO_FORMULA = re.compile(r"^(?:[=@]|[+-](?![\d\s]|$))")
FORMULA = "La celda tiene una fórmula; escriba el valor."
_FECHA_DMA = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


class ValorIlegible(ValueError):
    """A cell that cannot be read as its column's type (message in Spanish)."""


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


def normalizar(texto: str) -> str:
    """'Internet fijo' → 'internet_fijo'; 'Teléfono' → 'telefono'."""
    sin_tildes = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode()
    return re.sub(r"[\s-]+", "_", sin_tildes.strip().lower())


def _texto(valor: Any) -> str:
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return str(valor).strip()


def _entero(valor: Any, pesos: bool) -> int:
    if isinstance(valor, bool):
        raise ValorIlegible("Debe ser un número entero.")
    if isinstance(valor, int):
        return valor
    if isinstance(valor, float):
        if valor.is_integer():
            return int(valor)
        raise ValorIlegible("Debe ser un número entero, sin decimales" + (" (pesos completos)." if pesos
                                                                         else "."))
    texto = str(valor).replace("$", "").replace(" ", "").strip()
    if texto.isdigit():
        return int(texto)
    if _MILES.match(texto):
        return int(re.sub(r"[.,]", "", texto))
    if m := _ENTERO_CON_CEROS.match(texto):
        return int(m.group(1))
    raise ValorIlegible("Debe ser un número entero" + (" (por ejemplo 189900 o 189.900)." if pesos else "."))


def _fecha_hora(valor: Any, con_hora: bool) -> str:
    if isinstance(valor, datetime):
        return valor.isoformat() if con_hora else valor.date().isoformat()
    if isinstance(valor, date):
        return valor.isoformat()
    texto = str(valor).strip()
    if m := _FECHA_DMA.match(texto):
        d, mes, a, h, mi, s = m.groups()
        try:
            base = date(int(a), int(mes), int(d))
        except ValueError:
            raise ValorIlegible("La fecha no existe.") from None
        if not con_hora:
            return base.isoformat()
        return f"{base.isoformat()}T{int(h or 0):02d}:{int(mi or 0):02d}:{int(s or 0):02d}"
    try:
        if con_hora:
            return datetime.fromisoformat(texto).isoformat()
        return date.fromisoformat(texto[:10]).isoformat()
    except ValueError:
        ejemplo = "2026-11-03 19:40 o 03/11/2026 19:40" if con_hora else "2026-11-03 o 03/11/2026"
        raise ValorIlegible(f"No es una fecha válida; use por ejemplo {ejemplo}.") from None


def _si_no(valor: Any) -> bool | None:
    if isinstance(valor, bool):
        return valor
    texto = normalizar(_texto(valor)).replace("_", " ")
    if texto in _VERDADERO:
        return True
    if texto in _FALSO:
        return False
    if texto in _NO_SE:
        return None
    raise ValorIlegible("Escriba sí, no o no sé.")


def _opcion(valor: Any, col: Columna) -> str:
    texto = _texto(valor)
    candidato = texto.upper() if col.opciones and col.opciones[0].isupper() else normalizar(texto)
    if candidato not in col.opciones and col.opciones and col.opciones[0].isupper():
        sin_puntos = re.sub(r"[.\s]", "", candidato)  # "C.C." → "CC"
        candidato = sin_puntos if sin_puntos in col.opciones else candidato
    candidato = SINONIMOS.get(col.nombre, {}).get(normalizar(texto), candidato)
    if candidato not in col.opciones:
        raise ValorIlegible(f"Valor no válido; use uno de: {', '.join(col.opciones)}.")
    return candidato


def convertir(valor: Any, col: Columna) -> Any:
    """Read one non-empty cell as its column's type."""
    if col.tipo == "entero":
        return _entero(valor, en_pesos(col))
    if col.tipo in ("fecha", "fecha_hora"):
        return _fecha_hora(valor, col.tipo == "fecha_hora")
    if col.tipo == "si_no":
        return _si_no(valor)
    if col.tipo == "opcion":
        return _opcion(valor, col)
    if col.tipo == "lista":
        partes = [p for p in re.split(r"[,;|\n]+", _texto(valor)) if p.strip()]
        return [_opcion(p, col) for p in partes]
    texto = _texto(valor)
    if _COMO_FORMULA.match(texto):
        raise ValorIlegible(f"El texto empieza con «{texto[0]}», como una fórmula de hoja de cálculo; "
                            "escríbalo sin ese signo al comienzo.")
    return texto


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


def _vacia(valor: Any) -> bool:
    return valor is None or (isinstance(valor, str) and not valor.strip())


COLUMNA_REFERENCIA = "referencia"


def es_referencia(cabecera: str) -> bool:
    """Whether a header is the advocate's own reference column (any case or accents)."""
    return normalizar(cabecera) == COLUMNA_REFERENCIA


def _referencia(valor: Any) -> str:
    # Passed through to the report as text (formula-safe there); a formula cell keeps no value.
    return "" if isinstance(valor, Formula) else _texto(valor)[:120]


def leer_fila(numero: int, celdas: dict[str, Any], fecha_lote: date,
              evento: Any | None = None) -> FilaLeida:
    """Convert and validate one row; errors name the spreadsheet row and column."""
    leida = FilaLeida(numero)
    datos: dict[str, Any] = {}
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
        except ValorIlegible as exc:
            leida.errores.append(ErrorFila(numero, col.nombre, str(exc)))
            continue
        if col.nombre == COLUMNA_CARTAS:
            leida.tipos = convertido
        elif convertido is not None:
            _poner(datos, col.ruta, convertido)
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
