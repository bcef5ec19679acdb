"""The converters and limits of `entrada` beyond the table of spellings.

The table itself (`tests/entrada/ortografias.py`) is read by every door in `tests/test_tres_puertas.py`.
"""

from __future__ import annotations

import pytest

from entrada import PREGUNTAS, ErrorEntrada, convertir, convertir_respuesta, limites


@pytest.mark.parametrize("tipo", ["pesos", "entero", "fecha", "fecha_hora", "tres", "texto", "nombre",
                                  "documento"])
def test_en_blanco_es_sin_respuesta(tipo):
    assert convertir(tipo, "  ") is None


def test_opciones_y_listas_sin_tildes_ni_mayusculas():
    assert convertir("opcion", "Teléfono", ["web", "telefono"]) == "telefono"
    assert convertir("lista", "internet fijo; movil, movil", ["internet_fijo", "movil"]) == [
        "internet_fijo", "movil"]
    with pytest.raises(ErrorEntrada, match="Elija una de las opciones"):
        convertir("opcion", "fax", ["web", "telefono"])


def test_los_limites_salen_del_modelo():
    assert limites("usuario.nombre").maximo_largo == 120
    assert limites("contrato.dia_corte").maximo == 31
    assert PREGUNTAS["fallas[].descripcion"].maximo == 1000
    with pytest.raises(ErrorEntrada, match="menor o igual a 31"):
        convertir_respuesta(PREGUNTAS["contrato.dia_corte"], "32")
    with pytest.raises(ErrorEntrada, match="como máximo 120 caracteres"):
        convertir_respuesta(PREGUNTAS["usuario.nombre"], "a" * 121)


def test_cada_pregunta_tiene_columna_y_etiqueta_y_las_del_modelo_existen():
    for nombre, p in PREGUNTAS.items():
        assert p.etiqueta and p.columna, nombre
        if p.en_modelo:
            limites(p.ruta)  # raises KeyError if the model has no such field
