"""The pages for people: home, the interview, the result, letters to download, rules, privacy."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as WResponse

from presentacion import hoy_en_bogota
from rules import TIPOS_CARTA, Caso, CasoInvalido, evaluar, validar_caso
from web import borradores, cartas, presentacion
from web.campos import PASOS, Bloque, campo_id, etiqueta, paso_de
from web.esquemas import catalogo_validado
from web.formulario import Formulario, desde_caso, leer, sugerir, vacio
from web.mapeo import ErrorVisible, ubicar, validar_formulario
from web.presentacion import descargar_carta
from web.resumen import resumen
from web.seguridad import limite_pdf

paginas = Blueprint("paginas", __name__)
_POR_ID: dict[str, Bloque] = {p.id: p for p in PASOS}
TOTAL_PASOS = len(PASOS) + 1  # the pages of questions and "Revise sus respuestas"


def _sin_cache(respuesta: Any) -> Response:
    """Pages with answers are never stored by the browser or a proxy (Back asks the server again)."""
    r = current_app.make_response(respuesta)
    r.headers["Cache-Control"] = "no-store"
    return r


def _por_campo(errores: list[ErrorVisible]) -> dict[str, list[str]]:
    por_campo: dict[str, list[str]] = {}
    for e in errores:
        if e.nombre:
            por_campo.setdefault(e.nombre, []).append(e.mensaje)
    return por_campo


def _pagina(f: Formulario, pasos: tuple[Bloque, ...], accion: str, *, numero: int | None = None,
            errores: list[ErrorVisible] | None = None, aviso: str = "", codigo: int = 200,
            atras: str | None = None, volver: str = "") -> tuple[str, int]:
    errores = errores or []
    return render_template(
        "formulario.html", f=f, pasos=pasos, errores=errores, errores_por_campo=_por_campo(errores),
        aviso=aviso, accion=accion, numero=numero, total=TOTAL_PASOS, atras=atras, volver=volver,
    ), codigo


def formulario_con_aviso(aviso: str) -> str:
    """The answers as posted, with a notice on top (used when the CSRF token expired)."""
    paso = _POR_ID.get((request.view_args or {}).get("paso", ""))
    if paso is not None:
        f = leer(request.form, paso, _borrador())
        return _pagina_de_paso(f, paso, aviso=aviso)[0]
    return _pagina(leer(request.form), PASOS, url_for("paginas.enviar"), aviso=aviso)[0]


def _borrador() -> Formulario:
    datos = borradores.leer()
    if not datos:
        return vacio(hoy_en_bogota())
    return Formulario(valores=datos.get("valores", {}), filas=datos.get("filas", {}),
                      enfocar=datos.get("enfocar"))


def _guardar(f: Formulario, enfocar: str | None = None) -> None:
    borradores.guardar({"valores": f.valores, "filas": f.filas, "enfocar": enfocar})


def _pagina_de_paso(f: Formulario, paso: Bloque, **extra: Any) -> tuple[str, int]:
    i = PASOS.index(paso)
    atras = url_for("paginas.paso", paso=PASOS[i - 1].id) if i else url_for("paginas.inicio")
    sugerir(f)
    return _pagina(f, (paso,), url_for("paginas.paso", paso=paso.id), numero=i + 1, atras=atras,
                   volver=request.args.get("volver", "") or request.form.get("volver", ""), **extra)


@paginas.get("/")
def inicio() -> str:
    """Home: what Salida does and where to start."""
    return render_template("inicio.html")


@paginas.get("/caso")
def formulario() -> Response:
    """The interview's first page (the entry point)."""
    return paso_get(PASOS[0].id)


@paginas.get("/caso/paso/<paso>")
def paso_get(paso: str) -> Response:
    """One page of the interview, with the answers given so far."""
    bloque = _POR_ID.get(paso) or abort(404)
    f = _borrador()
    respuesta = _sin_cache(_pagina_de_paso(f, bloque))
    if f.enfocar:  # shown once (a row just added), then forgotten
        _guardar(f)
    return respuesta


@paginas.post("/caso/paso/<paso>")
def paso(paso: str) -> Response | WResponse:
    """Answers of one page: keep them, add or remove a row, show errors, or go on."""
    bloque = _POR_ID.get(paso) or abort(404)
    f = leer(request.form, bloque, _borrador())
    volver = request.form.get("volver", "")
    if f.accion.startswith(("agregar:", "quitar:")):
        _guardar(f, f.enfocar)
        ancla = "#" + campo_id(f.enfocar) if f.enfocar else ""
        return redirect(url_for("paginas.paso_get", paso=paso, volver=volver or None) + ancla, 303)
    _guardar(f)
    _, errores = validar_formulario(f, paso)
    if errores:
        return _sin_cache(_pagina_de_paso(f, bloque, errores=errores, codigo=422))
    i = PASOS.index(bloque)
    if volver == "revisar" or i + 1 == len(PASOS):
        return redirect(url_for("paginas.revisar"), 303)
    return redirect(url_for("paginas.paso_get", paso=PASOS[i + 1].id), 303)


