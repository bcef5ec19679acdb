"""Advocate accounts: argon2 passwords, Flask-Login, and sessions that expire and can be revoked.

The session cookie carries `<account id>:<session key>`; the key is random, stored with the account
and rotated on logout and on a password change, so a copied cookie stops working. A session also
ends after `SESION_INACTIVIDAD_MIN` minutes idle or `SESION_MAXIMA_HORAS` hours in all.
"""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, current_app, session
from flask_login import LoginManager, current_user, logout_user
from sqlalchemy import select

from store.casos import Cuenta, Organizacion
from store.db import BaseDeDatos, base_de_datos
from store.models import ahora

CLAVE_MINIMA = 12
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


def cambiar_clave(cuenta_id: int, actual: str, nueva: str) -> Usuario | None:
    """Set a new password if the current one matches; rotates the session key (other sessions end)."""
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
        return _usuario(cuenta)


def revocar_sesiones(cuenta_id: int) -> None:
    """Rotate the account's session key: every cookie issued so far stops working."""
    with bd().sesiones.begin() as s:
        cuenta = s.get(Cuenta, cuenta_id)
        if cuenta is not None:
            cuenta.ficha_sesion = secrets.token_urlsafe(32)


def crear_organizacion(base: BaseDeDatos, nombre: str) -> int:
    """Create an organisation; return its id."""
    with base.sesiones.begin() as s:
        org = Organizacion(nombre=nombre.strip()[:160], creada=ahora())
        s.add(org)
        s.flush()
        return org.id


def crear_cuenta(base: BaseDeDatos, organizacion_id: int, correo: str, nombre: str, clave: str) -> int:
    """Create an advocate account in an organisation; return its id."""
    if len(clave) < CLAVE_MINIMA:
        raise ValueError(f"La contraseña debe tener al menos {CLAVE_MINIMA} caracteres.")
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
