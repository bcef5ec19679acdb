"""Pages of advocate accounts: log in (throttled without lockout), a sign-in link by e-mail, log out,
close every session, change password, calendar feed."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

import werkzeug
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_limiter import RequestLimit
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from casos import autenticacion as auth
from casos import recordatorios as rec
from casos.icalendar_plazos import calendario_organizacion
from presentacion import hoy_en_bogota
from store.casos import Cuenta
from web import limiter

cuentas = Blueprint("cuentas", __name__)
MENSAJE_FALLIDO = "El correo o la contraseña no coinciden."
MENSAJE_DEMASIADOS = "Demasiados intentos. Espere unos minutos y vuelva a intentarlo."
MENSAJE_GLOBAL = ("Esta cuenta recibió demasiados intentos fallidos desde varios lugares y el ingreso con "
                  "contraseña está en pausa por un tiempo. Espere o pida un enlace de ingreso a su correo.")


def _destino() -> str:
    """Where to go after logging in: a path of this site only (never another host)."""
    siguiente = request.values.get("siguiente", "")
    partes = urlsplit(siguiente)
    if (
        siguiente.startswith("/")
        and not siguiente.startswith("//")
        and not partes.netloc
        and "\\" not in siguiente
    ):
        return siguiente
    return url_for("panel.inicio")


def _huella_correo() -> str:
    correo = auth.normalizar_correo(request.form.get("correo", ""))
    return hashlib.sha256(correo.encode()).hexdigest()


def _clave_cuenta_direccion() -> str:
    """Rate-limit key of the account being tried from this address: slows guesses from one place
    without touching the owner, who signs in from another."""
    return f"entrar:{_huella_correo()}:{get_remote_address()}"


def _clave_cuenta() -> str:
    """Rate-limit key of the account being tried from anywhere: the cap on guesses spread over many
    addresses (well above what one address can reach)."""
    return "entrar:" + _huella_correo()


def _demasiados(_limite: RequestLimit | None, mensaje: str = MENSAJE_DEMASIADOS) -> Response:
    html = render_template(
        "cuentas/entrar.html",
        error=mensaje,
        correo="",
        siguiente=request.form.get("siguiente", ""),
    )
    respuesta = Response(html, status=429)
    respuesta.headers["Retry-After"] = "60"
    return respuesta


def _pausa_de_la_cuenta(limite: RequestLimit | None) -> Response:
    return _demasiados(limite, MENSAJE_GLOBAL)


@cuentas.errorhandler(429)
def _limite(error: HTTPException) -> Response:
    """The login form again (not the generic page) when the login limit is reached."""
    respuesta = getattr(error, "response", None)
    return respuesta if isinstance(respuesta, Response) else _demasiados(None)


@cuentas.get("/cuentas/entrar")
def entrar() -> str | werkzeug.Response:
    """The login form."""
    if current_user.is_authenticated:
        return redirect(url_for("panel.inicio"))
    return render_template(
        "cuentas/entrar.html",
        error=None,
        correo="",
        siguiente=request.args.get("next", request.args.get("siguiente", "")),
    )


@cuentas.post("/cuentas/entrar")
@limiter.limit(lambda: current_app.config["LIMITE_ENTRAR"], scope="entrar", on_breach=_demasiados)
@limiter.limit(
    lambda: current_app.config["LIMITE_ENTRAR_CUENTA"],
    key_func=_clave_cuenta_direccion,
    scope="entrar-cuenta-direccion",
    deduct_when=lambda r: r.status_code == 401,
    on_breach=_demasiados,
)
@limiter.limit(
    lambda: current_app.config["LIMITE_ENTRAR_CUENTA_GLOBAL"],
    key_func=_clave_cuenta,
    scope="entrar-cuenta",
    deduct_when=lambda r: r.status_code == 401,
    on_breach=_pausa_de_la_cuenta,
)
def entrar_post() -> tuple[str, int] | werkzeug.Response:
    """Check the password; a fresh session on success, one generic message on failure."""
    correo = request.form.get("correo", "")[:254]
    clave = request.form.get("clave", "")[:1024]
    usuario = auth.verificar(correo, clave) if correo and clave else None
    if usuario is None:
        current_app.logger.info("Ingreso fallido")
        return render_template(
            "cuentas/entrar.html",
            error=MENSAJE_FALLIDO,
            correo=correo,
            siguiente=request.form.get("siguiente", ""),
        ), 401
    destino = _destino()
    session.clear()  # nothing from before the login survives it
    login_user(usuario)
    auth.iniciar_sesion_vigilada()
    current_app.logger.info("Ingreso de la cuenta %d", usuario.id)
    return redirect(destino, 303)


MENSAJE_ENLACE = ("Si hay una cuenta activa con ese correo, le enviamos un enlace para entrar. Revise su "
                  "correo (y la carpeta de correo no deseado); el enlace vale {minutos} minutos y sirve "
                  "una vez.")


@cuentas.get("/cuentas/enlace")
def enlace() -> str:
    """Ask for a sign-in link by e-mail: the way back in when password sign-in is paused."""
    return render_template("cuentas/enlace.html", error=None, mensaje=None, accion=None,
                           minutos=auth.ENLACE_MINUTOS)


@cuentas.post("/cuentas/enlace")
@limiter.limit(lambda: current_app.config["LIMITE_ENLACE"], scope="enlace")
@limiter.limit(lambda: current_app.config["LIMITE_ENLACE_CUENTA"], key_func=_clave_cuenta,
               scope="enlace-cuenta")
def pedir_enlace() -> str:
    """Send a single-use sign-in link to the account's address; the same answer whether it exists."""
    correo = request.form.get("correo", "")[:254]
    encontrado = auth.enlace_de_ingreso(correo) if correo else None
    if encontrado is not None:
        token, destino = encontrado
        _enviar_enlace(destino, token)
    return render_template("cuentas/enlace.html", error=None, accion=None, minutos=auth.ENLACE_MINUTOS,
                           mensaje=MENSAJE_ENLACE.format(minutos=auth.ENLACE_MINUTOS))


