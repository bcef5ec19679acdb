"""The organisation's pages: dashboard, case pages, operator scorecard, calendar, batch imports.

Every view needs a logged-in advocate and reads only their organisation's rows.
"""

from __future__ import annotations

import json

import werkzeug
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from batch.repositorio import huella as huella_lote
from batch.repositorio import lote_de
from casos import consultas, graficos, pagina, puntaje, repositorio
from casos.autenticacion import bd
from casos.datos import exportar_caso
from casos.icalendar_plazos import calendario_organizacion
from casos.lotes import LoteNoImportable, desde_lote
from casos.pagina import Acceso
from casos.situacion import ESTADOS_CORTOS
from casos.textos import TEXTO_LOTE
from presentacion import etiquetas as et
from presentacion import hoy_en_bogota
from store.casos import CasoGuardado, LoteOrganizacion
from store.models import Lote
from web import limite_pdf

panel = Blueprint("panel", __name__, url_prefix="/panel")


@panel.before_request
@login_required
def _exigir_cuenta() -> None:
    """Every page here needs a logged-in advocate."""


def _acceso(caso_id: int) -> Acceso:
    return Acceso("panel", {"caso_id": caso_id}, current_user.id, current_user.organizacion)


def _caso(s: Session, caso_id: int) -> CasoGuardado:
    guardado = repositorio.de_organizacion(s, caso_id, current_user.organizacion_id)
    if guardado is None:
        abort(404)
    return guardado


def _lotes_por_importar(s: Session) -> list[Lote]:
    """Batches of the organisation (uploaded by any of its accounts, or by the CLI for it) and those
    this browser uploaded anonymously, not yet imported anywhere."""
    importados = select(LoteOrganizacion.lote_id)
    token = session.get("lotes")
    propios = Lote.organizacion_id == current_user.organizacion_id
    if token:
        propios = or_(propios, (Lote.propietario == huella_lote(token)) & Lote.organizacion_id.is_(None))
    return list(
        s.scalars(
            select(Lote).where(propios, Lote.id.not_in(importados)).order_by(Lote.creado.desc()).limit(20)
        )
    )


def _importable(lote_id: str) -> bool:
    """Whether this advocate may import the batch: their organisation's, or this browser's own."""
    lote = lote_de(bd(), lote_id)
    if lote is None:
        return False
    if lote.organizacion_id is not None:
        return lote.organizacion_id == current_user.organizacion_id
    token = session.get("lotes")
    return bool(token) and lote_de(bd(), lote_id, token) is not None


@panel.get("/")
def inicio() -> str:
    """The dashboard: cases by status, overdue first, filters by operator, city and date."""
    filtros = consultas.Filtros.de(request.args)
    org = current_user.organizacion_id
    hoy = hoy_en_bogota()
    with bd().sesiones() as s:
        totales = consultas.resumen(s, org, hoy)
        filas, total = consultas.listar(s, org, filtros, totales.total)
        return render_template(
            "panel/panel.html",
            filas=filas,
            total=total,
            filtros=filtros,
            hoy=hoy,
            resumen=totales,
            lotes=consultas.lotes(s, org),
            lotes_sesion=_lotes_por_importar(s),
            estados_lote={"pendiente": "pendiente", "en_curso": "en curso", "terminado": "terminado",
                          "cancelado": "cancelado"},
            estados=ESTADOS_CORTOS,
            operadores=et.OPERADORES,
            por_pagina=consultas.POR_PAGINA,
            texto_lote=TEXTO_LOTE,
        )


@panel.post("/lotes/importar")
def importar_lote() -> werkzeug.Response | tuple[str, int]:
    """Import a batch of the organisation (or this browser's own) as cases, with the attestation."""
    lote_id = request.form.get("lote", "")[:64]
    if not _importable(lote_id):
        abort(404)  # another organisation's batch, or another browser's anonymous one
    if request.form.get("declaro") != "si":
        return render_template(
            "error.html",
            codigo=422,
            titulo="Falta la declaración",
            mensaje="Para importar el lote debe declarar que cada titular autorizó el "
            "seguimiento de su caso.",
        ), 422
    try:
        n = desde_lote(
            bd(),
            lote_id,
            current_user.organizacion_id,
            declarante=current_user.nombre,
            cuenta_id=current_user.id,
        )
    except LoteNoImportable:
        abort(404)
    current_app.logger.info("Lote importado: %d casos", n)
    return redirect(url_for("panel.inicio"), 303)


