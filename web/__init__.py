"""Salida's web app: pages for subscribers and the JSON API, on top of `rules` and `letters`.

Public API (other packages, e.g. `casos`, import only these names): the blueprints `base`
(security, errors, logging, template helpers), `paginas` and `api`; `DEFECTOS` (the embedded
configuration); the rate limiter and the PDF limit for views that draw letters (`limiter`,
`limite_pdf`); the one letter download (`descargar_carta`, 409 with the reason when the case does not
allow the letter); and where the interview asks each fact (`donde_se_pregunta`), which
`presentacion.respuesta` needs.
"""

from web.api import api
from web.base import base
from web.config import DEFECTOS
from web.presentacion import descargar_carta, donde_se_pregunta
from web.seguridad import limite_pdf, limiter
from web.vistas import paginas

__all__ = [
    "DEFECTOS",
    "api",
    "base",
    "descargar_carta",
    "donde_se_pregunta",
    "limite_pdf",
    "limiter",
    "paginas",
]
