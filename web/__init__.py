"""Salida's web app: pages for subscribers and the JSON API, on top of `rules` and `letters`.

Public API (other packages, e.g. `casos`, import only these names): the blueprints `paginas` and
`api`; `config` (the web settings, and `leer`, how every setting is read from the environment); the
rate limiter and the PDF limit for views that draw letters (`limiter`, `limite_pdf`); the one letter
download (`descargar_carta`, 409 with the reason when the case does not allow the letter); and where
the interview asks each fact (`donde_se_pregunta`), which `presentacion.respuesta` needs. `create_app`
also installs `seguridad`, `registro`, `errores` and `base` (template helpers) with their `instalar`.
"""

from web import config
from web.api import api
from web.presentacion import descargar_carta, donde_se_pregunta
from web.seguridad import limite_pdf, limiter
from web.vistas import paginas

__all__ = [
    "api",
    "config",
    "descargar_carta",
    "donde_se_pregunta",
    "limite_pdf",
    "limiter",
    "paginas",
]