@panel.get("/casos/<int:caso_id>")
def ver(caso_id: int) -> tuple[str, int]:
    """A case of the organisation."""
    with bd().sesiones() as s:
        return pagina.pagina(_caso(s, caso_id), _acceso(caso_id))


@panel.post("/casos/<int:caso_id>/eventos")
def evento(caso_id: int) -> werkzeug.Response | tuple[str, int]:
    """Record an event on a case of the organisation."""
    with bd().sesiones.begin() as s:
        return pagina.registrar(s, _caso(s, caso_id), _acceso(caso_id))


@panel.post("/casos/<int:caso_id>/deshacer")
def deshacer(caso_id: int) -> werkzeug.Response:
    """Undo the case's last event."""
    with bd().sesiones.begin() as s:
        return pagina.deshacer(s, _caso(s, caso_id), _acceso(caso_id))


@panel.post("/casos/<int:caso_id>/cartas/<tipo>.<formato>")
@limite_pdf
def carta(caso_id: int, tipo: str, formato: str) -> Response:
    """A letter of the case."""
    with bd().sesiones.begin() as s:
        return pagina.carta(s, _caso(s, caso_id), _acceso(caso_id), tipo, formato)


@panel.get("/casos/<int:caso_id>/plazos.ics")
def calendario_caso(caso_id: int) -> Response:
    """The case's deadlines as an .ics file."""
    with bd().sesiones() as s:
        return pagina.ics(_caso(s, caso_id))


@panel.get("/casos/<int:caso_id>/datos.json")
def datos(caso_id: int) -> Response:
    """Everything stored about the case (to answer a data subject's request)."""
    with bd().sesiones() as s:
        cuerpo = json.dumps(exportar_caso(s, _caso(s, caso_id)), ensure_ascii=False, indent=2)
    return Response(
        cuerpo,
        content_type="application/json; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="salida-caso-{caso_id}.json"'},
    )


@panel.post("/casos/<int:caso_id>/avisos")
def avisos(caso_id: int) -> werkzeug.Response:
    """Stop e-mail reminders to the subscriber."""
    with bd().sesiones.begin() as s:
        repositorio.quitar_avisos(s, _caso(s, caso_id))
    return redirect(url_for("panel.ver", caso_id=caso_id), 303)


@panel.get("/casos/<int:caso_id>/borrar")
def confirmar_borrar(caso_id: int) -> str:
    """Ask before deleting."""
    with bd().sesiones() as s:
        _caso(s, caso_id)
    return render_template(
        "casos/borrar.html",
        accion=url_for("panel.borrar", caso_id=caso_id),
        volver=url_for("panel.ver", caso_id=caso_id),
    )


@panel.post("/casos/<int:caso_id>/borrar")
def borrar(caso_id: int) -> werkzeug.Response:
    """Delete a case of the organisation for real."""
    with bd().sesiones.begin() as s:
        repositorio.borrar(s, _caso(s, caso_id), f"por la cuenta {current_user.id}")
    return redirect(url_for("panel.inicio"), 303)


@panel.get("/plazos.ics")
def calendario() -> Response:
    """The organisation's deadlines as an .ics file."""
    with bd().sesiones() as s:
        cuerpo = calendario_organizacion(s, current_user.organizacion_id, hoy_en_bogota())
    return Response(
        cuerpo,
        content_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="salida-plazos.ics"'},
    )


@panel.get("/operadores")
def operadores() -> str:
    """The operator scorecard with its charts."""
    with bd().sesiones() as s:
        lista = puntaje.puntaje(s, current_user.organizacion_id, hoy_en_bogota())
    filas_tiempo = [(op.nombre, op.total.parte(op.total.a_tiempo), op.total.evaluables) for op in lista]
    filas_silencio = [(op.nombre, op.total.parte(op.total.silencio), op.total.evaluables) for op in lista]
    return render_template(
        "panel/operadores.html",
        operadores=lista,
        graficos=graficos,
        porcentaje=puntaje.porcentaje,
        minima=puntaje.MUESTRA_MINIMA,
        filas_tiempo=filas_tiempo,
        filas_silencio=filas_silencio,
    )


@panel.get("/operadores.csv")
def operadores_csv() -> Response:
    """The scorecard as CSV."""
    with bd().sesiones() as s:
        lista = puntaje.puntaje(s, current_user.organizacion_id, hoy_en_bogota())
    return Response(
        puntaje.csv_puntaje(lista),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="salida-operadores.csv"'},
    )
