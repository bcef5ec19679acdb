"""Web pages for advocates: upload a spreadsheet, follow the batch, download the letters."""

from __future__ import annotations

import io
import secrets
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)
from werkzeug.exceptions import RequestEntityTooLarge

from batch import repositorio
from batch.ejecutores import ColaNoResponde, EjecutorCelery, EjecutorEmbebido
from batch.evento import EventoMasivo
from batch.informe import NOMBRES_CARTAS, escribir_zip
from batch.lectura import LIMITE_ARCHIVO, ArchivoIlegible
from batch.lote import TEXTO_CONSENTIMIENTO, lanzar, preparar_lote
from batch.paquete import contenido_paquete, estado_paquete, paquete_listo
from batch.plantilla import instrucciones_csv, plantilla_csv, plantilla_xlsx
from entrada.opciones import OPERADORES as OPERADORES_ENTRADA
from entrada.opciones import SERVICIOS_FORMULARIO
from rules.decision import TIPOS_CARTA
from store.db import BaseDeDatos, base_de_datos
from web.seguridad import limiter

lotes = Blueprint("lotes", __name__, url_prefix="/lotes")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CLAVE_SESION = "lotes"
SERVICIOS = SERVICIOS_FORMULARIO
# A shared outage names one of the known operators.
OPERADORES = {clave: nombre for clave, nombre in OPERADORES_ENTRADA.items() if clave != "otro"}


def _bd() -> BaseDeDatos:
    return base_de_datos(current_app.config.get("DATABASE_URL"))


def _ejecutor() -> EjecutorEmbebido | EjecutorCelery:
    ejecutor: EjecutorEmbebido | EjecutorCelery = current_app.extensions["salida_lotes"]["ejecutor"]
    return ejecutor  # chosen by `batch.registrar` at start-up


CLAVE_ENLACES = "lotes_enlaces"  # {lote id: private link token} of the batches this session uploaded
CLAVE_ABIERTOS = "lotes_abiertos"  # ids of batches opened here through their private link
MAX_EN_SESION = 10


def _cuenta() -> Any | None:
    """The logged-in advocate, if any (accounts are optional for batches)."""
    from flask_login import current_user

    return current_user if getattr(current_user, "is_authenticated", False) else None


def _recordar_enlace(lote_id: str, token: str) -> None:
    """Keep the private link of a batch uploaded here, to show it on its page (a few, newest last)."""
    enlaces = {k: v for k, v in (session.get(CLAVE_ENLACES) or {}).items() if k != lote_id}
    enlaces[lote_id] = token
    session[CLAVE_ENLACES] = dict(list(enlaces.items())[-MAX_EN_SESION:])


def _recordar_abierto(lote_id: str) -> None:
    """Remember a batch opened here through its private link (a few, newest last)."""
    abiertos = [x for x in session.get(CLAVE_ABIERTOS) or [] if x != lote_id]
    session[CLAVE_ABIERTOS] = [*abiertos, lote_id][-MAX_EN_SESION:]


def puede_ver(lote: Any) -> bool:
    """Whether this request may see a batch: its organisation's advocates, the session that
    uploaded it, or a session that opened its private link."""
    cuenta = _cuenta()
    if lote.organizacion_id is not None:
        return cuenta is not None and cuenta.organizacion_id == lote.organizacion_id
    token = session.get(CLAVE_SESION)
    if token and secrets.compare_digest(lote.propietario, repositorio.huella(token)):
        return True
    return lote.id in (session.get(CLAVE_ABIERTOS) or [])


def _propietario(crear: bool = False) -> str | None:
    """The session's random owner token (not personal data); created on the first upload."""
    token = session.get(CLAVE_SESION)
    if token is None and crear:
        token = session[CLAVE_SESION] = secrets.token_urlsafe(24)
    return token


def _lote_propio(lote_id: str):  # type: ignore[no-untyped-def]
    lote = repositorio.lote_de(_bd(), lote_id[:64])
    if lote is None or not puede_ver(lote):
        abort(404)
    return lote


def _formulario(valores: dict[str, Any], errores: dict[str, str], estado: int = 200) -> tuple[str, int]:
    return render_template(
        "lotes/nuevo.html", valores=valores, errores=errores, tipos=NOMBRES_CARTAS,
        servicios=SERVICIOS, operadores=OPERADORES, consentimiento=TEXTO_CONSENTIMIENTO,
        limite_mb=LIMITE_ARCHIVO // 1_000_000, limite_filas=current_app.config["LOTE_MAX_FILAS"],
    ), estado


@lotes.get("/")
def nuevo() -> tuple[str, int]:
    """The upload page."""
    return _formulario({"tipos": []}, {})


