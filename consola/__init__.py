"""Spanish console helpers shared by every command line of the project (batches, cases, accounts).

Public API: `confirmar(pregunta)`, a yes/no question that accepts Spanish answers.
"""

from __future__ import annotations

from consola.confirmacion import RESPUESTAS_NO, RESPUESTAS_SI, confirmar, interpretar

__all__ = ["RESPUESTAS_NO", "RESPUESTAS_SI", "confirmar", "interpretar"]
