"""The JSON API: evaluate a case, draft a letter, list the rules; stateless and CSRF-exempt."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, abort, jsonify, render_template, request
from pydantic import ValidationError

from rules import FUERA_DE_RANGO, TIPOS_CARTA, Caso, CasoInvalido, ErrorCampo, errores_espanol, evaluar, ruta
from web.errores import ANIDADO_DOCUMENTO
from web.esquemas import catalogo_validado, error_de_caso
from web.openapi import documento
from web.presentacion import descargar_carta
from web.seguridad import csrf, limite_pdf

api = Blueprint("api", __name__, url_prefix="/api")
csrf.exempt(api)

FORMATOS = ("pdf", "txt", "html")
ESPACIOS = "No puede empezar ni terminar con espacios."
NO_ES_OBJETO = ErrorCampo("", "El caso debe ser un objeto JSON con campos.")


def _leer_caso() -> Caso:
    if not request.is_json:
        abort(415)
    return validar_json_estricto(request.get_data(cache=False))


def validar_json_estricto(cuerpo: bytes) -> Caso:
    """The posted case, validated as its OpenAPI document says: JSON types exactly (`true`, not `0`;
    whole numbers, not `189900.0`), unlike the form and batches, which convert what people typed."""
    try:
        _sin_espacios_en_los_bordes(json.loads(cuerpo))
        return Caso.model_validate_json(cuerpo, strict=True)
    except ValidationError as exc:
        if any(e["type"] == "json_invalid" and "recursion" in str(e.get("ctx", {})) for e in exc.errors()):
            raise CasoInvalido([ErrorCampo("", ANIDADO_DOCUMENTO)]) from None
        raise CasoInvalido([NO_ES_OBJETO if e.campo == "" and e.mensaje == "Debe ser un objeto con campos."
                            else e for e in errores_espanol(exc)]) from None
    except CasoInvalido:
        raise
    except (ValueError, UnicodeDecodeError):
        raise CasoInvalido([ErrorCampo("", "El documento no es JSON válido.")]) from None
    except OverflowError:
        raise CasoInvalido([FUERA_DE_RANGO]) from None


def _sin_espacios_en_los_bordes(valor: Any, camino: tuple[str | int, ...] = ()) -> None:
    """The document's patterns allow no space at either end of a text (forms trim; the API does not
    guess): refuse the first such text with its path, before any other check."""
    if isinstance(valor, str) and valor != valor.strip():
        raise CasoInvalido([ErrorCampo(ruta(camino), ESPACIOS)])
    hijos = valor.items() if isinstance(valor, dict) else enumerate(valor) if isinstance(valor, list) else ()
    for clave, hijo in hijos:
        _sin_espacios_en_los_bordes(hijo, (*camino, clave))


@api.errorhandler(CasoInvalido)
def _caso_invalido(exc: CasoInvalido) -> tuple[Response, int]:
    return jsonify(error_de_caso(exc.errores)), 422


@api.post("/v1/evaluar")
def evaluar_caso() -> Response:
    """Caso → Decisión, as JSON."""
    decision = evaluar(_leer_caso())
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
    return descargar_carta(caso, evaluar(caso), tipo, formato)


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
