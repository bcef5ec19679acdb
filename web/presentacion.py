"""The decision page's view model with the interview's questions, and the one letter download.

The view model itself (`presentacion`) is shared with saved cases; what only the web knows is where
the interview asks each fact (`donde_se_pregunta`), so the page can link to the question.
"""

from __future__ import annotations

from flask import Response, abort

import presentacion
from presentacion import Faltante
from rules import Caso, Decision
from web import cartas
from web.campos import SUBCAMPOS, campo_id, etiqueta
from web.errores import respuesta_error
from web.mapeo import nombre_del_campo


def donde_se_pregunta(ruta: str) -> tuple[str, str]:
    """The interview's question for a `Caso` path and the id of its form field ('formulario' if none)."""
    nombre = nombre_del_campo(ruta)
    pregunta = SUBCAMPOS[ruta].titulo if ruta in SUBCAMPOS else (etiqueta(nombre) if nombre else ruta)
    return pregunta, campo_id(nombre) if nombre else "formulario"


def contexto(caso: Caso, d: Decision) -> dict[str, object]:
    """Everything the result page shows (`presentacion.contexto`), facts linked to their questions."""
    return presentacion.contexto(caso, d, donde_se_pregunta)


def faltantes(d: Decision, ya_dichas: set[str] | None = None) -> list[Faltante]:
    """The facts that would change the answer, as the interview's questions."""
    return presentacion.faltantes(d, donde_se_pregunta, ya_dichas)


def descargar_carta(caso: Caso, decision: Decision, tipo: str, formato: str) -> Response:
    """Letter `tipo` of the case as a download (`cartas.descarga`); one the case does not allow ends
    the request with 409 and the engine's Spanish reason (a page, or JSON under /api)."""
    if tipo not in decision.cartas_posibles:
        abort(respuesta_error(409, decision.cartas_no_disponibles.get(tipo)))
    return cartas.descarga(caso, decision, tipo, formato)
