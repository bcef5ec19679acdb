"""One table of spellings: what a person may type for each kind of answer, and what is refused.

The form reads every answer through `entrada.convertir`; the batch door is meant to read its
cells through the same function, so this table is the contract for both.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from entrada import PREGUNTAS, ErrorEntrada, convertir, convertir_respuesta, limites

ACEPTADAS = [
    ("pesos", "$189.900", 189900), ("pesos", "189.900", 189900), ("pesos", "189900", 189900),
    ("pesos", "$ 189.900", 189900), ("pesos", "189,900", 189900), ("pesos", "1.234.567", 1234567),
    ("pesos", "", None),
    ("entero", "15", 15), ("entero", " 7 ", 7),
    ("fecha", "2026-11-03", date(2026, 11, 3)), ("fecha", "03/11/2026", date(2026, 11, 3)),
    ("fecha", "3/11/2026", date(2026, 11, 3)), ("fecha", "03.11.2026", date(2026, 11, 3)),
    ("fecha", "03-11-2026", date(2026, 11, 3)),
    ("fecha_hora", "2026-11-03T19:40", datetime(2026, 11, 3, 19, 40)),
    ("fecha_hora", "2026-11-03 19:40", datetime(2026, 11, 3, 19, 40)),
    ("fecha_hora", "03/11/2026 7:40 pm", datetime(2026, 11, 3, 19, 40)),
    ("fecha_hora", "03/11/2026 19.40", datetime(2026, 11, 3, 19, 40)),
    ("tres", "Sí", True), ("tres", "si", True), ("tres", "No", False), ("tres", "No sé", None),
    ("tres", "nose", None), ("tres", "", None),
    ("documento", "52.123.456", "52123456"), ("documento", "52 123 456", "52123456"),
    ("nombre", "Ana María Pérez-Gómez", "Ana María Pérez-Gómez"), ("nombre", "  Bogotá D.C. ", "Bogotá D.C."),
    ("texto", "Calle 45 # 12-30, apto 402", "Calle 45 # 12-30, apto 402"),
]

RECHAZADAS = [
    ("pesos", "189.900,00", "sin centavos"), ("pesos", "189900.50", "sin centavos"),
    ("pesos", "12 mil", "Escriba la cifra completa con números: 12000 en lugar de «12 mil»."),
    ("pesos", "mucho", "Escriba solo números, por ejemplo 189900"),
    ("entero", "quince", "Escriba solo números, por ejemplo 15"),
    ("fecha", "2026-02-30", "no existe"), ("fecha", "ayer", "por ejemplo 03/11/2026"),
    ("fecha", "11/2026", "por ejemplo 03/11/2026"),
    ("fecha_hora", "2026-11-03", "también la hora"), ("fecha_hora", "03/11/2026 25:00", "no existe"),
    ("fecha_hora", "03/11/2026 siete", "19:40"),
    ("tres", "tal vez", "sí, no o no sé"),
    ("nombre", "Ana 😀", "sin emojis"), ("nombre", "Ana\u0007", "caracteres de control"),
    ("texto", "hola\u0000", "caracteres de control"),
    ("documento", "52*123", "solo números"),
]


@pytest.mark.parametrize(("tipo", "escrito", "valor"), ACEPTADAS)
def test_ortografias_aceptadas(tipo, escrito, valor):
    assert convertir(tipo, escrito) == valor


@pytest.mark.parametrize(("tipo", "escrito", "mensaje"), RECHAZADAS)
def test_ortografias_rechazadas_con_mensaje_y_ejemplo(tipo, escrito, mensaje):
    with pytest.raises(ErrorEntrada) as exc:
        convertir(tipo, escrito)
    assert mensaje in exc.value.mensaje


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
    with pytest.raises(ErrorEntrada, match="como máximo 31"):
        convertir_respuesta(PREGUNTAS["contrato.dia_corte"], "32")
    with pytest.raises(ErrorEntrada, match="como máximo 120 caracteres"):
        convertir_respuesta(PREGUNTAS["usuario.nombre"], "a" * 121)


def test_cada_pregunta_tiene_columna_y_etiqueta_y_las_del_modelo_existen():
    for nombre, p in PREGUNTAS.items():
        assert p.etiqueta and p.columna, nombre
        if p.en_modelo:
            limites(p.ruta)  # raises KeyError if the model has no such field


# The same table through the form door: one field of each kind, read as the form reads it.
CAMPO_DE_TIPO = {"pesos": "contrato.valor_mensual", "entero": "contrato.dia_corte",
                 "fecha": "contrato.fecha_inicio", "fecha_hora": "fallas[0].inicio",
                 "tres": "contrato.a_distancia", "documento": "usuario.numero_documento",
                 "nombre": "usuario.nombre", "texto": "usuario.direccion"}


def _por_el_formulario(tipo: str, escrito: str) -> tuple[object, list[str]]:
    from werkzeug.datastructures import MultiDict

    from web.formulario import leer
    from web.mapeo import a_caso

    nombre = CAMPO_DE_TIPO[tipo]
    t = a_caso(leer(MultiDict({nombre: escrito, "fallas[0].descripcion": "x"})))
    datos: object = t.datos
    if nombre.startswith("fallas"):
        datos = t.datos["fallas"][0] if t.datos["fallas"] else {}
        nombre = nombre.split(".", 1)[1]
    for parte in nombre.split("."):
        datos = datos.get(parte) if isinstance(datos, dict) else None  # type: ignore[union-attr]
    return datos, [e.mensaje for e in t.errores if e.campo == CAMPO_DE_TIPO[tipo]]


@pytest.mark.parametrize(("tipo", "escrito", "valor"), ACEPTADAS)
def test_el_formulario_acepta_las_mismas(tipo, escrito, valor):
    leido, errores = _por_el_formulario(tipo, escrito)
    assert errores == [] and leido == valor


@pytest.mark.parametrize(("tipo", "escrito", "mensaje"), RECHAZADAS)
def test_el_formulario_rechaza_las_mismas(tipo, escrito, mensaje):
    leido, errores = _por_el_formulario(tipo, escrito)
    assert leido is None and len(errores) == 1 and mensaje in errores[0]
