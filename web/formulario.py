"""The interview's answers as typed (form name → text), read from a post or from a case."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from werkzeug.datastructures import MultiDict

from rules.caso import en_bogota
from web.campos import GRUPOS, PASOS, PREGUNTAS, Bloque, Grupo, Pregunta

Valor = str | list[str]
_INDICE_MAXIMO = 10_000
_TRES = {True: "si", False: "no", None: "nose"}
# Kinds whose blank means "no answer" in a row; a row with all of these blank is empty.
_ESCRITOS = {"texto", "area", "nombre", "documento", "correo", "telefono", "cun", "entero", "pesos",
             "fecha", "fecha_hora"}
_CONDICION = re.compile(r"^(.+?)(!?=)(.*)$")


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
        """Whether row `i` of `grupo` has nothing written (then it is ignored)."""
        return all(not self.valor(f"{grupo}[{i}].{c.nombre}").strip()
                   for c in GRUPOS[grupo].campos if c.tipo in _ESCRITOS)

    def filas_llenas(self, grupo: str) -> list[int]:
        """Indices of the rows of `grupo` that hold an answer."""
        return [i for i in range(self.filas.get(grupo, 0)) if not self.fila_vacia(grupo, i)]

    def aplica(self, condicion: str, prefijo: str = "") -> bool:
        """Whether a `visible_si` condition holds (`.x` names a field of the row `prefijo`)."""
        m = _CONDICION.match(condicion)
        if not condicion or not m:
            return True
        nombre = prefijo + m.group(1) if m.group(1).startswith(".") else m.group(1)
        dados = self.lista(nombre) if isinstance(self.valores.get(nombre), list) else [self.valor(nombre)]
        presente = any(dados) if m.group(3) == "*" else m.group(3) in dados
        return presente if m.group(2) == "=" else not presente


def _simples() -> list[Pregunta]:
    return [p for n, p in PREGUNTAS.items() if "[]" not in n]


def _blanco(p: Pregunta) -> Valor:
    return [] if p.tipo == "lista" else p.defecto


def vacio(hoy: date) -> Formulario:
    """A blank interview with its defaults and one empty row per group."""
    f = Formulario(valores={p.nombre: _blanco(p) for p in _simples()})
    f.valores["fecha_evaluacion"] = hoy.isoformat()
    del f.valores["pretensiones"]  # absent until the user sees the page: then it is suggested
    for g in GRUPOS.values():
        _poner_filas(f, g, [])
    return f


def _fila_por_defecto(g: Grupo, i: int) -> dict[str, Valor]:
    return {f"{g.clave}[{i}].{c.nombre}": _blanco(c) for c in g.campos}


def _leer_campo(datos: MultiDict[str, str], nombre: str, c: Pregunta) -> Valor:
    if c.tipo == "lista":
        return [v for v in datos.getlist(nombre) if v][:20]
    if c.tipo == "casilla":
        return "si" if datos.get(nombre) else ""
    return datos.get(nombre, "")[:5000]


def leer(datos: MultiDict[str, str], paso: Bloque | None = None,
         base: Formulario | None = None) -> Formulario:
    """Read a post over `base` (all pages, or only `paso`): keep what was typed, apply add/remove."""
    f = Formulario(valores=dict(base.valores) if base else {}, filas=dict(base.filas) if base else {},
                   accion=datos.get("accion", "evaluar")[:60])
    elementos = paso.elementos if paso else tuple(e for b in PASOS for e in b.elementos)
    partes = f.accion.split(":")
    # Adding or removing a row keeps the empty rows on screen; otherwise they are dropped, so that
    # row i of the form is the i-th row with answers.
    conservar_vacias = partes[0] in ("agregar", "quitar")
    for e in elementos:
        if isinstance(e, Pregunta):
            f.valores[e.nombre] = _leer_campo(datos, e.nombre, e)
            continue
        g = e
        indices = sorted({int(m.group(1)) for clave in datos
                          if (m := re.match(rf"^{g.clave}\[(\d{{1,5}})\]\.", clave))
                          and int(m.group(1)) < _INDICE_MAXIMO})
        if partes[:2] == ["quitar", g.clave] and len(partes) == 3 and partes[2].isdigit():
            indices = [i for i in indices if i != int(partes[2])]
        for clave in [k for k in f.valores if k.startswith(g.clave + "[")]:
            del f.valores[clave]
        filas: list[dict[str, Valor]] = []
        for i in indices[:g.maximo]:
            fila = {c.nombre: _leer_campo(datos, f"{g.clave}[{i}].{c.nombre}", c) for c in g.campos}
            if conservar_vacias or any(str(fila[c.nombre]).strip() for c in g.campos
                                       if c.tipo in _ESCRITOS):
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


def sugerir(f: Formulario) -> None:
    """Fill what earlier answers suggest: a new outage row covers the contract's services; the
    wants start with what the facts point to. The person sees and can change both."""
    for i in range(f.filas.get("fallas", 0)):
        if f.fila_vacia("fallas", i) and not f.lista(f"fallas[{i}].servicios"):
            f.valores[f"fallas[{i}].servicios"] = list(f.lista("contrato.servicios"))
    if "pretensiones" not in f.valores:
        sugeridas = []
        if f.filas_llenas("fallas"):
            sugeridas += ["compensacion", "informacion_falla"]
        if f.filas_llenas("gastos_adicionales"):
            sugeridas.append("reembolso_gastos")
        if f.filas_llenas("cambios_unilaterales"):
            sugeridas.append("revertir_cambio")
        f.valores["pretensiones"] = sugeridas


def desde_caso(caso: dict[str, Any]) -> Formulario:
    """The interview filled with a (validated, JSON-mode) case, to change an answer."""
    f = Formulario(valores={p.nombre: ([] if p.tipo == "lista" else "") for p in _simples()})
    for p in _simples():
        if p.en_modelo:
            f.valores[p.nombre] = _texto(_buscar(caso, p.nombre), p)
    f.valores["permanencia.tiene"] = ("si" if caso.get("permanencia") else
                                      "nose" if caso.get("hay_permanencia") == "no_se" else "no")
    f.valores["reclamaciones.hay"] = "si" if caso.get("reclamaciones") else "no"
    f.valores["solicitud_terminacion.ya"] = "si" if caso.get("solicitud_terminacion") else "no"
    for g in GRUPOS.values():
        datos = list(caso.get(g.clave) or [])
        filas = _fallas_en_filas(datos) if g.clave == "fallas" else [
            {c.nombre: _texto(d.get(c.nombre), c) for c in g.campos} for d in datos]
        for fila in filas:
            if g.clave == "reclamaciones":
                fila["respondida"] = "si" if fila["fecha_respuesta"] else "no"
        _poner_filas(f, g, filas[:g.maximo])
    return f


def _fallas_en_filas(fallas: list[dict[str, Any]]) -> list[dict[str, Valor]]:
    """Incidents that differ only in the service become one row with several services."""
    grupo = GRUPOS["fallas"]
    filas: list[dict[str, Valor]] = []
    for d in fallas:
        fila = {c.nombre: _texto(d.get(c.nombre), c) for c in grupo.campos if c.en_modelo}
        fila["sigue"] = "" if d.get("fin") else "si"
        igual = next((x for x in filas if all(x[k] == v for k, v in fila.items())), None)
        if igual is not None:
            igual["servicios"] = [*igual["servicios"], d["servicio"]]
        else:
            filas.append({**fila, "servicios": [d["servicio"]]})
    return filas


def _buscar(datos: Any, ruta: str) -> Any:
    for parte in ruta.split("."):
        if not isinstance(datos, dict):
            return None
        datos = datos.get(parte)
    return datos


def _texto(valor: Any, c: Pregunta) -> Valor:
    if c.tipo == "lista":
        return [str(v) for v in valor or []]
    if c.tipo == "tres":
        return _TRES.get(valor, "nose")
    if c.tipo == "casilla":
        return "si" if valor else ""
    if c.tipo == "fecha_hora" and valor:
        return f"{en_bogota(datetime.fromisoformat(valor)):%Y-%m-%dT%H:%M}"
    return "" if valor is None else str(valor)


def orden(f: Formulario) -> list[str]:
    """Every form name in the order the pages show it (for the error summary)."""
    nombres: list[str] = []
    for b in PASOS:
        for e in b.elementos:
            if isinstance(e, Pregunta):
                nombres.append(e.nombre)
            else:
                for i in range(f.filas.get(e.clave, 0)):
                    nombres.extend(f"{e.clave}[{i}].{c.nombre}" for c in e.campos)
    return nombres

