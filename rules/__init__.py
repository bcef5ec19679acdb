"""Salida's rule engine: Colombian telecom users' rights as dated, cited rules.

Public API: `Caso`, `Decision`, `evaluar(caso)`, `validar_caso(datos)` and `CasoInvalido`.
"""

from rules.caso import Caso
from rules.decision import Decision
from rules.engine import evaluar
from rules.errores import CasoInvalido, ErrorCampo, validar_caso
from rules.parametros import ParametrosInvalidos, parametros

__all__ = [
    "Caso",
    "CasoInvalido",
    "Decision",
    "ErrorCampo",
    "ParametrosInvalidos",
    "evaluar",
    "parametros",
    "validar_caso",
]
