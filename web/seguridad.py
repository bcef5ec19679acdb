"""Security for every response: CSRF on forms, rate limits, headers (CSP and friends), no caching."""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()


def clave_de_cliente() -> str:
    """Rate-limit key of who asks: the signed-in account (everyone in an office shares one address),
    else the client's address."""
    if hasattr(current_app, "login_manager"):
        from flask_login import current_user

        if current_user.is_authenticated:
            return f"cuenta:{current_user.id}"
    return get_remote_address()


# The storage comes from RATELIMIT_STORAGE_URI (web.config): naming it here would override it.
limiter = Limiter(clave_de_cliente)


def _pide_pdf() -> bool:
    # Pages and saved cases name the format in the path; the API in `?formato=` (PDF by default).
    formato = (request.view_args or {}).get("formato")
    return (formato or request.args.get("formato", "pdf")) == "pdf"


# One shared budget (LIMITE_PDF) for every PDF download: pages, API and saved cases; per account for
# advocates who are signed in, per address for everyone else.
limite_pdf = limiter.shared_limit(lambda: current_app.config["LIMITE_PDF"], scope="pdf",
                                  key_func=clave_de_cliente, exempt_when=lambda: not _pide_pdf())

CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
))

CABECERAS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}


def poner_cabeceras(respuesta: Response) -> Response:
    """Add the security headers; forbid caching of anything but static files (pages carry the case)."""
    for nombre, valor in CABECERAS.items():
        respuesta.headers.setdefault(nombre, valor)
    if request.is_secure:
        respuesta.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if request.endpoint != "static":
        respuesta.headers["Cache-Control"] = "no-store"
    return respuesta


def _limite_de_la_vista() -> None:
    """A view that takes files (`vista.limite_cuerpo`) may receive more than MAX_CONTENT_LENGTH."""
    vista = current_app.view_functions.get(request.endpoint or "")
    limite = getattr(vista, "limite_cuerpo", None)
    if limite:
        request.max_content_length = limite


def instalar(app: Flask) -> None:
    """Per-view body limits, CSRF on every form, rate limits and the security headers."""
    app.before_request(_limite_de_la_vista)  # before CSRF, which reads the form
    csrf.init_app(app)
    limiter.init_app(app)
    app.after_request(poner_cabeceras)
