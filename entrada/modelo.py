"""What the `Caso` model says about a field: its limits and choices, read once from pydantic."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, get_args, get_origin

from annotated_types import Ge, Le, MaxLen, MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from rules.caso import Caso


@dataclass(frozen=True)
class Limites:
    """A field's limits as the model declares them (None: no limit)."""

    minimo_largo: int | None = None
    maximo_largo: int | None = None
    minimo: int | None = None
    maximo: int | None = None
    opciones: tuple[str, ...] = ()
    obligatorio: bool = False


def _desnudar(anotacion: Any, metadatos: list[Any]) -> Any:
    """Strip Annotated and `| None`, collecting constraint metadata on the way."""
    while True:
        origen = get_origin(anotacion)
        if origen is typing.Annotated:
            anotacion, *extra = get_args(anotacion)
            for e in extra:
                metadatos.extend(e.metadata if isinstance(e, FieldInfo) else [e])
        elif origen in (typing.Union, types.UnionType):
            resto = [a for a in get_args(anotacion) if a is not type(None)]
            if len(resto) != 1:
                return anotacion
            anotacion = resto[0]
        else:
            return anotacion


@cache
def limites(ruta: str) -> Limites:
    """The limits of a `Caso` path such as `contrato.valor_mensual` or `fallas.cun` (no indices)."""
    modelo: type[BaseModel] = Caso
    info: FieldInfo | None = None
    obligatorio = True
    metadatos: list[Any] = []
    for parte in ruta.split("."):
        if info is not None:
            metadatos = []
            tipo = _desnudar(info.annotation, metadatos)
            if get_origin(tipo) is list:
                tipo = _desnudar(get_args(tipo)[0], metadatos)
            if get_origin(tipo) is dict:
                info = FieldInfo.from_annotation(get_args(tipo)[1])
                break
            modelo = tipo
        info = modelo.model_fields[parte]
        obligatorio = obligatorio and info.is_required()
    assert info is not None
    metadatos = list(info.metadata)
    tipo = _desnudar(info.annotation, metadatos)
    if get_origin(tipo) is list:
        tipo = _desnudar(get_args(tipo)[0], [])
    opciones = tuple(get_args(tipo)) if get_origin(tipo) is Literal else ()

    def valor(clase: type, atributo: str) -> int | None:
        return next((getattr(m, atributo) for m in metadatos if isinstance(m, clase)), None)

    return Limites(valor(MinLen, "min_length"), valor(MaxLen, "max_length"), valor(Ge, "ge"),
                   valor(Le, "le"), opciones, obligatorio)


@dataclass(frozen=True)
class Campo:
    """A leaf of the `Caso` model: its path without indices, bare type, description and nullability."""

    ruta: str
    tipo: Any
    descripcion: str
    nulo: bool  # `None` is a value of its own (e.g. "No sé"), not only "absent"


def campos(modelo: type[BaseModel] = Caso, prefijo: str = "") -> list[Campo]:
    """Every leaf of the model in its order: nested objects and lists of objects are walked
    (`fallas.inicio`), a dict by service is one leaf per service (`contrato.valores_por_servicio.movil`)."""
    hojas: list[Campo] = []
    for nombre, info in modelo.model_fields.items():
        ruta = prefijo + nombre
        descripcion = (info.description or "").replace("\n", " ")
        tipo = _desnudar(info.annotation, [])
        interior = _desnudar(get_args(tipo)[0], []) if get_origin(tipo) in (list, dict) else None
        if isinstance(tipo, type) and issubclass(tipo, BaseModel):
            hojas += campos(tipo, ruta + ".")
        elif isinstance(interior, type) and issubclass(interior, BaseModel):
            hojas += campos(interior, ruta + ".")
        elif get_origin(tipo) is dict:
            valor = _desnudar(get_args(tipo)[1], [])
            hojas += [Campo(f"{ruta}.{clave}", valor, descripcion, False)
                      for clave in get_args(interior)]
        else:
            nulo = type(None) in get_args(_desnudar_anotado(info.annotation))
            hojas.append(Campo(ruta, tipo, descripcion, nulo))
    return hojas


def _desnudar_anotado(anotacion: Any) -> Any:
    while get_origin(anotacion) is typing.Annotated:
        anotacion = get_args(anotacion)[0]
    return anotacion
