"""The subscriber's saved case: save it (only with express authorisation), follow it by private link,
record what happened, download letters and the calendar, export or delete it."""

from __future__ import annotations

import json
from datetime import date

import werkzeug
from email_validator import EmailNotValidError, validate_email
from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.orm import Session

from casos import pagina, repositorio
from casos.autenticacion import bd
from casos.datos import exportar_caso
from casos.pagina import Acceso
from casos.textos import TEXTO_AVISOS, TEXTO_GUARDAR, TEXTO_ORGANIZACION, VERSION_POLITICA
from presentacion import hoy_en_bogota
from rules import Caso, CasoInvalido, validar_caso
from store.casos import CasoGuardado
from web import limite_pdf, limiter

casos = Blueprint("casos", __name__, url_prefix="/mi-caso")


def _acceso(token: str) -> Acceso:
    return Acceso("casos", {"token": token})


def _caso(s: Session, token: str) -> CasoGuardado:
    guardado = repositorio.por_token(s, token)
    if guardado is None:
        abort(404)
    return guardado


def _caso_posteado() -> Caso:
    try:
        return validar_caso(request.form.get("caso", ""))
    except CasoInvalido:
        abort(400)


def _formulario_guardar(caso: Caso, errores: dict[str, str], codigo: int) -> tuple[str, int]:
    valores = {
        "correo_avisos": request.form.get("correo_avisos", caso.usuario.correo or ""),
        "avisos": request.form.get("avisos", ""),
        "autorizo": request.form.get("autorizo", ""),
    }
    return render_template(
        "casos/guardar.html",
        caso_json=caso.model_dump_json(),
        caso=caso,
        errores=errores,
        valores=valores,
        texto_guardar=TEXTO_GUARDAR,
        texto_avisos=TEXTO_AVISOS,
        texto_organizacion=TEXTO_ORGANIZACION,
        version=VERSION_POLITICA,
        organizacion=current_user.organizacion if current_user.is_authenticated else None,
    ), codigo


def _correo_avisos(errores: dict[str, str]) -> str | None:
    if request.form.get("avisos") != "si":
        return None
    try:
        return validate_email(
            request.form.get("correo_avisos", "")[:254], check_deliverability=False
        ).normalized
    except EmailNotValidError:
        errores["correo_avisos"] = "Escriba un correo válido para recibir los avisos, o desmarque los avisos."
        return None


@casos.post("/guardar")
@limiter.limit(lambda: current_app.config["LIMITE_GUARDAR"], scope="guardar-caso")
def guardar() -> werkzeug.Response | tuple[str, int]:
    """From the decision page: ask for the authorisation; with it, save and open the private link."""
    caso = _caso_posteado()
    if request.form.get("paso") != "confirmar":
        return _formulario_guardar(caso, {}, 200)
    errores: dict[str, str] = {}
    if request.form.get("autorizo") != "si":
        errores["autorizo"] = (
            "Para guardar el caso necesitamos su autorización expresa. Si no la da, no guardamos nada."
        )
    correo = _correo_avisos(errores)
    if errores:
        return _formulario_guardar(caso, errores, 422)
    hoy = hoy_en_bogota()
    if current_user.is_authenticated:
        return _guardar_en_organizacion(caso, hoy)
    autorizaciones = [repositorio.Autorizacion("guardar", TEXTO_GUARDAR, VERSION_POLITICA, "enlace")]
    if correo:
        autorizaciones.append(
            repositorio.Autorizacion("recordatorios", TEXTO_AVISOS, VERSION_POLITICA, "enlace")
        )
    token = repositorio.nuevo_token()
    with bd().sesiones.begin() as s:
        guardado = repositorio.crear(s, caso, autorizaciones, hoy, token=token, correo_avisos=correo)
        caso_id = guardado.id
    current_app.logger.info("Caso %d guardado con enlace privado", caso_id)
    return redirect(url_for("casos.ver", token=token, nuevo=1), 303)