def _enviar_enlace(destino: str, token: str) -> None:
    cfg = current_app.config
    base = (cfg.get("URL_PUBLICA") or "").rstrip("/")
    ruta = url_for("cuentas.confirmar_enlace", token=token)
    url = base + ruta if base else url_for("cuentas.confirmar_enlace", token=token, _external=True)
    cuerpo = (f"Para entrar a su cuenta de Salida, abra este enlace en los próximos "
              f"{auth.ENLACE_MINUTOS} minutos (sirve una sola vez):\n\n{url}\n\n"
              "Si usted no lo pidió, no haga nada: su cuenta sigue igual.\n")
    if not rec.smtp_configurado(cfg):
        current_app.logger.warning("SMTP sin configurar (SALIDA_SMTP_HOST): no se envió un enlace de ingreso")
        return
    mensaje = rec.Mensaje("cuenta", [destino], "Su enlace para entrar a Salida", cuerpo, [])
    try:
        rec.enviar(cfg, [mensaje])
    except OSError:
        current_app.logger.error("No se pudo enviar un enlace de ingreso (servidor de correo)")


@cuentas.get("/cuentas/enlace/<token>")
def confirmar_enlace(token: str) -> str:
    """A button, not an automatic sign-in: mail scanners that open links do not use it up."""
    return render_template("cuentas/enlace.html", error=None, mensaje=None, minutos=auth.ENLACE_MINUTOS,
                           accion=url_for("cuentas.entrar_con_enlace", token=token))


@cuentas.post("/cuentas/enlace/<token>")
@limiter.limit(lambda: current_app.config["LIMITE_ENTRAR"], scope="entrar")
def entrar_con_enlace(token: str) -> tuple[str, int] | werkzeug.Response:
    """Sign in with the link (it is not a password attempt: the password throttle does not apply)."""
    usuario = auth.entrar_con_enlace(token[:500])
    if usuario is None:
        return render_template(
            "cuentas/enlace.html", mensaje=None, accion=None, minutos=auth.ENLACE_MINUTOS,
            error="El enlace venció o ya se usó. Pida uno nuevo."), 400
    session.clear()
    login_user(usuario)
    auth.iniciar_sesion_vigilada()
    current_app.logger.info("Ingreso con enlace de la cuenta %d", usuario.id)
    return redirect(url_for("panel.inicio"), 303)


