"""How a `Caso` path is named as a spreadsheet column: one flat header per field, nested objects
prefixed, the items of a list numbered (`falla1_inicio`, `falla2_inicio`…)."""

from __future__ import annotations

PREFIJOS = {"usuario": "", "contrato": "", "permanencia": "permanencia_",
            "solicitud_terminacion": "terminacion_"}
GRUPOS_COLUMNA = {"fallas": "falla", "reclamaciones": "reclamacion",
                  "cambios_unilaterales": "cambio", "gastos_adicionales": "gasto"}
RENOMBRES = {"contrato.numero": "numero_contrato", "contrato.fecha_inicio": "fecha_inicio_contrato"}


def nombre_columna(ruta: str, fila: int = 1) -> str:
    """The column of a path without indices: `contrato.numero` → `numero_contrato`,
    `fallas.cun` → `falla1_cun` (row `fila` of the group), `contrato.valores_por_servicio.movil` →
    `valor_movil`."""
    if ruta in RENOMBRES:
        return RENOMBRES[ruta]
    padre, _, hoja = ruta.rpartition(".")
    if padre in GRUPOS_COLUMNA:
        return f"{GRUPOS_COLUMNA[padre]}{fila}_{hoja}"
    if padre.endswith("valores_por_servicio"):
        return f"valor_{hoja}"
    return PREFIJOS.get(padre, "") + hoja
