"""The three doors read the same spellings the same way: the form (its converter, its mapping and the
page that posts it), the batch (a CSV row, and typed XLSX cells) and the API (typed JSON).

The table is `tests/entrada/ortografias.py`. Each spelling changes one answer of the seed case: the
form gets it in its field, the batch in its column, the API as the typed JSON value it stands for.
"""

from __future__ import annotations

import copy
import html
import json
import re
from datetime import date, datetime
from typing import Any

import pytest
from flask.testing import FlaskClient

from app import create_app
from batch.columnas import nombre_de_ruta
from batch.conversion import FilaLeida, leer_fila
from batch.lectura import leer_hoja
from entrada import PREGUNTAS, ErrorEntrada, convertir_respuesta
from rules import Caso, CasoInvalido
from rules.caso import en_bogota
from tests.batch.conftest import fila_ejemplo, hacer_csv, hacer_xlsx
from tests.conftest import cargar_semilla
from tests.entrada.ortografias import GRAFIAS, Grafia, Rechazo
from tests.web.conftest import CONFIG_PRUEBAS, formulario_de
from web.api import validar_json_estricto
from web.formulario import leer
from web.mapeo import validar_formulario

FECHA_LOTE = date(2026, 11, 28)
_ID = [f"{g.campo}={g.escrito!r}" for g in GRAFIAS]


@pytest.fixture(scope="module")
def cliente() -> FlaskClient:
    """A test client of the app with test settings."""
    return create_app(copy.deepcopy(CONFIG_PRUEBAS)).test_client()


