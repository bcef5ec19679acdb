"""The JSON API: evaluate a case, draft a letter, list the rules; stateless and CSRF-exempt."""

from __future__ import annotations

import json

from flask import Blueprint, Response, abort, jsonify, render_template, request

from rules import Caso, CasoInvalido, ErrorCampo
from rules.decision import TIPOS_CARTA
from web import cartas
from web.errores import respuesta_error
from web.esquemas import catalogo_validado, error_de_caso
from web.motor import decidir, validar
from web.openapi import documento
from web.seguridad import csrf, limite_pdf

api = Blueprint("api", __name__, url_prefix="/api")
csrf.exempt(api)

FORMATOS = ("pdf", "txt", "html")


def _leer_caso() -> Caso:
    if not request.is_json:
        abort(415)
    return validar(request.get_data(cache=False))


@api.errorhandler(CasoInvalido)
def _caso_invalido(exc: CasoInvalido) -> tuple[Response, int]:
    return jsonify(error_de_caso(exc.errores)), 422


@api.post("/v1/evaluar")
def evaluar_caso() -> Response:
    """Caso → Decisión, as JSON."""
    decision = decidir(_leer_caso())
    return Response(decision.model_dump_json(), mimetype="application/json")



@api.post("/v1/cartas/<tipo>")
@limite_pdf
def carta(tipo: str) -> Response:
    """One letter of the case as PDF, text or HTML (`?formato=`)."""
    if tipo not in TIPOS_CARTA:
        abort(404)
    formato = request.args.get("formato", "pdf")
    if formato not in FORMATOS:
        raise CasoInvalido([ErrorCampo("formato", "Use uno de: pdf, txt, html.")])
    caso = _leer_caso()
    decision = decidir(caso)
    if tipo not in decision.cartas_posibles:
        return respuesta_error(409, decision.cartas_no_disponibles.get(tipo))
    return cartas.descarga(caso, decision, tipo, formato)


@api.get("/v1/reglas")
def reglas() -> Response:
    """The rule catalogue as JSON."""
    return jsonify(catalogo_validado())


@api.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 document (keys in the document's own order)."""
    return Response(json.dumps(documento(), ensure_ascii=False), mimetype="application/json")


@api.get("/docs")
def docs() -> str:
    """A local page that reads the OpenAPI document and lets you try each request."""
    return render_template("api_docs.html")