def _evento(formulario: Any, errores: dict[str, str]) -> EventoMasivo | None:
    if not formulario.get("evento_inicio"):
        return None
    datos = {
        "operador": formulario.get("evento_operador") or None,
        "servicios": formulario.getlist("evento_servicios"),
        "inicio": formulario.get("evento_inicio"),
        "fin": formulario.get("evento_fin") or None,
        "municipios": [m.strip() for m in formulario.get("evento_municipios", "").split(",") if m.strip()],
        "descripcion": formulario.get("evento_descripcion") or None,
    }
    try:
        return EventoMasivo.model_validate(datos)
    except ValueError as exc:
        from pydantic import ValidationError

        from rules.errores import errores_espanol

        if isinstance(exc, ValidationError):
            for e in errores_espanol(exc):
                errores[f"evento_{e.campo.split('[')[0] or 'inicio'}"] = e.mensaje
        return None


@lotes.errorhandler(RequestEntityTooLarge)
def _demasiado_grande(_error: RequestEntityTooLarge) -> tuple[str, int]:
    return _formulario({}, {"archivo": f"El archivo pesa más de {LIMITE_ARCHIVO // 1_000_000} MB."}, 413)


@lotes.post("/")
@limiter.limit(lambda: current_app.config["LIMITE_LOTES"], methods=["POST"])
def subir() -> Response | tuple[str, int]:
    """Receive a spreadsheet, store it as a batch and start it."""
    formulario, archivos = request.form, request.files
    valores = {k: formulario.get(k, "") for k in formulario}
    valores["tipos"] = formulario.getlist("tipos")
    valores["evento_servicios"] = formulario.getlist("evento_servicios")
    errores: dict[str, str] = {}
    tipos = [t for t in valores["tipos"] if t in TIPOS_CARTA] or None
    if formulario.get("consentimiento") != "si":
        errores["consentimiento"] = "Debe declarar que cuenta con la autorización de cada titular."
    declarante = (formulario.get("declarante") or "").strip()[:120]
    if not declarante:
        errores["declarante"] = "Escriba quién hace la declaración (persona u organización)."
    evento = _evento(formulario, errores)
    archivo = archivos.get("archivo")
    if archivo is None or not archivo.filename:
        errores["archivo"] = "Elija el archivo CSV o XLSX con los casos."
    fecha = None
    if formulario.get("fecha"):
        try:
            fecha = date.fromisoformat(formulario["fecha"])
        except ValueError:
            errores["fecha"] = "La fecha no es válida."
    if errores:
        return _formulario(valores, errores, 400)
    assert archivo is not None
    cuenta, enlace = _cuenta(), None
    if cuenta is not None:
        duenos = repositorio.Duenos(archivo=archivo.filename or "", organizacion_id=cuenta.organizacion_id,
                                    cuenta_id=cuenta.id)
    else:
        enlace = secrets.token_urlsafe(24)
        duenos = repositorio.Duenos(archivo=archivo.filename or "", clave=enlace)
    try:
        lote_id = preparar_lote(_bd(), archivo.filename or "", archivo.read(), _propietario(True) or "",
                                declarante, tipos, evento, fecha,
                                limite_filas=current_app.config["LOTE_MAX_FILAS"],
                                combinado=formulario.get("combinado") == "si", duenos=duenos)
    except ArchivoIlegible as exc:
        return _formulario(valores, {"archivo": str(exc)}, 400)
    if enlace is not None:
        _recordar_enlace(lote_id, enlace)
    try:
        lanzar(_bd(), lote_id, _ejecutor())
    except ColaNoResponde:  # the broker is down: the batch is stored; its page offers "Reanudar"
        current_app.logger.warning("lote %s guardado pero no enviado: la cola no responde", lote_id)
    return redirect(url_for("lotes.ver", lote_id=lote_id), 303)


