"""Spreadsheet columns generated from the `Caso` model through `entrada`, so the two never drift:
the model gives the fields, their options and limits; `entrada` their names and kinds of answer."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Literal, get_origin

from entrada import GRUPOS_COLUMNA, PREGUNTAS, Campo, Limites, campos, limites, nombre_columna
from rules import TIPOS_CARTA

# How many numbered groups the template shows; a file may add more, up to the model's limit.
EN_PLANTILLA = {"fallas": 3, "reclamaciones": 2, "cambios_unilaterales": 2, "gastos_adicionales": 2}
COLUMNA_CARTAS = "cartas"  # per-row letter kinds (not part of the Caso)
# The kind of answer of a field the interview does not ask, from its type in the model.
_TIPO_DEL_MODELO = {date: "fecha", datetime: "fecha_hora", int: "entero", bool: "tres"}
_PREGUNTA_DE = {p.ruta: p for p in PREGUNTAS.values() if p.en_modelo}


@dataclass(frozen=True)
class Columna:
    """One spreadsheet column: its header, where it goes in the case, and how to read it."""

    nombre: str
    ruta: tuple[str | int, ...]
    tipo: str  # an `entrada` kind: texto | nombre | documento | entero | pesos | fecha | tres | lista…
    opciones: tuple[str, ...]
    obligatorio: bool
    descripcion: str
    limites: Limites = field(default_factory=Limites)
    nulo: bool = False  # "no sé" is kept as None (not left to the model's default)


def _tipo(campo: Campo) -> str:
    """The question's kind when the interview asks this field (a check box is sí/no here)."""
    pregunta = _PREGUNTA_DE.get(campo.ruta)
    if pregunta is not None:
        return "tres" if pregunta.tipo in ("casilla", "si_no") else pregunta.tipo
    if get_origin(campo.tipo) is Literal:
        return "opcion"
    if get_origin(campo.tipo) is list:
        return "lista"
    return _TIPO_DEL_MODELO.get(campo.tipo, "texto")


def _columna(campo: Campo, fila: int) -> Columna:
    raiz, _, resto = campo.ruta.partition(".")
    ruta: tuple[str | int, ...] = ((raiz, fila - 1, resto) if raiz in GRUPOS_COLUMNA
                                   else tuple(campo.ruta.split(".")))
    lim = limites(campo.ruta)
    tipo = _tipo(campo)
    pregunta = _PREGUNTA_DE.get(campo.ruta)
    # The codes in the order the form offers them (the same as the model's, which has no order to show).
    opciones = (tuple(c for c, _ in pregunta.opciones if c) if pregunta and tipo in ("opcion", "lista")
                else lim.opciones)
    return Columna(nombre_columna(campo.ruta, fila), ruta, tipo, opciones, lim.obligatorio,
                   campo.descripcion, lim, campo.nulo)


def columnas_plantilla() -> list[Columna]:
    """Every column of the template, in order (lists of objects with a few numbered groups)."""
    columnas: list[Columna] = []
    for raiz, grupo in itertools.groupby(campos(), key=lambda c: c.ruta.split(".")[0]):
        hojas = list(grupo)
        filas = range(1, EN_PLANTILLA[raiz] + 1) if raiz in GRUPOS_COLUMNA else (1,)
        columnas += [_columna(c, k) for k in filas for c in hojas]
    columnas.append(Columna(COLUMNA_CARTAS, (), "lista", TIPOS_CARTA, False,
                            "Cartas que quiere para esta fila (vacío: las sugeridas)."))
    return columnas


_GRUPO = re.compile(r"^(?P<grupo>[a-z]+?)(?P<k>\d+)_(?P<campo>\w+)$")
_POR_NOMBRE: dict[str, Columna] = {}
_POR_GRUPO: dict[tuple[str, str], Columna] = {}


def problema_de_columna(nombre: str) -> str | None:
    """A Spanish message if a header names a group beyond the model's limit (`falla999_inicio`)."""
    _indices()
    m = _GRUPO.match(nombre.strip().lower())
    if not m or (m.group("grupo"), m.group("campo")) not in _POR_GRUPO:
        return None
    campo = str(_POR_GRUPO[m.group("grupo"), m.group("campo")].ruta[0])
    maximo = limites(campo).maximo_largo or 0  # how many items the model takes (`fallas` → 200)
    cifras = m.group("k").lstrip("0")
    # Compare digit counts first: int() of a 5,000-digit string is slow or refused.
    if not cifras or len(cifras) > len(str(maximo)) or int(cifras) > maximo:
        return (f"El número de grupo debe ir de 1 a {maximo}: un caso admite como máximo {maximo} "
                f"{campo.replace('_', ' ')}.")
    return None


def _indices() -> None:
    if _POR_NOMBRE:
        return
    for columna in columnas_plantilla():
        _POR_NOMBRE[columna.nombre] = columna
        m = _GRUPO.match(columna.nombre)
        if m and m.group("k") == "1" and isinstance(columna.ruta[1], int):
            _POR_GRUPO[m.group("grupo"), m.group("campo")] = columna


def columna(nombre: str) -> Columna | None:
    """The column for a header (`falla7_inicio` works up to the model's limit), or None if unknown."""
    _indices()
    nombre = nombre.strip().lower()
    if nombre in _POR_NOMBRE:
        return _POR_NOMBRE[nombre]
    m = _GRUPO.match(nombre)
    if m and (m.group("grupo"), m.group("campo")) in _POR_GRUPO and problema_de_columna(nombre) is None:
        base = _POR_GRUPO[m.group("grupo"), m.group("campo")]
        k = int(m.group("k")) - 1
        return replace(base, nombre=nombre, ruta=(base.ruta[0], k, *base.ruta[2:]), obligatorio=False)
    return None


def nombre_de_ruta(ruta: str) -> str:
    """The column a case path (`fallas[0].fin`, `contrato.servicios[1]`) came from."""
    partes = [int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", ruta) if p]
    if partes and partes[0] in GRUPOS_COLUMNA and len(partes) > 1 and isinstance(partes[1], int):
        campo = partes[2] if len(partes) > 2 else "*"
        return nombre_columna(f"{partes[0]}.{campo}", int(partes[1]) + 1)
    _indices()
    while partes:
        for c in _POR_NOMBRE.values():
            if tuple(c.ruta) == tuple(partes):
                return c.nombre
        partes = partes[:-1]
    return ruta or "fila"
