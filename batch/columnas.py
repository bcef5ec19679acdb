"""Spreadsheet columns generated from the `Caso` model, so the two never drift."""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from rules.caso import Caso

# Nested objects become prefixed columns; lists of objects become numbered groups.
PREFIJOS = {"usuario": "", "contrato": "", "permanencia": "permanencia_",
            "solicitud_terminacion": "terminacion_"}
GRUPOS = {"fallas": ("falla", 3), "reclamaciones": ("reclamacion", 2),
          "cambios_unilaterales": ("cambio", 2), "gastos_adicionales": ("gasto", 2)}
RENOMBRES = {("contrato", "numero"): "numero_contrato",
             ("contrato", "fecha_inicio"): "fecha_inicio_contrato"}
COLUMNA_CARTAS = "cartas"  # per-row letter kinds (not part of the Caso)


@dataclass(frozen=True)
class Columna:
    """One spreadsheet column: its header, where it goes in the case, and how to read it."""

    nombre: str
    ruta: tuple[str | int, ...]
    tipo: str  # texto | entero | fecha | fecha_hora | si_no | opcion | lista
    opciones: tuple[str, ...]
    obligatorio: bool
    descripcion: str


def _sin_none(anotacion: Any) -> tuple[Any, bool]:
    """Strip `| None` from an annotation; say whether it was optional."""
    if get_origin(anotacion) in (typing.Union, types.UnionType):
        args = [a for a in get_args(anotacion) if a is not type(None)]
        return (args[0] if len(args) == 1 else anotacion), True
    return anotacion, False


def _base(anotacion: Any) -> Any:
    while get_origin(anotacion) is typing.Annotated:
        anotacion = get_args(anotacion)[0]
    return anotacion


def _tipo(anotacion: Any) -> tuple[str, tuple[str, ...]]:
    anotacion = _base(anotacion)
    if get_origin(anotacion) is Literal:
        return "opcion", tuple(get_args(anotacion))
    if get_origin(anotacion) is list:
        _, opciones = _tipo(get_args(anotacion)[0])
        return "lista", opciones
    return {date: "fecha", datetime: "fecha_hora", int: "entero", bool: "si_no"}.get(
        anotacion, "texto"), ()


def _columnas_de(modelo: type[BaseModel], ruta: tuple[str | int, ...], prefijo: str,
                 obligatorio_padre: bool) -> list[Columna]:
    columnas: list[Columna] = []
    for campo, info in modelo.model_fields.items():
        anotacion, opcional = _sin_none(_base(info.annotation))
        anotacion = _base(anotacion)
        nueva_ruta = (*ruta, campo)
        obligatorio = obligatorio_padre and info.is_required()
        descripcion = (info.description or "").replace("\n", " ")
        if isinstance(anotacion, type) and issubclass(anotacion, BaseModel):
            columnas += _columnas_de(anotacion, nueva_ruta, PREFIJOS[campo],
                                     obligatorio and not opcional)
        elif get_origin(anotacion) is dict:
            _, servicios = _tipo(get_args(anotacion)[0])
            columnas += [Columna(f"valor_{s}", (*nueva_ruta, s), "entero", (), False,
                                 f"Valor mensual del servicio {s} en pesos (opcional).")
                         for s in servicios]
        elif campo in GRUPOS and get_origin(anotacion) is list:
            nombre, cuantos = GRUPOS[campo]
            sub = _base(get_args(anotacion)[0])
            for k in range(cuantos):
                columnas += _columnas_de(sub, (campo, k), f"{nombre}{k + 1}_", False)
        else:
            tipo, opciones = _tipo(anotacion)
            nombre = RENOMBRES.get(tuple(str(p) for p in nueva_ruta[-2:]), prefijo + campo)
            columnas.append(Columna(nombre, nueva_ruta, tipo, opciones, obligatorio, descripcion))
    return columnas


def en_pesos(col: Columna) -> bool:
    """Whether an integer column is an amount of money (its model description says pesos)."""
    return col.tipo == "entero" and "pesos" in col.descripcion.lower()


def columnas_plantilla() -> list[Columna]:
    """Every column of the template, in order (lists of objects with a few numbered groups)."""
    columnas = _columnas_de(Caso, (), "", True)
    columnas.append(Columna(COLUMNA_CARTAS, (), "lista",
                            ("queja", "terminacion", "silencio_positivo", "recurso", "queja_sic"),
                            False, "Cartas que quiere para esta fila (vacío: las sugeridas)."))
    return columnas


_GRUPO = re.compile(r"^(?P<grupo>[a-z]+?)(?P<k>\d+)_(?P<campo>\w+)$")
_POR_NOMBRE: dict[str, Columna] = {}
_POR_GRUPO: dict[tuple[str, str], Columna] = {}
NOMBRES_GRUPO = {"fallas": "fallas", "reclamaciones": "reclamaciones",
                 "cambios_unilaterales": "cambios unilaterales",
                 "gastos_adicionales": "gastos adicionales"}


def maximo_de_grupo(campo: str) -> int:
    """How many items the `Caso` model accepts in a list (`fallas` → 200): the highest group number."""
    for restriccion in Caso.model_fields[campo].metadata:
        if getattr(restriccion, "max_length", None) is not None:
            return int(restriccion.max_length)
    raise LookupError(f"{campo} has no max_length in the Caso model")


def problema_de_columna(nombre: str) -> str | None:
    """A Spanish message if a header names a group beyond the model's limit (`falla999_inicio`)."""
    _indices()
    m = _GRUPO.match(nombre.strip().lower())
    if not m or (m.group("grupo"), m.group("campo")) not in _POR_GRUPO:
        return None
    campo = str(_POR_GRUPO[m.group("grupo"), m.group("campo")].ruta[0])
    maximo = maximo_de_grupo(campo)
    cifras = m.group("k").lstrip("0")
    # Compare digit counts first: int() of a 5,000-digit string is slow or refused.
    if not cifras or len(cifras) > len(str(maximo)) or int(cifras) > maximo:
        return (f"El número de grupo debe ir de 1 a {maximo}: un caso admite como máximo {maximo} "
                f"{NOMBRES_GRUPO[campo]}.")
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
        return Columna(nombre, (base.ruta[0], k, *base.ruta[2:]), base.tipo, base.opciones,
                       False, base.descripcion)
    return None


def nombre_de_ruta(ruta: str) -> str:
    """The column a case path (`fallas[0].fin`, `contrato.servicios[1]`) came from."""
    partes = [int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", ruta) if p]
    if partes and partes[0] in GRUPOS and len(partes) > 1 and isinstance(partes[1], int):
        grupo = GRUPOS[str(partes[0])][0]
        campo = partes[2] if len(partes) > 2 else "*"
        return f"{grupo}{int(partes[1]) + 1}_{campo}"
    _indices()
    while partes:
        for c in _POR_NOMBRE.values():
            if tuple(c.ruta) == tuple(partes):
                return c.nombre
        partes = partes[:-1]
    return ruta or "fila"
