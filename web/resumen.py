""""Revise sus respuestas": each page's answers in words, each with the question to change it."""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for

from entrada import ErrorEntrada, convertir_respuesta
from rules import texto as tx
from web.campos import PASOS, Grupo, Pregunta, campo_id
from web.formulario import Formulario

_SIN_RESPUESTA = "Sin responder"


@dataclass(frozen=True)
class Respuesta:
    """One answer as the review page shows it."""

    pregunta: str
    texto: str
    enlace: str
    id: str  # the question's field id, so a link to `#campo-…` lands on its line


@dataclass(frozen=True)
class Seccion:
    """The answers of one page of the interview."""

    titulo: str
    enlace: str
    respuestas: list[Respuesta]


def _en_palabras(p: Pregunta, f: Formulario, nombre: str) -> str:
    opciones = dict(p.opciones)
    if p.tipo == "lista":
        return ", ".join(opciones.get(v, v) for v in f.lista(nombre)) or "Ninguno"
    valor = f.valor(nombre).strip()
    if p.tipo == "casilla":
        return "Sí" if valor else "No"
    if p.tipo in ("tres", "opcion"):
        return opciones.get(valor, "No sé" if p.tipo == "tres" else _SIN_RESPUESTA) if valor else (
            "No sé" if p.tipo == "tres" and not p.exigir else _SIN_RESPUESTA)
    if not valor:
        return _SIN_RESPUESTA
    try:
        leido = convertir_respuesta(p, valor)
    except ErrorEntrada:
        return valor  # shown as typed; the error is listed above
    if p.tipo == "pesos":
        return tx.pesos(leido)
    if p.tipo == "fecha":
        return tx.fecha(leido)
    if p.tipo == "fecha_hora":
        return tx.fecha_hora(leido)
    return str(leido)


def _enlace(paso: str, nombre: str) -> str:
    return url_for("paginas.paso_get", paso=paso, volver="revisar") + "#" + campo_id(nombre)


def _pregunta(p: Pregunta, f: Formulario, paso: str, nombre: str, prefijo: str = "",
              titulo: str = "") -> Respuesta | None:
    if not f.aplica(p.visible_si, prefijo):
        return None
    texto = _en_palabras(p, f, nombre)
    if (p.opcional or p.detalle) and p.tipo != "tres" and texto in (_SIN_RESPUESTA, "No", "Ninguno"):
        return None  # an optional question left blank is not worth a line ("No sé" is)
    return Respuesta(titulo + p.etiqueta, texto, _enlace(paso, nombre), campo_id(nombre))


def resumen(f: Formulario) -> list[Seccion]:
    """Every page with the answers given on it."""
    secciones = []
    for paso in PASOS:
        filas: list[Respuesta] = []
        for e in paso.elementos:
            if isinstance(e, Pregunta):
                r = _pregunta(e, f, paso.id, e.nombre)
                filas += [r] if r else []
                continue
            g: Grupo = e
            if not f.aplica(g.visible_si):
                continue
            for i in f.filas_llenas(g.clave):
                prefijo = f"{g.clave}[{i}]"
                for c in g.campos:
                    r = _pregunta(c, f, paso.id, f"{prefijo}.{c.nombre}", prefijo,
                                  f"{g.fila} {i + 1}: ")
                    filas += [r] if r else []
        secciones.append(Seccion(paso.titulo, url_for("paginas.paso_get", paso=paso.id,
                                                      volver="revisar"), filas))
    return secciones
