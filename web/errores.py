"""Error pages in Spanish (HTML for people, JSON under /api/), never a traceback."""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

import letters

MENSAJES: dict[int, tuple[str, str]] = {
    400: ("Solicitud no válida", "No pudimos entender lo que envió. Vuelva a la página anterior e "
                                 "inténtelo de nuevo."),
    404: ("Página no encontrada", "La dirección no existe. Revise el enlace o vuelva al inicio."),
    405: ("Método no permitido", "Esta dirección no acepta esa operación. Vuelva al inicio."),
    409: ("No disponible para su caso", "Esta carta no corresponde a su caso."),
    413: ("Demasiados datos", "Lo que envió es demasiado grande. Acorte las descripciones o "
                              "quite filas e inténtelo de nuevo."),
    415: ("Formato no admitido", "Envíe el caso como JSON (Content-Type: application/json)."),
    422: ("Datos no válidos", "Revise los datos enviados."),
    429: ("Demasiadas solicitudes", "Ha pedido muchas cartas en poco tiempo. Espere un minuto y "
                                    "vuelva a intentarlo."),
    500: ("Error del servidor", "Algo falló de nuestro lado. Sus datos no se guardaron. Vuelva a "
                                "intentarlo en un momento."),
    503: ("PDF no disponible por ahora", "No pudimos generar el PDF en este momento. Puede descargar "
                                         "la carta en texto y volver a intentarlo más tarde."),
}
ANIDADO_MENSAJE = ("El campo «caso» tiene demasiados niveles anidados (listas u objetos unos dentro de "
                   "otros). Envíe el caso con la forma documentada.")
ANIDADO_DOCUMENTO = ANIDADO_MENSAJE.replace("El campo «caso»", "El documento")
CSRF_MENSAJE = ("La página estuvo abierta mucho tiempo o su navegador no aceptó la cookie de "
                "seguridad. Vuelva a cargar la página e inténtelo de nuevo.")


def es_api() -> bool:
    """Whether the request is for the JSON API (errors then answer in JSON)."""
    return request.path.startswith("/api/")


def respuesta_error(codigo: int, mensaje: str | None = None) -> Response:
    """An error page (or JSON body) for `codigo`, in Spanish."""
    titulo, texto = MENSAJES.get(codigo, MENSAJES[500])
    cuerpo: Response | str
    if es_api():
        cuerpo = jsonify(mensaje=mensaje or texto, errores=[])
    else:
        cuerpo = render_template("error.html", codigo=codigo, titulo=titulo, mensaje=mensaje or texto)
    respuesta = make_response(cuerpo)
    respuesta.status_code = codigo
    return respuesta


def http(error: HTTPException) -> Response:
    """Any HTTP error (400, 404, 405, 413, 429…), keeping headers such as `Allow` and `Retry-After`."""
    codigo = error.code or 500
    respuesta = respuesta_error(codigo if codigo in MENSAJES else 400)
    for nombre, valor in error.get_headers():
        if nombre in ("Allow", "Retry-After"):
            respuesta.headers[nombre] = valor
    if codigo == 429:
        respuesta.headers.setdefault("Retry-After", "60")
    return respuesta


def carta_no_disponible(error: letters.CartaNoDisponible) -> Response:
    """The letters package refused a letter kind for this case: say why (409)."""
    return respuesta_error(409, error.motivo)


def sin_renderizador(error: letters.RenderizadorNoDisponible) -> Response:
    """The PDF renderer cannot start on this machine (503); the text version still works."""
    current_app.logger.error("Renderizador de PDF no disponible: %s", error)
    return respuesta_error(503)


def csrf(error: CSRFError) -> Response | tuple[str, int]:
    """A form posted without a valid CSRF token: keep the form's data when it was the case form."""
    if request.endpoint == "paginas.enviar":
        from web.vistas import formulario_con_aviso

        return formulario_con_aviso(CSRF_MENSAJE), 400
    return respuesta_error(400, CSRF_MENSAJE)


def anidado(error: RecursionError) -> Response:
    """JSON nested too deep to parse (a `RecursionError`): a 4xx naming the field, never a 500."""
    if es_api():
        respuesta = make_response(jsonify(mensaje="El caso no es válido.", errores=[
            {"campo": "", "mensaje": ANIDADO_DOCUMENTO}]))
        respuesta.status_code = 422
        return respuesta
    return respuesta_error(400, ANIDADO_MENSAJE)


def inesperado(error: Exception) -> Response:
    """An exception nobody expected: log it (personal data masked) and show the 500 page."""
    if isinstance(error, HTTPException):
        return http(error)
    current_app.logger.error("Error no controlado en %s %s", request.method, request.path,
                             exc_info=error)
    return respuesta_error(InternalServerError.code)


def instalar(app: Flask) -> None:
    """Answer every error with a Spanish page (or JSON under /api/)."""
    app.register_error_handler(CSRFError, csrf)
    app.register_error_handler(letters.CartaNoDisponible, carta_no_disponible)
    app.register_error_handler(letters.RenderizadorNoDisponible, sin_renderizador)
    app.register_error_handler(RecursionError, anidado)
    app.register_error_handler(Exception, inesperado)  # HTTP errors too (`http`)