def _estado(lote_id: str) -> dict[str, Any]:
    avance = repositorio.progreso(_bd(), lote_id)
    if avance.terminado and avance.estado in repositorio.ABIERTOS:
        # The last result's worker died before its closing statement: close it now (once).
        repositorio.cerrar_si_termino(_bd(), lote_id)
        avance = repositorio.progreso(_bd(), lote_id)
    return {"estado": avance.estado, "total": avance.total, "hechas": avance.hechas, "ok": avance.ok,
            "error": avance.error, "canceladas": avance.canceladas, "terminado": avance.terminado,
            "detenido": avance.detenido(),
            "paquete": estado_paquete(_bd(), lote_id) if avance.terminado else "no",
            "minutos_detenido": int(repositorio.PAUSA_DETENIDO.total_seconds() // 60),
            "porcentaje": round(100 * avance.hechas / avance.total) if avance.total else 100}


# Read before the CSRF check parses the form (web/seguridad.py), so the general form limit does not apply.
subir.limite_cuerpo = LIMITE_ARCHIVO + 256 * 1024  # type: ignore[attr-defined]


@lotes.get("/<lote_id>")
def ver(lote_id: str) -> Response:
    """The batch page: progress (refreshes itself without JavaScript), cancel, downloads."""
    lote = _lote_propio(lote_id)
    estado = _estado(lote_id)
    token = (session.get(CLAVE_ENLACES) or {}).get(lote_id)
    enlace = url_for("lotes.abrir", clave=token, _external=True) if token else None
    html = render_template("lotes/lote.html", lote=lote, estado=estado, enlace=enlace,
                           paquete=contenido_paquete(_bd(), lote_id) if estado["terminado"] else None,
                           errores_archivo=lote.errores_archivo, tipos=NOMBRES_CARTAS)
    return Response(html)


@lotes.get("/enlace/<clave>")
def abrir(clave: str) -> Response:
    """A batch's private link: this browser may see the batch from now on."""
    lote_id = repositorio.por_clave(_bd(), clave[:64])
    if lote_id is None:
        abort(404)
    _recordar_abierto(lote_id)
    return redirect(url_for("lotes.ver", lote_id=lote_id), 303)


@lotes.get("/<lote_id>/estado.json")
def estado_json(lote_id: str) -> Response:
    """Progress as JSON, for the page's polling."""
    _lote_propio(lote_id)
    return jsonify(_estado(lote_id))


@lotes.post("/<lote_id>/cancelar")
def cancelar(lote_id: str) -> Response:
    """Stop a batch: rows not yet started are left out."""
    _lote_propio(lote_id)
    repositorio.cancelar(_bd(), lote_id)
    return redirect(url_for("lotes.ver", lote_id=lote_id), 303)


@lotes.post("/<lote_id>/reanudar")
def reanudar(lote_id: str) -> Response:
    """Resume a stopped batch (nothing moved for a while); otherwise, or pressed again, a no-op."""
    _lote_propio(lote_id)
    lanzar(_bd(), lote_id, _ejecutor(), reanudando=True, pausa=repositorio.PAUSA_DETENIDO)
    return redirect(url_for("lotes.ver", lote_id=lote_id), 303)


@lotes.get("/<lote_id>/cartas.zip")
@limiter.limit(lambda: current_app.config["LIMITE_DESCARGAS_LOTE"])
def descargar(lote_id: str) -> Response:
    """The zip: letters, informe.csv, informe.xlsx and errores.csv (no personal data in names)."""
    _lote_propio(lote_id)
    listo = paquete_listo(_bd(), lote_id)
    if listo is not None:  # built by the worker that finished the batch
        return send_file(io.BytesIO(listo), mimetype="application/zip", as_attachment=True,
                         download_name="cartas-salida.zip")
    temporal = tempfile.NamedTemporaryFile(suffix=".zip", delete=False)  # noqa: SIM115
    with temporal:
        escribir_zip(_bd(), lote_id, temporal)
    respuesta = send_file(temporal.name, mimetype="application/zip", as_attachment=True,
                          download_name="cartas-salida.zip")
    respuesta.call_on_close(lambda: Path(temporal.name).unlink(missing_ok=True))
    return respuesta


@lotes.get("/plantilla.xlsx")
def plantilla_xlsx_vista() -> Response:
    """The template spreadsheet (XLSX, with an instructions sheet)."""
    return Response(plantilla_xlsx(), mimetype=XLSX,
                    headers={"Content-Disposition": "attachment; filename=plantilla-salida.xlsx"})


@lotes.get("/plantilla.csv")
def plantilla_csv_vista() -> Response:
    """The template as CSV."""
    return Response(plantilla_csv(), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": "attachment; filename=plantilla-salida.csv"})


@lotes.get("/plantilla-corta.xlsx")
def plantilla_corta_xlsx_vista() -> Response:
    """The short template for mass outages (XLSX, with its instructions)."""
    return Response(plantilla_xlsx(corta=True), mimetype=XLSX,
                    headers={"Content-Disposition": "attachment; filename=plantilla-corta-salida.xlsx"})


@lotes.get("/plantilla-corta.csv")
def plantilla_corta_csv_vista() -> Response:
    """The short template for mass outages as CSV."""
    return Response(plantilla_csv(corta=True), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": "attachment; filename=plantilla-corta-salida.csv"})


@lotes.get("/instrucciones.csv")
def instrucciones_vista() -> Response:
    """The template's instructions as CSV."""
    return Response(instrucciones_csv(), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": "attachment; filename=instrucciones-salida.csv"})
