"""Advocate accounts: argon2 passwords, Flask-Login, and sessions that expire and can be revoked.

The session cookie carries `<account id>:<session key>`; the key is random, stored with the account
and rotated on logout and on a password change, so a copied cookie stops working. A session also
ends after `SESION_INACTIVIDAD_MIN` minutes idle or `SESION_MAXIMA_HORAS` hours in all.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, current_app, session
from flask_login import LoginManager, current_user, logout_user
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select

from store.casos import Cuenta, Organizacion
from store.db import BaseDeDatos, base_de_datos
from store.models import ahora

CLAVE_MINIMA = 12
PUNTAJE_MINIMO = 3  # zxcvbn: 0 (trivial) … 4; 3 resists an offline attack on a slow hash
_PALABRAS_DEL_SITIO = ("salida", "contraseña", "contrasena", "clave", "colombia", "bogota", "bogotá",
                       "medellin", "medellín", "cali", "defensor", "defensora", "asociacion",
                       "asociación", "usuario", "claro", "movistar", "tigo", "etb", "wom", "teamo")
gestor = LoginManager()
gestor.login_view = "cuentas.entrar"
gestor.login_message = "Inicie sesión para ver los casos de su organización."
gestor.login_message_category = "aviso"
gestor.session_protection = "strong"
_hasher = PasswordHasher()


def bd() -> BaseDeDatos:
    """The app's database (the same one batches use)."""
    return base_de_datos(current_app.config.get("DATABASE_URL"))


@dataclass(frozen=True)
class Usuario:
    """The logged-in advocate as Flask-Login sees them (detached from any database session)."""

    id: int
    organizacion_id: int
    organizacion: str
    nombre: str
    correo: str
    ficha: str

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        """`<id>:<session key>`: a changed key logs every copy of the cookie out."""
        return f"{self.id}:{self.ficha}"


def _usuario(cuenta: Cuenta) -> Usuario:
    return Usuario(
        cuenta.id,
        cuenta.organizacion_id,
        cuenta.organizacion.nombre,
        cuenta.nombre,
        cuenta.correo,
        cuenta.ficha_sesion,
    )


@gestor.user_loader
def cargar(identificador: str) -> Usuario | None:
    """The account behind a session, if it is active and its session key still matches."""
    cuenta_id, _, ficha = identificador.partition(":")
    if not cuenta_id.isdigit() or not ficha:
        return None
    with bd().sesiones() as s:
        cuenta = s.get(Cuenta, int(cuenta_id))
        if cuenta is None or not cuenta.activa or not hmac.compare_digest(cuenta.ficha_sesion, ficha):
            return None
        return _usuario(cuenta)


def cifrar(clave: str) -> str:
    """An argon2id hash of a password."""
    return _hasher.hash(clave)


@cache
def _hash_de_relleno() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def normalizar_correo(correo: str) -> str:
    """E-mail addresses compare case-insensitively and without surrounding spaces."""
    return correo.strip().lower()


def verificar(correo: str, clave: str) -> Usuario | None:
    """The account if the password matches (the same work is done for unknown addresses)."""
    with bd().sesiones.begin() as s:
        cuenta = s.scalar(select(Cuenta).where(Cuenta.correo == normalizar_correo(correo)))
        guardado = cuenta.clave if cuenta is not None and cuenta.activa else _hash_de_relleno()
        try:
            _hasher.verify(guardado, clave)
        except (VerificationError, InvalidHashError):
            return None
        if cuenta is None or not cuenta.activa:
            return None
        if _hasher.check_needs_rehash(cuenta.clave):
            cuenta.clave = cifrar(clave)
        cuenta.ultimo_ingreso = ahora()
        return _usuario(cuenta)


@dataclass(frozen=True)
class ClaveCambiada:
    """A password change: the fresh session, and the new calendar feed token if the account had one."""

    usuario: Usuario
    calendario: str | None


def cambiar_clave(cuenta_id: int, actual: str, nueva: str) -> ClaveCambiada | None:
    """Set a new password if the current one matches; rotates the session key (other sessions end)
    and the calendar feed (a copied feed link stops working too)."""
    with bd().sesiones.begin() as s:
        cuenta = s.get(Cuenta, cuenta_id)
        if cuenta is None:
            return None
        try:
            _hasher.verify(cuenta.clave, actual)
        except (VerificationError, InvalidHashError):
            return None
        cuenta.clave = cifrar(nueva)
        cuenta.ficha_sesion = secrets.token_urlsafe(32)
        calendario = nuevo_calendario(cuenta) if cuenta.ficha_calendario else None
        return ClaveCambiada(_usuario(cuenta), calendario)


