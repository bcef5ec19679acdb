"""Validation at the boundary: Spanish messages naming the field path, nothing echoed back."""

import pytest
from pydantic import ValidationError

from rules import Caso, CasoInvalido, validar_caso


def _errores(caso) -> dict[str, str]:
    with pytest.raises(CasoInvalido) as info:
        validar_caso(caso)
    return {e.campo: e.mensaje for e in info.value.errores}


def test_campos_obligatorios_y_tipos(semilla):
    del semilla["usuario"]["nombre"]
    semilla["contrato"]["valor_mensual"] = "mucho"
    semilla["contrato"]["servicios"] = ["internet_fijo", "fibra"]
    errores = _errores(semilla)
    assert errores["usuario.nombre"] == "Este dato es obligatorio."
    assert errores["contrato.valor_mensual"] == "Debe ser un número entero."
    assert errores["contrato.servicios[1]"].startswith("Valor no válido; use uno de: internet_fijo")


def test_pesos_enteros_no_negativos(semilla):
    semilla["permanencia"]["valor_beneficio"] = -5
    semilla["gastos_adicionales"][0]["valor"] = 12000.5
    errores = _errores(semilla)
    assert errores["permanencia.valor_beneficio"] == "Debe ser mayor o igual a 0."
    assert "sin decimales" in errores["gastos_adicionales[0].valor"]


def test_fechas_coherentes(semilla):
    semilla["permanencia"]["fecha_inicio"] = "2026-03-01"  # before the contract (2026-03-10)
    semilla["fallas"][1]["inicio"] = "2026-11-29T10:00:00-05:00"  # after fecha_evaluacion
    semilla["fallas"][1]["fin"] = "2026-11-30T10:00:00-05:00"
    semilla["reclamaciones"][0]["fecha_respuesta"] = "2026-11-01"
    semilla["reclamaciones"][0]["sentido_respuesta"] = "favorable"
    errores = _errores(semilla)
    assert "reclamaciones[0].fecha_respuesta" in errores
    semilla["reclamaciones"][0]["fecha_respuesta"] = None
    semilla["reclamaciones"][0]["sentido_respuesta"] = None
    errores = _errores(semilla)
    assert errores["permanencia.fecha_inicio"].startswith("La permanencia no puede empezar antes")
    assert errores["fallas[1].inicio"] == "La falla no puede ser posterior a la fecha de evaluación."
    assert "fallas[1].fin" in errores  # its end is after the evaluation date too


def test_fin_de_falla_antes_del_inicio(semilla):
    semilla["fallas"][0]["fin"] = "2026-11-03T10:00:00-05:00"
    assert _errores(semilla) == {"fallas[0].fin": "El fin de la falla es anterior a su inicio."}


def test_falla_de_un_servicio_ajeno_y_operador_otro(semilla):
    semilla["fallas"][0]["servicio"] = "television"
    semilla["operador"] = "otro"
    errores = _errores(semilla)
    assert errores["fallas[0].servicio"] == "Ese servicio no está en el contrato."
    assert errores["operador_nombre"] == "Escriba el nombre del operador."


def test_listas_acotadas_y_campos_desconocidos(semilla):
    semilla["fallas"] = semilla["fallas"] * 70
    semilla["apodo"] = "x"
    errores = _errores(semilla)
    assert errores["fallas"] == "Tiene demasiados elementos (máximo 200)."
    assert errores["apodo"] == "Este campo no existe en el formato del caso."


def test_correo_telefono_cun_y_documento(semilla):
    semilla["usuario"]["correo"] = "ana@"
    semilla["usuario"]["telefono"] = "12"
    semilla["usuario"]["numero_documento"] = "52/123/456"  # dots and spaces are dropped; a slash is not
    semilla["reclamaciones"][0]["cun"] = "ABC-123"
    errores = _errores(semilla)
    assert errores["usuario.correo"] == "El correo electrónico no es válido."
    assert errores["usuario.telefono"] == "El teléfono no parece un número válido."
    assert errores["usuario.numero_documento"].startswith("El número de documento")
    assert errores["reclamaciones[0].cun"].startswith("El CUN solo lleva números")


def test_los_errores_no_repiten_datos_personales(semilla):
    semilla["usuario"]["numero_documento"] = "52.123.456 / x"
    with pytest.raises(ValidationError) as info:
        Caso.model_validate(semilla)
    assert "52.123.456" not in str(info.value) and "52123456" not in str(info.value)
    with pytest.raises(CasoInvalido) as info2:
        validar_caso(semilla)
    assert "52.123.456" not in str(info2.value) and "52123456" not in str(info2.value)


def test_el_documento_pierde_puntos_y_espacios_y_una_fecha_no_es_un_numero(semilla):
    semilla["usuario"]["numero_documento"] = "52.123 456"
    assert Caso.model_validate(semilla).usuario.numero_documento == "52123456"
    semilla["fallas"][0]["inicio"] = 1793752800
    assert "no como un número" in _errores(semilla)["fallas[0].inicio"]


def test_json_invalido_y_no_objeto():
    assert _errores("{") == {"": "El documento no es JSON válido."}
    assert _errores("[1, 2]") == {"": "El caso debe ser un objeto JSON con campos."}


def test_fecha_ingenua_se_toma_como_hora_de_bogota(semilla):
    semilla["fallas"][0]["inicio"] = "2026-11-03T19:40:00"
    caso = validar_caso(semilla)
    assert caso.fallas[0].inicio.utcoffset().total_seconds() == -5 * 3600
