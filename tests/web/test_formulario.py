"""The answers ↔ case mapping: what the user types becomes the case, errors land beside their field."""

from __future__ import annotations

from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

from rules import validar_caso
from tests.web.conftest import como_post, formulario_de
from web.campos import campo_id, etiqueta
from web.formulario import desde_caso, leer, sugerir, vacio
from web.mapeo import a_caso, nombre_del_campo, validar_formulario


def test_la_semilla_va_y_vuelve_por_el_formulario(semilla):
    caso = validar_caso(semilla)
    f = leer(formulario_de(semilla))
    assert f.filas["fallas"] == 3
    reconstruido, errores = validar_formulario(f)
    assert errores == []
    # The wants are asked once: the complaint carries them too (the seed's complaint asked three).
    esperado = caso.model_dump()
    esperado["reclamaciones"][0]["pretensiones"] = caso.pretensiones
    assert reconstruido is not None and reconstruido.model_dump() == esperado


def test_una_falla_con_varios_servicios_da_una_falla_por_servicio(semilla):
    datos = formulario_de(semilla)
    datos.setlist("fallas[0].servicios", ["internet_fijo", "telefonia_fija", "movil"])
    for clave in [k for k in datos if k.startswith(("fallas[1].", "fallas[2]."))]:
        del datos[clave]
    caso, errores = validar_formulario(leer(datos))
    assert errores == [] and caso is not None
    assert [f.servicio for f in caso.fallas] == ["internet_fijo", "telefonia_fija", "movil"]
    assert len({(f.inicio, f.fin) for f in caso.fallas}) == 1
    assert all(f.reportada for f in caso.fallas)  # a complaint was filed


def test_desde_caso_junta_las_fallas_iguales(semilla):
    for falla in semilla["fallas"]:
        falla.update(fin="2026-11-04T07:10:00-05:00", descripcion=None, cun=None)
    f = desde_caso(validar_caso(semilla).model_dump(mode="json"))
    assert f.filas["fallas"] == 1
    assert f.lista("fallas[0].servicios") == ["internet_fijo", "telefonia_fija", "movil"]
    assert f.valor("fallas[0].inicio") == "2026-11-03T19:40"


def test_blanco_sin_valores_por_defecto_que_decidan():
    f = vacio(date(2026, 11, 28))
    assert f.filas == {"fallas": 1, "cambios_unilaterales": 1, "gastos_adicionales": 1, "reclamaciones": 1}
    assert f.valor("fecha_evaluacion") == "2026-11-28"
    assert f.valor("permanencia.tiene") == ""  # no default: Sí / No / No sé must be chosen
    assert f.valor("reclamaciones.hay") == ""
    _, errores = validar_formulario(f, "permanencia")
    assert [(e.nombre, e.mensaje) for e in errores] == [("permanencia.tiene", "Elija Sí, No o No sé.")]


def test_sugerencias_visibles_desde_respuestas_anteriores(semilla):
    f = leer(formulario_de(semilla))
    del f.valores["pretensiones"]
    for i in range(3):
        f.valores[f"fallas[{i}].servicios"] = []
    f.filas["fallas"] = 4
    sugerir(f)
    assert f.lista("pretensiones") == ["compensacion", "informacion_falla", "reembolso_gastos"]
    assert f.lista("fallas[3].servicios") == ["internet_fijo", "telefonia_fija", "movil"]


def test_detalles_de_la_respuesta_solo_si_respondieron(semilla):
    datos = formulario_de(semilla)
    datos["reclamaciones[0].respondida"] = "no"
    datos["reclamaciones[0].fecha_respuesta"] = "2026-11-20"  # typed, then "Todavía no" chosen
    datos["reclamaciones[0].sentido_respuesta"] = "desfavorable"
    caso, errores = validar_formulario(leer(datos))
    assert errores == [] and caso is not None and caso.reclamaciones[0].fecha_respuesta is None
    datos["reclamaciones[0].respondida"] = "si"
    caso, _ = validar_formulario(leer(datos))
    assert caso is not None and caso.reclamaciones[0].sentido_respuesta == "desfavorable"


def test_filas_vacias_se_ignoran_y_se_compactan(semilla):
    datos = formulario_de(semilla)
    for clave in [k for k in datos if k.startswith("fallas[2].")]:
        datos.setlist(clave.replace("fallas[2]", "fallas[7]"), datos.getlist(clave))
        del datos[clave]
    datos.add("fallas[5].inicio", "")
    f = leer(datos)
    assert f.filas["fallas"] == 3
    assert f.lista("fallas[2].servicios") == ["movil"]
    caso, errores = validar_formulario(f)
    assert errores == [] and caso is not None and len(caso.fallas) == 3


def test_agregar_y_quitar_filas_sin_javascript(semilla):
    datos = formulario_de(semilla)
    datos["accion"] = "agregar:fallas"
    f = leer(datos)
    assert f.filas["fallas"] == 4
    assert f.enfocar == "fallas[3].servicios"
    datos["accion"] = "quitar:fallas:1"
    f = leer(datos)
    assert f.filas["fallas"] == 2
    assert [f.lista(f"fallas[{i}].servicios") for i in range(2)] == [["internet_fijo"], ["movil"]]


def test_no_pasa_del_maximo_de_filas():
    datos = MultiDict({f"gastos_adicionales[{i}].descripcion": f"gasto {i}" for i in range(30)})
    datos["accion"] = "agregar:gastos_adicionales"
    assert leer(datos).filas["gastos_adicionales"] == 10


