"""The form ↔ case mapping: what the user types becomes the case, errors land beside their field."""

from __future__ import annotations

from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

from rules import validar_caso
from tests.web.conftest import como_post, formulario_de
from web.campos import campo_id, etiqueta
from web.formulario import desde_caso, leer, vacio
from web.mapeo import _fecha, _pesos, a_caso, nombre_del_campo, validar_formulario


def test_la_semilla_va_y_vuelve_por_el_formulario(semilla):
    caso = validar_caso(semilla)
    f = leer(formulario_de(semilla))
    assert f.filas["fallas"] == 3
    reconstruido, errores = validar_formulario(f)
    assert errores == []
    assert reconstruido == caso


def test_formulario_vacio_tiene_filas_y_valores_por_defecto():
    f = vacio(date(2026, 11, 28))
    assert f.filas == {"fallas": 2, "cambios_unilaterales": 1, "gastos_adicionales": 1, "reclamaciones": 1}
    assert f.valor("fecha_evaluacion") == "2026-11-28"
    assert f.valor("permanencia.tiene") == "no"
    assert f.valor("permanencia.documento_separado") == "nose"
    assert f.valor("reclamaciones[0].tipo") == "queja"


def test_filas_vacias_se_ignoran_y_se_compactan(semilla):
    datos = formulario_de(semilla)
    # Move the third incident to index 7 and leave an empty row at index 5.
    for clave in [k for k in datos if k.startswith("fallas[2].")]:
        datos.setlist(clave.replace("fallas[2]", "fallas[7]"), datos.getlist(clave))
        del datos[clave]
    datos.add("fallas[5].servicio", "")
    datos.add("fallas[5].inicio_fecha", "")
    f = leer(datos)
    assert f.filas["fallas"] == 3
    assert f.valor("fallas[2].servicio") == "movil"
    caso, errores = validar_formulario(f)
    assert errores == [] and caso is not None and len(caso.fallas) == 3


def test_agregar_y_quitar_filas_sin_javascript(semilla):
    datos = formulario_de(semilla)
    datos["accion"] = "agregar:fallas"
    f = leer(datos)
    assert f.filas["fallas"] == 4
    assert f.enfocar == "fallas[3].servicio"
    datos["accion"] = "quitar:fallas:1"
    f = leer(datos)
    assert f.filas["fallas"] == 2
    assert [f.valor(f"fallas[{i}].servicio") for i in range(2)] == ["internet_fijo", "movil"]


def test_no_pasa_del_maximo_de_filas():
    datos = MultiDict({f"gastos_adicionales[{i}].descripcion": f"gasto {i}" for i in range(30)})
    datos["accion"] = "agregar:gastos_adicionales"
    f = leer(datos)
    assert f.filas["gastos_adicionales"] == 10


@pytest.mark.parametrize(("texto", "esperado"), [
    ("189.900", 189900), ("$ 189.900", 189900), ("189,900", 189900), ("189900", 189900),
    ("1.234.567", 1234567), ("", None), ("doce mil", "docemil"),
])
def test_pesos_como_los_escribe_la_gente(texto, esperado):
    assert _pesos(texto) == esperado


@pytest.mark.parametrize(("texto", "esperado"), [
    ("2026-11-28", "2026-11-28"), ("28/11/2026", "2026-11-28"), ("3/1/2026", "2026-01-03"), ("", None),
])
def test_fechas_iso_o_dia_mes_anio(texto, esperado):
    assert _fecha(texto) == esperado


def test_pesos_invalidos_dan_error_en_su_campo(semilla):
    datos = formulario_de(semilla)
    datos["contrato.valor_mensual"] = "mucho"
    _, errores = validar_formulario(leer(datos))
    assert [(e.nombre, e.mensaje) for e in errores] == [
        ("contrato.valor_mensual", "Debe ser un número entero.")]


def test_hora_faltante_e_invalida_las_dice_el_formulario(semilla):
    datos = formulario_de(semilla)
    datos["fallas[0].inicio_hora"] = ""
    datos["fallas[1].fin_hora"] = "siete"
    _, errores = validar_formulario(leer(datos))
    assert {(e.nombre, e.mensaje) for e in errores} == {
        ("fallas[0].inicio_hora", "Escriba la hora aproximada en que empezó."),
        ("fallas[1].fin_hora", "Escriba la hora así: 19:40."),
    }


