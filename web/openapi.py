"""The OpenAPI 3.1 document of the JSON API, generated from the pydantic models it speaks."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from pydantic.json_schema import models_json_schema

from rules import Caso, Decision
from rules.caso import ANIO_MAXIMO, ANIO_MINIMO
from rules.decision import TIPOS_CARTA
from rules.texto import numero
from rules.texto_seguro import TEXTO_LIBRE_MAXIMO
from web.esquemas import Catalogo, RespuestaError

REF = "#/components/schemas/{model}"
_MAXIMO_TEXTO = numero(TEXTO_LIBRE_MAXIMO)

DESCRIPCION = f"""\
API de Salida: evalúa la situación de un suscriptor de telecomunicaciones en Colombia (un **Caso**)
con el régimen de protección de usuarios y devuelve la **Decisión** (fundamentos con cita y estado
V/S/U, compensación, plazos con fechas concretas) y las cartas para presentar.

Salida informa y redacta: la persona revisa, firma y presenta sus cartas. No es asesoría legal.
La API no guarda nada: cada solicitud lleva el caso completo.

**Errores.** Todas las respuestas de error son JSON con `mensaje` (en español) y `errores`. Un caso
inválido responde **422** con un elemento por campo: `campo` es la ruta en el caso
(`usuario.correo`, `fallas[0].fin`, `reclamaciones[1].fecha_respuesta`; vacía si es el documento
entero) y `mensaje` dice qué corregir. Además del esquema, se revisa la coherencia de las fechas
(p. ej. una falla que termina antes de empezar o una fecha posterior a `fecha_evaluacion`).

**Tipos exactos.** La API valida lo que dice este documento, sin conversiones: los booleanos son
`true` o `false` (no `0`, `1` ni `"true"`), los valores en pesos y los días son enteros JSON (no
`189900.0` ni `"189900"`), las fechas van de {ANIO_MINIMO} a {ANIO_MAXIMO} y los textos no
empiezan ni terminan con espacios ni llevan caracteres de control o de cambio de dirección
(`pattern`); los nombres no llevan emoji. Las descripciones del caso suman como máximo
{_MAXIMO_TEXTO} caracteres.
Otros códigos: 404 (tipo de carta desconocido), 409 (la carta no corresponde al caso; `mensaje`
dice por qué), 413 (cuerpo de más de 512 KiB), 415 (el cuerpo no es `application/json`), 429
(límite de PDF por cliente superado; vea `Retry-After`) y 503 (motor de PDF no disponible).
"""


def _ejemplo() -> dict[str, Any]:
    return json.loads((files("rules") / "ejemplos" / "semilla.json").read_text(encoding="utf-8"))


def _error(descripcion: str) -> dict[str, Any]:
    return {"description": descripcion,
            "content": {"application/json": {"schema": {"$ref": REF.format(model="RespuestaError")}}}}


def _cuerpo_caso() -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {
        "schema": {"$ref": REF.format(model="Caso")},
        "examples": {"semilla": {"summary": "Caída masiva nocturna (caso semilla)", "value": _ejemplo()}},
    }}}


_ERRORES_CASO = {
    "413": _error("El cuerpo supera el tamaño máximo."),
    "415": _error("El cuerpo no es JSON (`Content-Type: application/json`)."),
    "422": _error("El caso no es válido: un error por campo, con su ruta y un mensaje en español."),
}


def _rutas() -> dict[str, Any]:
    return {
        "/api/v1/evaluar": {"post": {
            "operationId": "evaluar", "summary": "Evaluar un caso",
            "description": "Aplica las reglas al caso en su `fecha_evaluacion` y devuelve la decisión.",
            "requestBody": _cuerpo_caso(),
            "responses": {"200": {"description": "La decisión.", "content": {"application/json": {
                "schema": {"$ref": REF.format(model="Decision")}}}}, **_ERRORES_CASO},
        }},
        "/api/v1/cartas/{tipo}": {"post": {
            "operationId": "carta", "summary": "Redactar una carta",
            "description": "La carta `tipo` del caso, en PDF (por defecto), texto o HTML. Solo se "
                           "redactan las cartas de `cartas_posibles` de la decisión.",
            "parameters": [
                {"name": "tipo", "in": "path", "required": True, "description": "Tipo de carta.",
                 "schema": {"type": "string", "enum": list(TIPOS_CARTA)}},
                {"name": "formato", "in": "query", "required": False, "description": "Formato.",
                 "schema": {"type": "string", "enum": ["pdf", "txt", "html"], "default": "pdf"}},
            ],
            "requestBody": _cuerpo_caso(),
            "responses": {
                "200": {"description": "La carta (como archivo adjunto, sin datos personales en el "
                                       "nombre).", "content": {
                    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                    "text/plain": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}},
                }},
                "404": _error("Tipo de carta desconocido."),
                "409": _error("La carta no corresponde a este caso; `mensaje` explica por qué."),
                **_ERRORES_CASO,
                "422": _error("El caso o el formato no son válidos (ruta del campo y mensaje)."),
                "429": _error("Demasiados PDF en poco tiempo desde este cliente."),
                "503": _error("El motor de PDF no está disponible en este servidor (el texto sí)."),
            },
        }},
        "/api/v1/reglas": {"get": {
            "operationId": "reglas", "summary": "Catálogo de reglas",
            "description": "Cada regla con sus citas y su estado (V/S/U), y los parámetros por fecha.",
            "responses": {"200": {"description": "El catálogo.", "content": {"application/json": {
                "schema": {"$ref": REF.format(model="Catalogo")}}}}},
        }},
    }


@cache
def documento() -> dict[str, Any]:
    """The OpenAPI 3.1 document (computed once per process)."""
    _, esquemas = models_json_schema(
        [(Caso, "validation"), (Decision, "serialization"), (RespuestaError, "serialization"),
         (Catalogo, "serialization")],
        ref_template=REF,
    )
    return {
        "openapi": "3.1.0",
        "info": {"title": "API de Salida", "version": "1", "description": DESCRIPCION,
                 "license": {"name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later"}},
        "paths": _rutas(),
        "components": {"schemas": esquemas["$defs"]},
    }
