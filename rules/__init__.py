"""Salida's rule engine: Colombian telecom users' rights as dated, cited rules.

Public API (other packages import only these names): the case (`Caso` and the literal types its
events use), `evaluar(caso) -> Decision` with the pieces of a decision pages show (`Hallazgo`,
`Plazo`, the letter kinds), validation with Spanish errors (`validar_caso`, `CasoInvalido`,
`ErrorCampo`, `errores_espanol`), the parameters, and two modules: `texto` (Spanish wording of dates,
pesos and lists) and `canales` (where to file). Neither `evaluar` nor `validar_caso` lets an
`OverflowError` out: a date the calendar cannot count is a `CasoInvalido` (`FUERA_DE_RANGO`).
"""

from rules import canales, texto
from rules.caso import ANIO_MAXIMO, ANIO_MINIMO, BOGOTA, Canal, Caso, Cun, Sentido
from rules.decision import TIPOS_CARTA, Decision, Hallazgo, ParametroUsado, Plazo, TipoCarta
from rules.engine import AVISO_LEGAL, evaluar
from rules.errores import FUERA_DE_RANGO, CasoInvalido, ErrorCampo, errores_espanol, ruta, validar_caso
from rules.parametros import Parametros, ParametrosInvalidos, parametros
from rules.permanencia import NO_SABE_PERMANENCIA
from rules.texto_seguro import TEXTO_LIBRE_MAXIMO

__all__ = [
    "ANIO_MAXIMO",
    "ANIO_MINIMO",
    "AVISO_LEGAL",
    "BOGOTA",
    "FUERA_DE_RANGO",
    "NO_SABE_PERMANENCIA",
    "TEXTO_LIBRE_MAXIMO",
    "TIPOS_CARTA",
    "Canal",
    "Caso",
    "CasoInvalido",
    "Cun",
    "Decision",
    "ErrorCampo",
    "Hallazgo",
    "ParametroUsado",
    "Parametros",
    "ParametrosInvalidos",
    "Plazo",
    "Sentido",
    "TipoCarta",
    "canales",
    "errores_espanol",
    "evaluar",
    "parametros",
    "ruta",
    "texto",
    "validar_caso",
]