@pytest.mark.parametrize(("campo", "escrito", "mensaje"), [
    ("contrato.valor_mensual", "mucho", "Escriba solo números, por ejemplo 189900."),
    ("contrato.valor_mensual", "$189.900,00", "Escriba el valor en pesos completos, sin centavos, "
                                              "por ejemplo 189900."),
    ("usuario.nombre", "Ana 😀", "Escríbalo solo con letras y números, sin emojis ni símbolos, "
                                "por ejemplo Ana María Pérez."),
    ("fallas[1].fin", "2026-11-04", "Escriba también la hora aproximada, por ejemplo 03/11/2026 19:40."),
])
def test_cada_error_en_su_campo_con_un_ejemplo(semilla, campo, escrito, mensaje):
    datos = formulario_de(semilla)
    datos[campo] = escrito
    _, errores = validar_formulario(leer(datos))
    assert [(e.nombre, e.mensaje) for e in errores] == [(campo, mensaje)]


def test_documento_con_puntos_se_guarda_en_digitos(semilla):
    datos = formulario_de(semilla)
    datos["usuario.numero_documento"] = "52.123.456"
    caso, _ = validar_formulario(leer(datos))
    assert caso is not None and caso.usuario.numero_documento == "52123456"


def test_falla_sin_fin_pide_fin_o_marcar_que_sigue(semilla):
    datos = formulario_de(semilla)
    datos["fallas[0].fin"] = ""
    _, errores = validar_formulario(leer(datos))
    assert [e.nombre for e in errores] == ["fallas[0].fin"]
    datos["fallas[0].sigue"] = "si"
    caso, errores = validar_formulario(leer(datos))
    assert errores == [] and caso is not None and caso.fallas[0].fin is None


def test_errores_del_motor_van_al_campo_y_al_paso(semilla):
    datos = formulario_de(semilla)
    datos["fallas[1].fin"] = "2026-11-01T10:00"
    datos["usuario.correo"] = "no-es-correo"
    datos["reclamaciones[0].respondida"] = "si"
    datos["reclamaciones[0].fecha_respuesta"] = "2026-11-20"
    f = leer(datos)
    _, errores = validar_formulario(f)
    por_campo = {e.nombre: e.mensaje for e in errores}
    assert por_campo["fallas[1].fin"] == "El fin de la falla es anterior a su inicio."
    assert por_campo["usuario.correo"] == "El correo electrónico no es válido."
    assert por_campo["reclamaciones[0].sentido_respuesta"].startswith("Indique si la respuesta")
    assert [e.nombre for e in errores] == ["fallas[1].fin", "reclamaciones[0].sentido_respuesta",
                                           "usuario.correo"]
    _, solo_usuario = validar_formulario(f, "usuario")
    assert [e.nombre for e in solo_usuario] == ["usuario.correo"]


def test_servicios_sin_marcar_mensaje_claro():
    _, errores = validar_formulario(vacio(date(2026, 11, 28)))
    mensajes = {e.nombre: e.mensaje for e in errores}
    assert mensajes["contrato.servicios"] == "Marque al menos un servicio."
    assert mensajes["usuario.nombre"] == "Este dato es obligatorio."
    assert all(e.id.startswith("campo-") for e in errores)


@pytest.mark.parametrize(("ruta", "nombre"), [
    ("fallas[0].inicio", "fallas[0].inicio"),
    ("fallas[2].servicio", "fallas[2].servicios"),
    ("reclamaciones[1].pretensiones[2]", "reclamaciones[1].fecha_radicacion"),
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


def test_ruta_del_motor_con_fallas_expandidas():
    # Row 0 hit two services (case items 0 and 1); row 1 one service (case item 2).
    assert nombre_del_campo("fallas[2].fin", {"fallas": [0, 0, 1]}) == "fallas[1].fin"


def test_etiquetas_e_ids():
    assert etiqueta("fallas[2].fin") == "Falla 3 — ¿Cuándo volvió el servicio?"
    assert campo_id("fallas[2].fin") == "campo-fallas-2-fin"


def test_lo_que_no_aplica_no_llega_al_caso(semilla):
    datos = formulario_de(semilla)
    datos["permanencia.tiene"] = "nose"
    datos.setlist("contrato.servicios", ["internet_fijo", "telefonia_fija"])
    datos["operador_nombre"] = "Escrito por error"
    caso = a_caso(leer(datos)).datos
    assert caso.get("permanencia") is None
    assert "modalidad_movil" not in caso["contrato"]
    assert "operador_nombre" not in caso


def test_desde_caso_sin_permanencia_ni_filas(semilla):
    semilla.update(permanencia=None, fallas=[], reclamaciones=[], gastos_adicionales=[])
    f = desde_caso(validar_caso(semilla).model_dump(mode="json"))
    assert f.valor("permanencia.tiene") == "no" and f.valor("reclamaciones.hay") == "no"
    assert f.filas["fallas"] == 1
    caso, errores = validar_formulario(leer(como_post(f)))
    assert errores == [] and caso is not None and caso.permanencia is None


def test_permanencia_en_blanco_toma_la_fecha_del_contrato(semilla):
    datos = formulario_de(semilla)
    datos["permanencia.fecha_inicio"] = ""
    caso, _ = validar_formulario(leer(datos))
    assert caso is not None and caso.permanencia is not None
    assert caso.permanencia.fecha_inicio == caso.contrato.fecha_inicio
