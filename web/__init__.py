"""Salida's web app: pages for subscribers and the JSON API, on top of `rules` and `letters`.

Public API: the blueprints `base` (security, errors, logging, template helpers), `paginas` and
`api`, and `DEFECTOS` (the embedded configuration).
"""

from web.api import api
from web.base import base
from web.config import DEFECTOS
from web.vistas import paginas

__all__ = ["DEFECTOS", "api", "base", "paginas"]
