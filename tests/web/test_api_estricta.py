"""The API is as strict as its OpenAPI document (hardening part 2, item 11), while the form and batches
keep converting what people type."""

from __future__ import annotations

import re

import pytest

from rules.caso import ANIO_MAXIMO, ANIO_MINIMO
from rules.texto_seguro import PATRON_ANIOS
from tests.conftest import cargar_semilla
from web.openapi import documento


def _con(cambio) -> dict:
    datos = cargar_semilla()
    cambio(datos)
    return datos


SI_NO = "Debe ser sí (true) o no (false)."
CASOS_MALOS = {
    "compensacion_aplicada": (lambda d: d.update(compensacion_aplicada=0), SI_NO),
    "fallas[0].masiva": (lambda d: d["fallas"][0].update(masiva="true"), SI_NO),
    "contrato.valor_mensual": (lambda d: d["contrato"].update(valor_mensual=189900.0),
                               "Debe ser un número entero."),
    "contrato.dia_corte": (lambda d: d["contrato"].update(dia_corte="15"), "Debe ser un número entero."),
    "permanencia.valor_exigido": (lambda d: d["permanencia"].update(valor_exigido=350000.5),
                                  "Debe ser un número entero."),
}


@pytest.mark.parametrize("campo", list(CASOS_MALOS))
def test_la_api_no_convierte_tipos(client, campo):
    cambio, mensaje = CASOS_MALOS[campo]
    r = client.post("/api/v1/evaluar", json=_con(cambio))
    assert r.status_code == 422
    assert {"campo": campo, "mensaje": mensaje} in r.json["errores"]


def test_la_semilla_sigue_pasando(client):
    assert client.post("/api/v1/evaluar", json=cargar_semilla()).status_code == 200


def test_el_documento_dice_los_patrones_y_el_rango_de_fechas():
    esquemas = documento()["components"]["schemas"]
    assert esquemas["Caso"]["properties"]["fecha_evaluacion"]["pattern"] == PATRON_ANIOS
    assert "pattern" in esquemas["Usuario"]["properties"]["numero_documento"]
    assert "pattern" in esquemas["Usuario"]["properties"]["nombre"]
    assert esquemas["Falla"]["properties"]["inicio"]["pattern"] == PATRON_ANIOS


def test_el_patron_de_anios_es_el_rango_del_modelo():
    for anio in range(1900, 2200):
        documentado = re.match(PATRON_ANIOS, f"{anio}-01-01") is not None
        assert documentado == (ANIO_MINIMO <= anio <= ANIO_MAXIMO), anio


def test_sin_recorte_en_la_api_pero_si_en_el_formulario(client):
    datos = _con(lambda d: d["usuario"].update(numero_documento=" 52123456"))
    r = client.post("/api/v1/evaluar", json=datos)
    assert r.status_code == 422 and r.json["errores"] == [
        {"campo": "usuario.numero_documento", "mensaje": "No puede empezar ni terminar con espacios."}]
    from rules import validar_caso

    assert validar_caso(datos).usuario.numero_documento == "52123456"


@pytest.mark.parametrize("fecha", ["1989-12-31", "2101-01-01"])
def test_fechas_fuera_de_rango(client, fecha):
    r = client.post("/api/v1/evaluar", json=_con(lambda d: d.update(fecha_evaluacion=fecha)))
    assert r.status_code == 422 and r.json["errores"][0]["campo"] == "fecha_evaluacion"