def _revision(f: Formulario, errores: list[ErrorVisible], codigo: int = 200) -> Response:
    return _sin_cache((render_template(
        "revisar.html", f=f, secciones=resumen(f), errores=errores, numero=TOTAL_PASOS,
        total=TOTAL_PASOS, atras=url_for("paginas.paso_get", paso=PASOS[-1].id),
        enlace_error=_enlace_error), codigo))


def _enlace_error(e: ErrorVisible) -> str:
    paso = paso_de(e.nombre) or PASOS[0].id
    return url_for("paginas.paso_get", paso=paso, volver="revisar") + "#" + e.id


@paginas.get("/caso/revisar")
def revisar() -> Response:
    """"Revise sus respuestas": every answer with a link to change it."""
    f = _borrador()
    sugerir(f)
    return _revision(f, [])


@paginas.post("/caso/revisar")
def confirmar() -> Response | WResponse:
    """Check the whole case; on success the result gets its own address."""
    f = _borrador()
    sugerir(f)
    caso, errores = validar_formulario(f)
    if caso is None:
        return _revision(f, errores or [ErrorVisible(None, "formulario", "Caso",
                                                     "Revise sus respuestas.")], 422)
    return redirect(url_for("paginas.resultado"), 303)


@paginas.get("/caso/resultado")
def resultado() -> Response | WResponse:
    """The decision for the answers of this browser's draft (reload and Back keep working)."""
    datos = borradores.leer()
    if not datos:
        return redirect(url_for("paginas.formulario"), 303)
    f = _borrador()
    sugerir(f)
    caso, _ = validar_formulario(f)
    if caso is None:
        return redirect(url_for("paginas.revisar"), 303)
    try:
        return _sin_cache(_decision(caso))
    except CasoInvalido:
        return redirect(url_for("paginas.revisar"), 303)


@paginas.post("/caso")
def enviar() -> tuple[str, int]:
    """Every page's answers posted at once (scripts, the benchmark): errors or the decision."""
    f = leer(request.form)
    sugerir(f)
    if f.accion != "evaluar":
        return _pagina(f, PASOS, url_for("paginas.enviar"))
    caso, errores = validar_formulario(f)
    if caso is None:
        return _pagina(f, PASOS, url_for("paginas.enviar"), errores=errores, codigo=422)
    try:
        return _decision(caso), 200
    except CasoInvalido as exc:
        return _pagina(f, PASOS, url_for("paginas.enviar"), errores=ubicar(f, [], exc.errores),
                       codigo=422)


@paginas.post("/caso/editar")
def editar() -> WResponse:
    """From the result (or a saved case) back to the answers: a draft from the posted case."""
    _guardar(desde_caso(_caso_enviado().model_dump(mode="json")))
    return redirect(url_for("paginas.revisar"), 303)


def _caso_enviado() -> Caso:
    try:
        return validar_caso(request.form.get("caso", ""))
    except CasoInvalido:
        abort(400)


def _decision(caso: Caso) -> str:
    decision = evaluar(caso)
    return render_template(
        "decision.html", caso=caso, d=decision, caso_json=caso.model_dump_json(),
        cartas=cartas.para_la_pagina(caso, decision), **presentacion.contexto(caso, decision),
    )


@paginas.post("/cartas/<tipo>.<formato>")
@limite_pdf
def carta(tipo: str, formato: str) -> Response:
    """One letter of the posted case, downloaded as PDF or text."""
    if tipo not in TIPOS_CARTA or formato not in ("pdf", "txt"):
        abort(404)
    caso = _caso_enviado()
    return descargar_carta(caso, evaluar(caso), tipo, formato)


@paginas.get("/reglas")
def reglas() -> str:
    """The rule catalogue, for lawyers and advocates: citations, status, parameters by date."""
    return render_template("reglas.html", cat=catalogo_validado())


@paginas.get("/privacidad")
def privacidad() -> str:
    """The privacy notice (Ley 1581 de 2012)."""
    return render_template("privacidad.html", responsable=current_app.config["RESPONSABLE_DATOS"],
                           vida_borrador_horas=borradores.VIDA_SEGUNDOS // 3600)


__all__ = ["etiqueta", "paginas"]
