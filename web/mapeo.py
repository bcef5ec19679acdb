"""From the interview's answers to a `Caso` and back: each answer read by its declared kind; each
error placed beside the question that asks it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from entrada import ErrorEntrada, convertir_respuesta
from rules import Caso, CasoInvalido, ErrorCampo
from rules import validar_caso as validar
from web.campos import GRUPOS, PREGUNTAS, campo_id, etiqueta, paso_de, sin_indices
from web.formulario import Formulario, orden

# Gates: an object of the case exists only when this question says "si".
_PUERTAS = {"permanencia": "permanencia.tiene", "solicitud_terminacion": "solicitud_terminacion.ya"}
# Case fields whose question has another name in the form.
_ALIAS = {"fallas": {"servicio": "servicios"}}


@dataclass(frozen=True)
class ErrorVisible:
    """An error as the page shows it: the field's name, id and label, and the Spanish message."""

    nombre: str | None
    id: str
    etiqueta: str
    mensaje: str


@dataclass
class Traduccion:
    """The case a form describes, the form's own errors, and which row each case item came from."""

    datos: dict[str, Any] = field(default_factory=dict)
    errores: list[ErrorCampo] = field(default_factory=list)
    filas: dict[str, list[int]] = field(default_factory=dict)


def _poner(datos: dict[str, Any], ruta: str, valor: Any) -> None:
    *padres, hoja = ruta.split(".")
    for p in padres:
        datos = datos.setdefault(p, {})
    datos[hoja] = valor


def _respuesta(f: Formulario, t: Traduccion, nombre: str, prefijo: str = "") -> Any:
    """One answer, converted by its kind; None when blank, not asked, or refused (error noted)."""
    p = PREGUNTAS[sin_indices(nombre)]
    if not f.aplica(p.visible_si, prefijo):
        return None
    crudo = f.lista(nombre) if p.tipo == "lista" else f.valor(nombre)
    try:
        valor = convertir_respuesta(p, crudo)
    except ErrorEntrada as exc:
        t.errores.append(ErrorCampo(nombre, exc.mensaje))
        return None
    if p.exigir and valor in (None, []) and crudo in ("", []):
        t.errores.append(ErrorCampo(nombre, p.exigir))
    return valor


def _con_valor(datos: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in datos.items() if v is not None}


def _fila(f: Formulario, t: Traduccion, grupo: str, i: int) -> dict[str, Any]:
    prefijo = f"{grupo}[{i}]"
    return {c.nombre: _respuesta(f, t, f"{prefijo}.{c.nombre}", prefijo) for c in GRUPOS[grupo].campos}


def _fallas(f: Formulario, t: Traduccion, reclamo: bool) -> list[dict[str, Any]]:
    """Each outage row becomes one incident per service it hit."""
    fallas: list[dict[str, Any]] = []
    t.filas["fallas"] = []
    for i in f.filas_llenas("fallas"):
        r = _fila(f, t, "fallas", i)
        if not r["sigue"] and r["fin"] is None and r["inicio"] is not None \
                and not f.valor(f"fallas[{i}].fin").strip():
            t.errores.append(ErrorCampo(f"fallas[{i}].fin", "Escriba cuándo volvió el servicio o "
                                                             "marque «Todavía sigue sin servicio»."))
        comun = _con_valor({"inicio": r["inicio"], "fin": None if r["sigue"] else r["fin"],
                            "masiva": r["masiva"], "reportada": bool(r["cun"]) or reclamo,
                            "cun": r["cun"], "descripcion": r["descripcion"]})
        for servicio in r["servicios"] or [None]:
            fallas.append({**_con_valor({"servicio": servicio, **comun}),
                           "masiva": r["masiva"]})  # None is "No sé", kept as such
            t.filas["fallas"].append(i)
    return fallas


def _reclamaciones(f: Formulario, t: Traduccion, pretensiones: list[str]) -> list[dict[str, Any]]:
    if _respuesta(f, t, "reclamaciones.hay") is not True:
        t.filas["reclamaciones"] = []
        return []
    t.filas["reclamaciones"] = f.filas_llenas("reclamaciones")
    if not t.filas["reclamaciones"]:
        t.errores.append(ErrorCampo("reclamaciones[0].fecha_radicacion",
                                    "Escriba cuándo reclamó (o responda «No» arriba)."))
    filas = []
    for i in t.filas["reclamaciones"]:
        r = _fila(f, t, "reclamaciones", i)
        del r["respondida"]
        # The wants are asked once: the complaint asked for them too.
        filas.append(_con_valor({**r, "pretensiones": pretensiones,
                                 "respuesta_incompleta": bool(r["respuesta_incompleta"])}))
    return filas


def _filas_simples(f: Formulario, t: Traduccion, grupo: str) -> list[dict[str, Any]]:
    t.filas[grupo] = f.filas_llenas(grupo)
    return [_con_valor(_fila(f, t, grupo, i)) for i in t.filas[grupo]]


