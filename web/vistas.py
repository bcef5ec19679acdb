"""The pages for people: home, the case form, the decision, letters to download, rules, privacy."""

from __future__ import annotations

from datetime import date, datetime

from flask import Blueprint, Response, abort, current_app, render_template, request

from rules import Caso, CasoInvalido
from rules.caso import BOGOTA
from rules.decision import TIPOS_CARTA
from web import cartas, presentacion
from web.campos import SECCIONES
from web.errores import respuesta_error
from web.esquemas import catalogo_validado
from web.formulario import Formulario, desde_caso, leer, vacio
from web.mapeo import ErrorVisible, ubicar, validar_formulario
from web.motor import decidir, validar
from web.seguridad import limite_pdf

paginas = Blueprint("paginas", __name__)


def hoy_en_bogota() -> date:
    """Today's date in Bogotá (the default evaluation date)."""
    return datetime.now(BOGOTA).date()


def _formulario(f: Formulario, errores: list[ErrorVisible] | None = None, aviso: str = "",
                codigo: int = 200) -> tuple[str, int]:
    errores = errores or []
    por_campo: dict[str, list[str]] = {}
    for e in errores:
        if e.nombre:
            por_campo.setdefault(e.nombre, []).append(e.mensaje)
    return render_template("formulario.html", f=f, secciones=SECCIONES, errores=errores,
                           errores_por_campo=por_campo, aviso=aviso), codigo


def formulario_con_aviso(aviso: str) -> str:
    """The case form as posted, with a notice on top (used when the CSRF token expired)."""
    return _formulario(leer(request.form), aviso=aviso)[0]


@paginas.get("/")
def inicio() -> str:
    """Home: what Salida does and where to start."""
    return render_template("inicio.html")


@paginas.get("/caso")
def formulario() -> tuple[str, int]:
    """The blank case form."""
    return _formulario(vacio(hoy_en_bogota()))


@paginas.post("/caso")
def enviar() -> tuple[str, int]:
    """The form posted: add or remove a row, show errors beside fields, or show the decision."""
    f = leer(request.form)
    if f.accion != "evaluar":
        return _formulario(f)
    caso, errores = validar_formulario(f)
    if caso is None:
        return _formulario(f, errores, codigo=422)
    try:
        return _decision(caso), 200
    except CasoInvalido as exc:
        return _formulario(f, ubicar(f, [], exc.errores), codigo=422)


@paginas.post("/caso/editar")
def editar() -> tuple[str, int]:
    """Back to the form from the decision page, with every answer kept (the case travels posted)."""
    return _formulario(desde_caso(_caso_enviado().model_dump(mode="json")))


def _caso_enviado() -> Caso:
    try:
        return validar(request.form.get("caso", ""))
    except CasoInvalido:
        abort(400)


def _decision(caso: Caso) -> str:
    decision = decidir(caso)
    hitos = presentacion.linea_de_tiempo(decision)
    return render_template(
        "decision.html", caso=caso, d=decision, caso_json=caso.model_dump_json(),
        respuesta=presentacion.respuesta(caso, decision),
        avisos=presentacion.avisos(decision),
        hitos=hitos, proximo=next((h for h in hitos if h.situacion == "pendiente"), None),
        faltantes=presentacion.faltantes(decision),
        por_que=presentacion.por_que(decision),
        compensacion=presentacion.compensacion_filas(decision),
        cartas=cartas.para_la_pagina(caso, decision),
    )



@paginas.post("/cartas/<tipo>.<formato>")
@limite_pdf
def carta(tipo: str, formato: str) -> Response:
    """One letter of the posted case, downloaded as PDF or text."""
    if tipo not in TIPOS_CARTA or formato not in ("pdf", "txt"):
        abort(404)
    caso = _caso_enviado()
    decision = decidir(caso)
    if tipo not in decision.cartas_posibles:
        return respuesta_error(409, decision.cartas_no_disponibles.get(tipo))
    return cartas.descarga(caso, decision, tipo, formato)


@paginas.get("/reglas")
def reglas() -> str:
    """The rule catalogue, for lawyers and advocates: citations, status, parameters by date."""
    return render_template("reglas.html", cat=catalogo_validado())


@paginas.get("/privacidad")
def privacidad() -> str:
    """The privacy notice (Ley 1581 de 2012)."""
    return render_template("privacidad.html", responsable=current_app.config["RESPONSABLE_DATOS"])