def _pasos(campo: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", campo) if p]


def _valor(caso: Caso, campo: str) -> Any:
    actual: Any = caso
    for paso in _pasos(campo):
        actual = actual[paso] if isinstance(paso, int) else getattr(actual, paso)
    return actual


def _como_en_el_caso(valor: Any) -> Any:
    """A converter's value as the model keeps it (a naive date-time is Colombian time)."""
    return en_bogota(valor) if isinstance(valor, datetime) else valor


def _json(valor: Any) -> Any:
    return valor.isoformat() if isinstance(valor, date | datetime) else valor


def _por_la_api(campo: str, valor: Any) -> Caso:
    datos = cargar_semilla()
    *padres, hoja = _pasos(campo)
    destino: Any = datos
    for paso in padres:
        destino = destino[paso]
    destino[hoja] = valor
    return validar_json_estricto(json.dumps(datos).encode())


def _por_el_lote(celdas: dict[str, Any], xlsx: bool = False) -> FilaLeida:
    fila = fila_ejemplo(**celdas)
    datos = hacer_xlsx([fila]) if xlsx else hacer_csv([fila])
    [(numero, leidas)] = list(leer_hoja("casos.xlsx" if xlsx else "casos.csv", datos).filas)
    return leer_fila(numero, leidas, FECHA_LOTE)


def _mensajes_api(campo: str, valor: Any) -> list[str] | None:
    try:
        _por_la_api(campo, valor)
    except CasoInvalido as exc:
        return [e.mensaje for e in exc.errores if e.campo == campo]
    return None


@pytest.mark.parametrize("g", GRAFIAS, ids=_ID)
def test_el_conversor_del_formulario(g: Grafia):
    pregunta = PREGUNTAS[re.sub(r"\[\d+\]", "[]", g.campo)]
    if isinstance(g.esperado, Rechazo):
        try:
            convertir_respuesta(pregunta, g.escrito)
        except ErrorEntrada as exc:
            assert g.esperado.mensaje in exc.mensaje
        else:  # read, then refused by the model (a date out of its years): the mapping says so
            assert g.esperado.tipado is not None
    else:
        assert _como_en_el_caso(convertir_respuesta(pregunta, g.escrito)) == g.esperado


@pytest.mark.parametrize("g", GRAFIAS, ids=_ID)
def test_el_formulario(g: Grafia, semilla):
    datos = formulario_de(semilla)
    datos[g.campo] = g.escrito
    caso, errores = validar_formulario(leer(datos))
    if isinstance(g.esperado, Rechazo):
        assert caso is None and {e.nombre for e in errores} == {g.campo}
        assert any(g.esperado.mensaje in e.mensaje for e in errores), errores
    else:
        assert errores == [] and caso is not None
        assert _valor(caso, g.campo) == g.esperado


@pytest.mark.parametrize("g", GRAFIAS, ids=_ID)
def test_la_pagina_del_formulario(g: Grafia, semilla, cliente: FlaskClient):
    datos = formulario_de(semilla)
    datos[g.campo] = g.escrito
    r = cliente.post("/caso", data=datos)
    if isinstance(g.esperado, Rechazo):
        assert r.status_code == 422 and g.esperado.mensaje in html.unescape(r.text)
    else:
        assert r.status_code == 200


@pytest.mark.parametrize("g", GRAFIAS, ids=_ID)
def test_el_lote(g: Grafia):
    columna = nombre_de_ruta(g.campo)
    leida = _por_el_lote({columna: g.escrito})
    if isinstance(g.esperado, Rechazo):
        assert leida.caso is None and {e.columna for e in leida.errores} == {columna}
        assert any(g.esperado.mensaje in e.mensaje for e in leida.errores), leida.errores
    else:
        assert leida.errores == [] and leida.caso is not None
        assert _valor(leida.caso, g.campo) == g.esperado


# Refusals of people's spellings ("12 mil") have no typed value: the API cannot be asked them.
TIPADO = [g for g in GRAFIAS if not isinstance(g.esperado, Rechazo) or g.esperado.tipado is not None]


@pytest.mark.parametrize("g", TIPADO, ids=[f"{g.campo}={g.escrito!r}" for g in TIPADO])
def test_la_api_con_el_valor_tipado_da_el_mismo_caso(g: Grafia):
    if isinstance(g.esperado, Rechazo):
        mensajes = _mensajes_api(g.campo, g.esperado.tipado)
        assert mensajes is not None and any(g.esperado.mensaje in m for m in mensajes), mensajes
        return
    caso = _por_la_api(g.campo, _json(g.esperado))
    assert _valor(caso, g.campo) == g.esperado
    assert caso == _por_el_lote({nombre_de_ruta(g.campo): g.escrito}).caso


def _marcas(g: Grafia) -> list[pytest.MarkDecorator]:
    return [pytest.mark.xfail(strict=True, reason=g.api_distinta)] if g.api_distinta else []


@pytest.mark.parametrize("g", [pytest.param(g, marks=_marcas(g)) for g in GRAFIAS], ids=_ID)
def test_lo_que_la_api_acepta_escrito_asi_los_otros_lo_leen_igual(g: Grafia):
    """The API converts nothing; a text it does take must mean there what it means in the others."""
    try:
        caso = _por_la_api(g.campo, g.escrito)
    except CasoInvalido:
        return
    assert not isinstance(g.esperado, Rechazo)
    assert _valor(caso, g.campo) == g.esperado


# Typed XLSX cells (openpyxl gives numbers, dates and booleans) and the API's typed JSON: one case.
TIPADAS = [
    ("contrato.valor_mensual", 189900, 189900), ("contrato.valor_mensual", 189900.0, 189900),
    ("contrato.dia_corte", 15.0, 15),
    ("reclamaciones[0].fecha_radicacion", datetime(2026, 11, 5), "2026-11-05"),
    ("reclamaciones[0].fecha_radicacion", date(2026, 11, 5), "2026-11-05"),
    ("fallas[0].inicio", datetime(2026, 11, 3, 19, 40), "2026-11-03T19:40:00-05:00"),
    ("fallas[0].masiva", False, False), ("fallas[0].masiva", True, True),
    ("usuario.numero_documento", 52123456, "52123456"),
]


@pytest.mark.parametrize(("campo", "celda", "json_"), TIPADAS)
def test_celdas_tipadas_y_json_tipado_dan_el_mismo_caso(campo: str, celda: Any, json_: Any):
    leida = _por_el_lote({nombre_de_ruta(campo): celda}, xlsx=True)
    assert leida.errores == [] and leida.caso == _por_la_api(campo, json_)


@pytest.mark.parametrize(("campo", "celda", "mensaje"), [
    ("contrato.valor_mensual", 189900.5, "sin centavos"),
    ("contrato.dia_corte", 15.5, "Escriba solo números"),
    ("fallas[0].masiva", 2, "Responda sí, no o no sé."),
])
def test_celdas_tipadas_que_no_se_leen(campo: str, celda: Any, mensaje: str):
    [error] = _por_el_lote({nombre_de_ruta(campo): celda}, xlsx=True).errores
    assert error.columna == nombre_de_ruta(campo) and mensaje in error.mensaje
