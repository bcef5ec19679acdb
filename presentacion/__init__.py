"""What the pages say about a decision, shared by the web's pages and the saved cases (`casos`).

It depends on `rules`, `entrada` and `letters` only, never on `web` or `casos`, so both can import it.
Public API: `etiquetas` (Spanish words for codes), `redaccion` (deadlines in words), the timeline
(`linea_de_tiempo`, `Hito`), today in Colombia (`hoy_en_bogota`), and the decision's view model
(`respuesta`, `contexto`, `faltantes` and their types, `PRIORIDAD_CARTAS`).
"""

from presentacion import etiquetas, redaccion
from presentacion.decision import (
    PRIORIDAD_CARTAS,
    Faltante,
    QueHacer,
    Respuesta,
    Ubicar,
    compensacion_filas,
    contexto,
    faltantes,
    por_que,
    que_hacer,
    respuesta,
)
from presentacion.linea_de_tiempo import Hito, linea_de_tiempo
from presentacion.reloj import hoy_en_bogota

__all__ = [
    "PRIORIDAD_CARTAS",
    "Faltante",
    "Hito",
    "QueHacer",
    "Respuesta",
    "Ubicar",
    "compensacion_filas",
    "contexto",
    "etiquetas",
    "faltantes",
    "hoy_en_bogota",
    "linea_de_tiempo",
    "por_que",
    "que_hacer",
    "redaccion",
    "respuesta",
]