def huella_calendario(token: str) -> str:
    """The SHA-256 of a feed token: the only form in which it is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def nuevo_calendario(cuenta: Cuenta) -> str:
    """Give the account a new feed token (the previous link stops working); return the token."""
    token = secrets.token_urlsafe(32)
    cuenta.ficha_calendario = huella_calendario(token)
    return token


def revocar_sesiones(cuenta_id: int, calendario: bool = False) -> None:
    """Rotate the account's session key (every cookie issued so far stops working); with
    `calendario`, end its calendar feed too (a new one is made from the account page)."""
    with bd().sesiones.begin() as s:
        cuenta = s.get(Cuenta, cuenta_id)
        if cuenta is not None:
            cuenta.ficha_sesion = secrets.token_urlsafe(32)
            if calendario:
                cuenta.ficha_calendario = None


def problema_de_clave(nueva: str, datos: tuple[str, ...] = (), actual: str | None = None) -> str | None:
    """Why a new password is refused (Spanish), or None: too short, the same as now, or easy to guess
    by zxcvbn (common passwords, words, sequences, repeats, the person's own data)."""
    from zxcvbn import zxcvbn

    if len(nueva) < CLAVE_MINIMA:
        return f"La contraseña debe tener al menos {CLAVE_MINIMA} caracteres."
    if actual is not None and hmac.compare_digest(nueva.encode(), actual.encode()):
        return "La nueva contraseña debe ser distinta de la actual."
    propios = [p for d in datos for p in re.split(r"[\W_]+", d.lower()) if p]
    for parte in (p.lower() for d in datos for p in (d, *d.split("@"))):
        propios += [parte, "".join(re.split(r"[\W_]+", parte))]
    # zxcvbn's cost grows fast with length; the first 64 characters decide well enough.
    if zxcvbn(nueva[:64], user_inputs=[*_PALABRAS_DEL_SITIO, *propios])["score"] < PUNTAJE_MINIMO:
        return ("Esa contraseña es fácil de adivinar (es común, repite o sigue una secuencia, o usa su "
                "nombre o su correo). Use una frase de cuatro o más palabras que no vayan juntas.")
    return None


ENLACE_MINUTOS = 15
_SAL_ENLACE = "salida-enlace-de-ingreso"


def _sello(cuenta: Cuenta) -> str:
    # Changes with every sign-in and every session rotation: a used link, or one issued before the
    # last sign-in or "cerrar todas las sesiones", no longer matches.
    datos = f"{cuenta.id}:{cuenta.ficha_sesion}:{cuenta.ultimo_ingreso or ''}"
    return hashlib.sha256(datos.encode()).hexdigest()[:32]


def _serializador() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SAL_ENLACE)


def enlace_de_ingreso(correo: str) -> tuple[str, str] | None:
    """A single-use sign-in token for an active account (and its address), valid ENLACE_MINUTOS; None
    when there is no such account (the caller answers the same either way)."""
    with bd().sesiones() as s:
        cuenta = s.scalar(select(Cuenta).where(Cuenta.correo == normalizar_correo(correo)))
        if cuenta is None or not cuenta.activa:
            return None
        return _serializador().dumps([cuenta.id, _sello(cuenta)]), cuenta.correo


def entrar_con_enlace(token: str) -> Usuario | None:
    """The account a sign-in token opens, once: signing in changes the seal the token carries."""
    try:
        cuenta_id, sello = _serializador().loads(token, max_age=60 * ENLACE_MINUTOS)
    except (BadSignature, ValueError, TypeError):
        return None
    with bd().sesiones.begin() as s:
        cuenta = s.get(Cuenta, cuenta_id) if isinstance(cuenta_id, int) else None
        if cuenta is None or not cuenta.activa or not hmac.compare_digest(_sello(cuenta), str(sello)):
            return None
        cuenta.ultimo_ingreso = ahora()
        return _usuario(cuenta)


def crear_organizacion(base: BaseDeDatos, nombre: str) -> int:
    """Create an organisation; return its id."""
    with base.sesiones.begin() as s:
        org = Organizacion(nombre=nombre.strip()[:160], creada=ahora())
        s.add(org)
        s.flush()
        return org.id


def crear_cuenta(base: BaseDeDatos, organizacion_id: int, correo: str, nombre: str, clave: str) -> int:
    """Create an advocate account in an organisation; return its id."""
    problema = problema_de_clave(clave, (correo, nombre))
    if problema:
        raise ValueError(problema)
    with base.sesiones.begin() as s:
        if s.get(Organizacion, organizacion_id) is None:
            raise ValueError("Esa organización no existe.")
        cuenta = Cuenta(
            organizacion_id=organizacion_id,
            correo=normalizar_correo(correo),
            nombre=nombre.strip(),
            clave=cifrar(clave),
            ficha_sesion=secrets.token_urlsafe(32),
            activa=True,
            creada=ahora(),
        )
        s.add(cuenta)
        s.flush()
        return cuenta.id


def iniciar_sesion_vigilada() -> None:
    """Mark the start and last activity of a fresh login session."""
    ahora_s = int(time.time())
    session["inicio"] = ahora_s
    session["visto"] = ahora_s


def vigilar_sesion() -> None:
    """Before each request: end a session idle too long or too old (Flask-Login then asks to log in)."""
    if not current_user.is_authenticated:
        return
    cfg = current_app.config
    ahora_s = int(time.time())
    inicio, visto = session.get("inicio", 0), session.get("visto", 0)
    if ahora_s - visto > 60 * int(cfg["SESION_INACTIVIDAD_MIN"]) or ahora_s - inicio > 3600 * int(
        cfg["SESION_MAXIMA_HORAS"]
    ):
        logout_user()
        session.clear()
        return
    if ahora_s - visto >= 30:
        session["visto"] = ahora_s


def preparar(app: Flask) -> None:
    """Attach Flask-Login and the session watch to the app."""
    gestor.init_app(app)
    app.before_request(vigilar_sesion)
