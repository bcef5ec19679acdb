"""Security for every response: CSRF on forms, rate limits, headers (CSP and friends), no caching."""

from __future__ import annotations

from flask import Response, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()


def clave_cliente() -> str:
    """Whom a rate limit counts: a logged-in advocate's account (an office shares one address),
    else the client's address."""
    if getattr(current_app, "login_manager", None) is not None:
        from flask_login import current_user

        if getattr(current_user, "is_authenticated", False):
            return f"cuenta:{current_user.get_id()}"
    return get_remote_address()


limiter = Limiter(clave_cliente, storage_uri="memory://")


def _pide_pdf() -> bool:
    # Pages and saved cases name the format in the path; the API in `?formato=` (PDF by default).
    formato = (request.view_args or {}).get("formato")
    return (formato or request.args.get("formato", "pdf")) == "pdf"


# One shared budget (LIMITE_PDF) for every PDF download: pages, API and saved cases.
limite_pdf = limiter.shared_limit(lambda: current_app.config["LIMITE_PDF"], scope="pdf",
                                  exempt_when=lambda: not _pide_pdf())

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
