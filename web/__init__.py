"""Salida's web app: pages for subscribers and the JSON API, on top of `rules` and `letters`.

Public API (other packages, e.g. `casos`, import only these names): the blueprints `paginas` and
`api`; the modules `create_app` wires in, each with `instalar(app)` or its settings: `config` (the
web settings and how settings are read), `seguridad`, `registro`, `errores` and `base` (template
helpers); the rate limiter and the PDF limit for views that draw letters (`limiter`, `limite_pdf`);
the one letter download (`descargar_carta`, 409 with the reason when the case does not allow the
letter); and where the interview asks each fact (`donde_se_pregunta`), which
`presentacion.respuesta` needs.
"""

from web import base, config, errores, registro, seguridad
from web.api import api
from web.presentacion import descargar_carta, donde_se_pregunta
from web.seguridad import limite_pdf, limiter
from web.vistas import paginas

__all__ = [
    "api",
    "base",
    "config",
    "descargar_carta",
    "donde_se_pregunta",
    "errores",
    "limite_pdf",
    "limiter",
    "paginas",
    "registro",
    "seguridad",
]
