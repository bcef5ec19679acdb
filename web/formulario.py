"""The form's state: what the user typed, read from a post or from a case, with its rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from werkzeug.datastructures import MultiDict

from rules.caso import en_bogota
from web.campos import CAMPOS, GRUPOS, SECCIONES, SUBCAMPOS, Campo, Grupo

Valor = str | list[str]
_INDICE_MAXIMO = 10_000
_TRES = {True: "si", False: "no", None: "nose"}


@dataclass
class Formulario:
    """Everything the user typed (form name → text), how many rows each group shows, and the action."""

    valores: dict[str, Valor] = field(default_factory=dict)
    filas: dict[str, int] = field(default_factory=dict)
    accion: str = "evaluar"
    enfocar: str | None = None  # a field to focus when the page loads (e.g. a row just added)

    def valor(self, nombre: str) -> str:
        """The text of one field ('' when blank)."""
        v = self.valores.get(nombre, "")
        return v if isinstance(v, str) else ""

    def lista(self, nombre: str) -> list[str]:
        """The checked values of a group of check boxes."""
        v = self.valores.get(nombre, [])
        return v if isinstance(v, list) else [v] if v else []

    def fila_vacia(self, grupo: str, i: int) -> bool:
        """Whether row `i` of `grupo` holds only defaults (then it is ignored)."""
        return all(_es_defecto(c, self.valores.get(f"{grupo}[{i}].{c.nombre}"))
                   for c in GRUPOS[grupo].campos)


def _es_defecto(c: Campo, valor: Valor | None) -> bool:
    if c.tipo == "casillas":
        return not valor
    return (valor or "").strip() == c.defecto if isinstance(valor, str | None) else False


def _nombres_simples() -> list[Campo]:
    simples: list[Campo] = []
    for seccion in SECCIONES:
        for e in seccion.elementos:
            if isinstance(e, Campo):
                simples.append(e)
            elif not e.fila:
                simples.extend(Campo(**{**vars(c), "nombre": f"{e.clave}.{c.nombre}"}) for c in e.campos)
    return simples


SIMPLES: list[Campo] = _nombres_simples()


def vacio(hoy: date) -> Formulario:
    """A blank form with its defaults and a few empty rows per group."""
    f = Formulario(valores={c.nombre: ([] if c.tipo == "casillas" else c.defecto) for c in SIMPLES})
    f.valores["fecha_evaluacion"] = hoy.isoformat()
    for g in GRUPOS.values():
        f.filas[g.clave] = g.vacias
        for i in range(g.vacias):
            f.valores.update(_fila_por_defecto(g, i))
    return f


def _fila_por_defecto(g: Grupo, i: int) -> dict[str, Valor]:
    return {f"{g.clave}[{i}].{c.nombre}": ([] if c.tipo == "casillas" else c.defecto) for c in g.campos}


def _leer_campo(datos: MultiDict[str, str], nombre: str, c: Campo) -> Valor:
    if c.tipo == "casillas":
        return [v for v in datos.getlist(nombre) if v][:20]
    if c.tipo == "casilla":
        return "si" if datos.get(nombre) else ""
    return datos.get(nombre, "")


def leer(datos: MultiDict[str, str]) -> Formulario:
    """Read a posted form: keep what was typed, drop empty rows, apply 'add' or 'remove row'."""
    f = Formulario(accion=datos.get("accion", "evaluar")[:60])
    for c in SIMPLES:
        f.valores[c.nombre] = _leer_campo(datos, c.nombre, c)
    partes = f.accion.split(":")
    # Adding or removing a row keeps the empty rows on screen; evaluating drops them, so that row i
    # of the form is item i of the case (and an error on `fallas[i]` lands on row i).
    conservar_vacias = partes[0] in ("agregar", "quitar")
    for g in GRUPOS.values():
        indices = sorted({int(m.group(1)) for clave in datos
                          if (m := re.match(rf"^{g.clave}\[(\d{{1,5}})\]\.", clave))
                          and int(m.group(1)) < _INDICE_MAXIMO})
        if partes[:2] == ["quitar", g.clave] and len(partes) == 3 and partes[2].isdigit():
            indices = [i for i in indices if i != int(partes[2])]
        filas: list[dict[str, Valor]] = []
        for i in indices[:g.maximo]:
            fila = {c.nombre: _leer_campo(datos, f"{g.clave}[{i}].{c.nombre}", c) for c in g.campos}
            if conservar_vacias or not all(_es_defecto(c, fila[c.nombre]) for c in g.campos):
                filas.append(fila)
        extra = 1 if partes == ["agregar", g.clave] else 0
        total = _poner_filas(f, g, filas, extra)
        if extra:
            f.enfocar = f"{g.clave}[{total - 1}].{g.campos[0].nombre}"
    return f


def _poner_filas(f: Formulario, g: Grupo, filas: list[dict[str, Valor]], extra: int = 0) -> int:
    total = min(g.maximo, max(len(filas), g.vacias) + extra)
    f.filas[g.clave] = total
    for i, fila in enumerate(filas):
        f.valores.update({f"{g.clave}[{i}].{k}": v for k, v in fila.items()})
    for i in range(len(filas), total):
        f.valores.update(_fila_por_defecto(g, i))
    return total


def desde_caso(caso: dict[str, Any]) -> Formulario:
    """The form filled with a (validated) case, to change an answer from the decision page."""
    f = Formulario(valores={c.nombre: ([] if c.tipo == "casillas" else "") for c in SIMPLES})
    for c in SIMPLES:
        valor = _buscar(caso, c.nombre)
        if valor is not None or c.tipo == "tres":
            f.valores[c.nombre] = _texto(valor, c)
    perm = caso.get("permanencia")
    f.valores["permanencia.tiene"] = "si" if perm else "no"
    if not perm:
        f.valores.update({c.nombre: c.defecto for c in SIMPLES
                          if c.nombre.startswith("permanencia.") and c.nombre != "permanencia.tiene"})
    f.valores["solicitud_terminacion.ya"] = "si" if caso.get("solicitud_terminacion") else "no"
    if not caso.get("solicitud_terminacion"):
        f.valores["solicitud_terminacion.canal"] = "web"
    for g in GRUPOS.values():
        filas = [_fila_desde_caso(g, dato) for dato in caso.get(g.clave) or []]
        _poner_filas(f, g, filas[:g.maximo])
    return f


def _buscar(datos: Any, ruta: str) -> Any:
    for parte in ruta.split("."):
        if not isinstance(datos, dict):
            return None
        datos = datos.get(parte)
    return datos


def _texto(valor: Any, c: Campo) -> Valor:
    if c.tipo == "casillas":
        return [str(v) for v in valor or []]
    if c.tipo == "tres":
        return _TRES.get(valor, "nose")
    if c.tipo == "casilla":
        return "si" if valor else ""
    return "" if valor is None else str(valor)


def _fila_desde_caso(g: Grupo, dato: dict[str, Any]) -> dict[str, Valor]:
    fila: dict[str, Valor] = {c.nombre: _texto(dato.get(c.nombre), c) for c in g.campos}
    if g.clave == "fallas":
        for clave in ("inicio", "fin"):
            momento = dato.get(clave)
            if momento:
                m = en_bogota(datetime.fromisoformat(momento))
                fila[f"{clave}_fecha"], fila[f"{clave}_hora"] = m.date().isoformat(), f"{m:%H:%M}"
        fila["sigue"] = "" if dato.get("fin") else "si"
    return fila


def orden(f: Formulario) -> list[str]:
    """Every form name in the order the page shows it (for the error summary)."""
    nombres: list[str] = []
    for seccion in SECCIONES:
        for e in seccion.elementos:
            if isinstance(e, Campo):
                nombres.append(e.nombre)
            elif e.clave in SUBCAMPOS:
                nombres.extend(f"{e.clave}.{c.nombre}" for c in e.campos)
            else:
                for i in range(f.filas.get(e.clave, 0)):
                    nombres.extend(f"{e.clave}[{i}].{c.nombre}" for c in e.campos)
    return nombres


def conocido(nombre: str) -> bool:
    """Whether a form name exists (with its row index stripped)."""
    return re.sub(r"\[\d+\]", "[]", nombre) in CAMPOS