def a_caso(f: Formulario) -> Traduccion:
    """The case the answers describe (for `validar`), with the form's own errors."""
    t = Traduccion()
    for nombre, p in PREGUNTAS.items():
        if "[]" in nombre or not p.en_modelo or nombre == "pretensiones":
            continue
        raiz = nombre.split(".")[0]
        if raiz in _PUERTAS and f.valor(_PUERTAS[raiz]) != "si":
            continue
        valor = _respuesta(f, t, nombre)
        if valor is not None:
            _poner(t.datos, nombre, valor)
    for raiz, puerta in _PUERTAS.items():
        if _respuesta(f, t, puerta) is True:
            t.datos.setdefault(raiz, {})
    if f.valor("permanencia.tiene") == "nose":  # "No sé" is not "No": the result says what knowing changes
        t.datos["hay_permanencia"] = "no_se"
    permanencia = t.datos.get("permanencia")
    if permanencia is not None and "fecha_inicio" not in permanencia:
        permanencia["fecha_inicio"] = t.datos.get("contrato", {}).get("fecha_inicio")
    pretensiones = _respuesta(f, t, "pretensiones") or []
    t.datos["pretensiones"] = pretensiones
    if not t.datos.get("contrato", {}).get("servicios"):
        t.errores.append(ErrorCampo("contrato.servicios", "Marque al menos un servicio."))
    t.datos["reclamaciones"] = _reclamaciones(f, t, pretensiones)
    t.datos["fallas"] = _fallas(f, t, bool(t.datos["reclamaciones"]))
    for grupo in ("gastos_adicionales", "cambios_unilaterales"):
        t.datos[grupo] = _filas_simples(f, t, grupo)
    return t


def validar_formulario(f: Formulario, paso: str | None = None) -> tuple[Caso | None, list[ErrorVisible]]:
    """Validate the answers as a case: the case, or every error beside its field (of `paso` only,
    when given: the later pages are not answered yet)."""
    t = a_caso(f)
    try:
        caso: Caso | None = validar(t.datos)
        del_motor: list[ErrorCampo] = []
    except CasoInvalido as exc:
        caso, del_motor = None, exc.errores
    errores = ubicar(f, t.errores, del_motor, t.filas)
    if paso is not None:
        errores = [e for e in errores if paso_de(e.nombre) == paso]
    return (None if errores or del_motor or t.errores else caso), errores


def nombre_del_campo(ruta: str, filas: dict[str, list[int]] | None = None) -> str | None:
    """The form field for an engine path: `fallas[3].fin` → `fallas[1].fin`; None if none."""
    if not ruta:
        return None
    m = re.match(r"^(\w+)\[(\d+)\]\.?([^.\[]*)", ruta)
    if m and m.group(1) in GRUPOS:
        grupo, k, resto = m.group(1), int(m.group(2)), m.group(3)
        indices = (filas or {}).get(grupo)
        i = indices[k] if indices and k < len(indices) else k
        resto = _ALIAS.get(grupo, {}).get(resto, resto)
        nombres = [c.nombre for c in GRUPOS[grupo].campos]
        return f"{grupo}[{i}].{resto if resto in nombres else nombres[0]}"
    if ruta in _PUERTAS:
        return _PUERTAS[ruta]
    partes = re.sub(r"\[\d+\]", "", ruta).split(".")
    while partes:
        candidato = ".".join(partes)
        if candidato in PREGUNTAS:
            return candidato
        hijos = [n for n in PREGUNTAS if n.startswith(candidato + ".")]
        if hijos:
            return hijos[0]
        partes.pop()
    return None


def ubicar(f: Formulario, propios: list[ErrorCampo], del_motor: list[ErrorCampo],
           filas: dict[str, list[int]] | None = None) -> list[ErrorVisible]:
    """Place errors beside fields, the form's own first; sort them in page order, without repeats."""
    por_campo: dict[str | None, list[str]] = {}
    for e in propios:
        por_campo.setdefault(e.campo, []).append(e.mensaje)
    dichos = {n for n in por_campo if n}
    for e in del_motor:
        nombre = nombre_del_campo(e.campo, filas)
        if nombre and nombre in dichos:
            continue  # the form already said it, in plainer words
        mensajes = por_campo.setdefault(nombre, [])
        if e.mensaje not in mensajes:
            mensajes.append(e.mensaje)
    posicion = {n: i for i, n in enumerate(orden(f))}
    visibles = [
        ErrorVisible(n, campo_id(n) if n else "formulario", etiqueta(n) if n else "Caso", m)
        for n, mensajes in por_campo.items() for m in mensajes
    ]
    return sorted(visibles, key=lambda e: posicion.get(e.nombre or "", len(posicion)))