@cuentas.post("/cuentas/salir")
@login_required
def salir() -> werkzeug.Response:
    """Log out everywhere: the session key changes, so copies of this cookie stop working too."""
    auth.revocar_sesiones(current_user.id)
    logout_user()
    session.clear()
    return redirect(url_for("cuentas.entrar"), 303)


@cuentas.post("/cuentas/cerrar-sesiones")
@login_required
def cerrar_sesiones() -> werkzeug.Response:
    """For a suspected intrusion: end every session of the account and its calendar feed link."""
    auth.revocar_sesiones(current_user.id, calendario=True)
    logout_user()
    session.clear()
    flash("Se cerraron todas las sesiones de su cuenta y su dirección de calendario dejó de funcionar.",
          "aviso")
    return redirect(url_for("cuentas.entrar"), 303)


@cuentas.get("/cuentas/")
@login_required
def cuenta() -> str:
    """The account page: password and calendar feed."""
    return render_template("cuentas/cuenta.html", mensaje=None, error=None, enlace=None)


@cuentas.post("/cuentas/clave")
@login_required
def clave() -> tuple[str, int] | Response:
    """Change the password (other sessions of this account end; the calendar feed gets a new link)."""
    actual, nueva = request.form.get("actual", "")[:1024], request.form.get("nueva", "")[:1024]
    error = auth.problema_de_clave(nueva, (current_user.correo, current_user.nombre), actual)
    if error is None and nueva != request.form.get("repetir", ""):
        error = "Las dos contraseñas nuevas no coinciden."
    cambio = None if error else auth.cambiar_clave(current_user.id, actual, nueva)
    if cambio is None:
        return render_template(
            "cuentas/cuenta.html",
            mensaje=None,
            enlace=None,
            error=error or "La contraseña actual no es correcta.",
        ), 400
    session.clear()
    login_user(cambio.usuario)
    auth.iniciar_sesion_vigilada()
    enlace = _enlace(cambio.calendario) if cambio.calendario else None
    mensaje = "Contraseña cambiada." + (
        " Su calendario tiene una dirección nueva; la anterior dejó de funcionar." if enlace else "")
    return render_template("cuentas/cuenta.html", mensaje=mensaje, error=None, enlace=enlace), 200


def _enlace(token: str) -> str:
    return url_for("cuentas.feed", token=token, _external=True)


@cuentas.post("/cuentas/calendario")
@login_required
def nuevo_calendario() -> str:
    """A new private feed address for calendar apps (shown once; the previous one stops working)."""
    with auth.bd().sesiones.begin() as s:
        cuenta_bd = s.get(Cuenta, current_user.id)
        if cuenta_bd is None:
            abort(404)
        token = auth.nuevo_calendario(cuenta_bd)
    return render_template("cuentas/cuenta.html", mensaje=None, error=None, enlace=_enlace(token))


@cuentas.get("/calendario/<token>.ics")
@limiter.limit("60 per hour", scope="calendario")
def feed(token: str) -> Response:
    """The advocate's feed: the deadlines of their organisation's open cases."""
    if len(token) > 100:
        abort(404)
    huella = auth.huella_calendario(token)
    with auth.bd().sesiones() as s:
        cuenta_bd = s.scalar(select(Cuenta).where(Cuenta.ficha_calendario == huella, Cuenta.activa.is_(True)))
        if cuenta_bd is None:
            abort(404)
        cuerpo = calendario_organizacion(s, cuenta_bd.organizacion_id, hoy_en_bogota())
    return Response(
        cuerpo,
        content_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'inline; filename="salida-plazos.ics"'},
    )