def test_falla_sin_fin_pide_fin_o_marcar_que_sigue(semilla):
    datos = formulario_de(semilla)
    datos["fallas[0].fin_fecha"] = ""
    datos["fallas[0].fin_hora"] = ""
    _, errores = validar_formulario(leer(datos))
    assert [e.nombre for e in errores] == ["fallas[0].fin_fecha"]
    datos["fallas[0].sigue"] = "si"
    caso, errores = validar_formulario(leer(datos))
    assert errores == [] and caso is not None and caso.fallas[0].fin is None


def test_errores_del_motor_van_al_campo_del_formulario(semilla):
    datos = formulario_de(semilla)
    datos["fallas[1].fin_fecha"] = "2026-11-01"
    datos["usuario.correo"] = "no-es-correo"
    datos["reclamaciones[0].fecha_respuesta"] = "2026-11-20"
    _, errores = validar_formulario(leer(datos))
    por_campo = {e.nombre: e.mensaje for e in errores}
    assert por_campo["fallas[1].fin_fecha"] == "El fin de la falla es anterior a su inicio."
    assert por_campo["usuario.correo"] == "El correo electrónico no es válido."
    assert por_campo["reclamaciones[0].sentido_respuesta"].startswith("Indique si la respuesta")
    # In page order: incidents before complaints before personal data.
    assert [e.nombre for e in errores] == ["fallas[1].fin_fecha", "reclamaciones[0].sentido_respuesta",
                                           "usuario.correo"]


def test_servicios_sin_marcar_mensaje_claro():
    _, errores = validar_formulario(vacio(date(2026, 11, 28)))
    mensajes = {e.nombre: e.mensaje for e in errores}
    assert mensajes["contrato.servicios"] == "Marque al menos un servicio."
    assert mensajes["usuario.nombre"] == "Este dato es obligatorio."
    assert all(e.id.startswith("campo-") for e in errores)


@pytest.mark.parametrize(("ruta", "nombre"), [
    ("fallas[0].inicio", "fallas[0].inicio_fecha"),
    ("fallas[3].fin", "fallas[3].fin_fecha"),
    ("reclamaciones[1].pretensiones[2]", "reclamaciones[1].pretensiones"),
    ("contrato.servicios[1]", "contrato.servicios"),
    ("contrato.valores_por_servicio", "contrato.valores_por_servicio.internet_fijo"),
    ("contrato.valores_por_servicio.movil", "contrato.valores_por_servicio.movil"),
    ("permanencia", "permanencia.tiene"),
    ("permanencia.ofrecieron_plan_sin_permanencia", "permanencia.ofrecieron_plan_sin_permanencia"),
    ("solicitud_terminacion", "solicitud_terminacion.ya"),
    ("pretensiones[0]", "pretensiones"),
    ("", None),
])
def test_ruta_del_motor_a_campo(ruta, nombre):
    assert nombre_del_campo(ruta) == nombre


def test_etiquetas_e_ids():
    assert etiqueta("fallas[2].fin_fecha") == "Falla 3 — Día en que volvió el servicio"
    assert campo_id("fallas[2].fin_fecha") == "campo-fallas-2-fin_fecha"


def test_lo_que_no_aplica_no_llega_al_caso(semilla):
    datos = formulario_de(semilla)
    datos["permanencia.tiene"] = "no"
    datos.setlist("contrato.servicios", ["internet_fijo", "telefonia_fija"])
    datos["operador_nombre"] = "Escrito por error"
    caso, _ = a_caso(leer(datos))
    assert caso.get("permanencia") is None
    assert "modalidad_movil" not in caso["contrato"]
    assert "operador_nombre" not in caso


def test_desde_caso_sin_permanencia_ni_filas(semilla):
    semilla.update(permanencia=None, fallas=[], reclamaciones=[], gastos_adicionales=[])
    f = desde_caso(validar_caso(semilla).model_dump(mode="json"))
    assert f.valor("permanencia.tiene") == "no"
    assert f.filas["fallas"] == 2
    caso, errores = validar_formulario(leer(como_post(f)))
    assert errores == [] and caso is not None and caso.permanencia is None


def test_agregar_conserva_las_filas_vacias_en_pantalla():
    f = vacio(date(2026, 11, 28))
    f.accion = "agregar:fallas"
    f = leer(como_post(f))
    assert f.filas["fallas"] == 3
    f.accion = "agregar:fallas"
    assert leer(como_post(f)).filas["fallas"] == 4
    f.accion = "evaluar"
    assert leer(como_post(f)).filas["fallas"] == 2  # evaluating drops empty rows again