def _guardar_en_organizacion(caso: Caso, hoy: date) -> werkzeug.Response:
    autorizacion = repositorio.Autorizacion(
        "seguimiento", TEXTO_ORGANIZACION, VERSION_POLITICA, "cuenta", cuenta_id=current_user.id
    )
    with bd().sesiones.begin() as s:
        guardado = repositorio.crear(
            s, caso, [autorizacion], hoy, organizacion_id=current_user.organizacion_id
        )
        caso_id = guardado.id
    current_app.logger.info("Caso %d guardado en la organización %d", caso_id, current_user.organizacion_id)
    return redirect(url_for("panel.ver", caso_id=caso_id), 303)


@casos.get("/politica")
def politica() -> str:
    """The processing policy for saved cases, with its version."""
    return render_template(
        "casos/politica.html",
        version=VERSION_POLITICA,
        texto_guardar=TEXTO_GUARDAR,
        texto_avisos=TEXTO_AVISOS,
        responsable=current_app.config.get("RESPONSABLE_DATOS"),
        retencion=current_app.config["RETENCION_DIAS"],
        retencion_cerrados=current_app.config["RETENCION_CERRADOS_DIAS"],
    )


@casos.get("/<token>")
def ver(token: str) -> tuple[str, int]:
    """The case page behind the private link."""
    with bd().sesiones() as s:
        guardado = _caso(s, token)
        mensaje = "nuevo" if request.args.get("nuevo") == "1" else None
        return pagina.pagina(guardado, _acceso(token), mensaje=mensaje)


@casos.post("/<token>/eventos")
def evento(token: str) -> werkzeug.Response | tuple[str, int]:
    """Record what happened (a letter filed, an answer…); the case is evaluated again."""
    with bd().sesiones.begin() as s:
        return pagina.registrar(s, _caso(s, token), _acceso(token))


@casos.post("/<token>/deshacer")
def deshacer(token: str) -> werkzeug.Response:
    """Undo the last recorded event."""
    with bd().sesiones.begin() as s:
        return pagina.deshacer(s, _caso(s, token), _acceso(token))


@casos.post("/<token>/cartas/<tipo>.<formato>")
@limite_pdf
def carta(token: str, tipo: str, formato: str) -> Response:
    """A letter of the case as of the page's date (PDF or text)."""
    with bd().sesiones.begin() as s:
        return pagina.carta(s, _caso(s, token), _acceso(token), tipo, formato)


@casos.get("/<token>/plazos.ics")
def calendario(token: str) -> Response:
    """The case's deadlines as an .ics file."""
    with bd().sesiones() as s:
        return pagina.ics(_caso(s, token))


@casos.get("/<token>/datos.json")
def datos(token: str) -> Response:
    """Everything stored about this case (right of access, Ley 1581 de 2012)."""
    with bd().sesiones() as s:
        cuerpo = json.dumps(exportar_caso(s, _caso(s, token)), ensure_ascii=False, indent=2)
    return Response(
        cuerpo,
        content_type="application/json; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="salida-mis-datos.json"'},
    )


@casos.post("/<token>/avisos")
def avisos(token: str) -> werkzeug.Response:
    """Stop e-mail reminders (the address is deleted and the authorisation marked revoked)."""
    with bd().sesiones.begin() as s:
        repositorio.quitar_avisos(s, _caso(s, token))
    return redirect(url_for("casos.ver", token=token) + "#sus-datos", 303)


@casos.get("/<token>/borrar")
def confirmar_borrar(token: str) -> str:
    """Ask before deleting."""
    with bd().sesiones() as s:
        _caso(s, token)
    return render_template(
        "casos/borrar.html",
        accion=url_for("casos.borrar", token=token),
        volver=url_for("casos.ver", token=token),
    )


@casos.post("/<token>/borrar")
def borrar(token: str) -> str:
    """Delete the case for real: nothing of it stays in the database."""
    with bd().sesiones.begin() as s:
        repositorio.borrar(s, _caso(s, token), "a pedido del titular")
    return render_template("casos/borrado.html")
