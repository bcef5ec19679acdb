"""How the decision page words the answer: never surer than its grounds."""

from __future__ import annotations

from rules import evaluar, validar_caso
from web import presentacion as pr


def _respuesta(caso: dict) -> pr.Respuesta:
    c = validar_caso(caso)
    return pr.respuesta(c, evaluar(c))


def test_fundamento_solido_dice_si(semilla):
    r = _respuesta(semilla)
    assert (r.tono, r.titular) == ("si", "Sí, puede terminar sin pagar la permanencia.")
    assert {h.id for h in r.fundamentos} == {"B1-indisponibilidad", "B5-silencio-positivo-terminacion"}


def test_fundamento_que_requiere_prueba_no_suena_seguro(semilla):
    semilla["reclamaciones"] = []
    r = _respuesta(semilla)
    assert r.tono == "prueba"
    assert r.titular == "Puede terminar sin pagar la permanencia si demuestra los hechos."
    assert "Si ese argumento no prospera, la permanencia le puede costar hasta $120.000." in r.detalles


def test_fundamento_argumentable_dice_que_es_discutible(semilla):
    semilla.update(reclamaciones=[], fallas=[])
    semilla["permanencia"]["ofrecieron_plan_sin_permanencia"] = False
    r = _respuesta(semilla)
    assert r.tono == "prueba" and "pero es discutible" in r.titular


def test_sin_fundamento_dice_cuanto_le_puede_costar(semilla):
    semilla.update(reclamaciones=[], fallas=[], gastos_adicionales=[])
    r = _respuesta(semilla)
    assert r.titular == "Puede terminar, pero la permanencia le puede costar hasta $120.000."
    assert any("¿Le ofrecieron el mismo plan sin permanencia?" in x for x in r.detalles)


def test_sin_valor_del_beneficio_falta_un_dato(semilla):
    semilla.update(reclamaciones=[], fallas=[])
    semilla["permanencia"]["valor_beneficio"] = None
    r = _respuesta(semilla)
    assert r.tono == "falta"
    assert r.titular == "Falta un dato: cuánto valía el beneficio que recibió a cambio de la permanencia."


def test_sin_permanencia_y_permanencia_vencida(semilla):
    semilla["permanencia"] = None
    assert _respuesta(semilla).titular == "Sí, puede terminar sin pagar permanencia."


def test_fuera_de_cobertura(semilla):
    semilla.update(reclamaciones=[], fallas=[], gastos_adicionales=[], fecha_evaluacion="2011-06-01")
    semilla["contrato"]["fecha_inicio"] = semilla["permanencia"]["fecha_inicio"] = "2011-01-10"
    r = _respuesta(semilla)
    assert r.tono == "falta" and r.titular == "Salida no puede decidir sobre la permanencia de este contrato."
    assert any("18 de mayo de 2011" in x for x in r.detalles)


def test_linea_de_tiempo_con_fechas_concretas(semilla):
    d = evaluar(validar_caso(semilla))
    hitos = pr.linea_de_tiempo(d)
    assert [h.fecha.isoformat() for h in hitos] == sorted(h.fecha.isoformat() for h in hitos)
    por_titulo = {h.titulo: h for h in hitos}
    assert por_titulo["Hoy"].situacion == "hoy"
    pqr = next(h for h in hitos if h.titulo.startswith("Plazo del operador para responder"))
    assert (pqr.fecha.isoformat(), pqr.situacion, pqr.estado) == ("2026-11-27", "vencido", "S")
    sap = next(h for h in hitos if "silencio positivo" in h.titulo)
    assert "dato por confirmar" in sap.detalle and sap.estado == "U"
    assert por_titulo["Su contrato terminaría"].fecha.isoformat() == "2026-12-15"


def test_faltantes_como_preguntas_del_formulario(semilla):
    d = evaluar(validar_caso(semilla))
    faltan = {f.ruta: f for f in pr.faltantes(d)}
    f = faltan["permanencia.ofrecieron_plan_sin_permanencia"]
    assert f.pregunta == "¿Le ofrecieron el mismo plan sin permanencia?"
    assert f.campo_id == "campo-permanencia-ofrecieron_plan_sin_permanencia" and f.por_que
    assert faltan["contrato.valores_por_servicio"].pregunta.startswith("Si lo sabe")


def test_por_que_primero_lo_que_decide(semilla):
    d = evaluar(validar_caso(semilla))
    pq = pr.por_que(d)
    ids = [h.id for h in pq.principales]
    assert ids[:2] == ["B1-indisponibilidad", "B5-silencio-positivo-terminacion"]
    assert "P2-beneficio-y-alternativa" in ids  # missing information is shown, not hidden
    resto = [h.id for c in pq.capitulos for h in c.hallazgos]
    assert sorted(ids + resto) == sorted(h.id for h in d.hallazgos)


def _caso_con_recurso_abierto(semilla: dict) -> dict:
    semilla.update(fecha_evaluacion="2026-04-06", pretensiones=["terminar", "compensacion"])
    semilla["reclamaciones"] = [{
        "tipo": "queja", "asunto": "facturacion", "fecha_radicacion": "2026-03-09",
        "cun": "4563-26-0000000405", "pretensiones": ["compensacion"],
        "fecha_respuesta": "2026-03-27", "sentido_respuesta": "desfavorable",
    }]
    semilla["fallas"] = [{"servicio": "internet_fijo", "inicio": "2026-03-02T08:00:00-05:00",
                          "fin": "2026-03-02T13:00:00-05:00"}]
    return semilla


def test_pasos_dicen_el_siguiente_paso_de_cada_reclamacion(semilla):
    r = _respuesta(_caso_con_recurso_abierto(semilla))
    [paso] = r.pasos
    assert paso.estado == "Puede presentar el recurso"
    assert "a más tardar el 14 de abril de 2026" in paso.texto
    assert str(paso.hasta) == "2026-04-14"


def test_cada_carta_dice_que_deja_fuera_y_por_que(semilla):
    r = _respuesta(_caso_con_recurso_abierto(semilla))
    omite = dict(r.peticiones["terminacion"].omite)
    assert any("compensación" in p for p in omite)
    assert all("va en la queja" in m for m in omite.values())
    assert "queja_sic" not in r.peticiones


def test_la_pagina_muestra_el_paso_siguiente_y_lo_que_cada_carta_omite(client, semilla):
    from tests.web.conftest import formulario_de

    html = client.post("/caso", data=formulario_de(_caso_con_recurso_abierto(semilla))).data.decode()
    assert "Qué sigue con sus reclamaciones" in html
    assert "Puede presentar el recurso" in html
    assert "No incluye, y por qué:" in html
    assert "esta petición va en la queja" in html
