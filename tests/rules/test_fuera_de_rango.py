"""The engine's public API never lets an `OverflowError` out: a date the calendar cannot count is a
`CasoInvalido` in Spanish, as pages, API and batches expect."""

from __future__ import annotations

from datetime import date

import pytest

from rules import FUERA_DE_RANGO, CasoInvalido, evaluar, validar_caso


def test_una_fecha_que_el_calendario_no_puede_contar_es_un_caso_invalido(semilla):
    caso = validar_caso(semilla)
    # Built without validation (which bounds years to 1990–2100), as a program could: the answer term
    # of a complaint filed on 30 December 9999 ends past the last date Python can represent.
    reclamacion = caso.reclamaciones[0].model_copy(update={"fecha_radicacion": date(9999, 12, 30)})
    with pytest.raises(CasoInvalido) as exc:
        evaluar(caso.model_copy(update={"reclamaciones": [reclamacion]}))
    assert exc.value.errores == [FUERA_DE_RANGO]
    assert "fuera de rango" in FUERA_DE_RANGO.mensaje
