"""How the decision page words the answer: never surer than its grounds."""

from __future__ import annotations

import re
from html import unescape

import presentacion as pr
from rules import evaluar, validar_caso
from web import donde_se_pregunta


def _respuesta(caso: dict) -> pr.Respuesta:
    c = validar_caso(caso)
    return pr.respuesta(c, evaluar(c), donde_se_pregunta)


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
    c = validar_caso(semilla)
    hitos = pr.contexto(c, evaluar(c), donde_se_pregunta)["hitos"]
    assert [h.fecha.isoformat() for h in hitos] == sorted(h.fecha.isoformat() for h in hitos)
    por_titulo = {h.titulo: h for h in hitos}
    assert por_titulo["Hoy"].situacion == "hoy"
    pqr = next(h for h in hitos if h.titulo.startswith("Plazo del operador para responder"))
    assert (pqr.fecha.isoformat(), pqr.situacion, pqr.estado) == ("2026-11-27", "vencido", "S")
    sap = next(h for h in hitos if "silencio positivo" in h.titulo)
    assert "dato por confirmar" in sap.detalle.lower() and sap.estado == "U"
    assert "(estado" not in sap.detalle  # statuses are for the lawyers' section, not the timeline
    assert por_titulo["Su contrato terminaría"].fecha.isoformat() == "2026-12-15"


def test_faltantes_como_preguntas_del_formulario(semilla):
    d = evaluar(validar_caso(semilla))
    faltan = {f.ruta: f for f in pr.faltantes(d, donde_se_pregunta)}
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
    assert "Qué hacer ahora" in html
    assert "A más tardar el 14 de abril de 2026" in html
    assert "Puede presentar el recurso" in html  # the procedure's state, for lawyers
    assert "No incluye, y por qué:" in html
    assert "esta petición va en la queja" in html


def _pagina(client, caso: dict) -> str:
    from tests.web.conftest import formulario_de

    r = client.post("/caso", data=formulario_de(caso))
    assert r.status_code == 200
    return r.data.decode()


def _para_el_suscriptor(html: str) -> str:
    """The page's text outside the lawyers' section, without the hidden case and the letters."""
    import re

    html = re.sub(r'<input type="hidden"[^>]*>', "", html)
    html = re.sub(r"<textarea[^>]*>.*?</textarea>", "", html, flags=re.S)  # the letters' own text
    antes, _, despues = html.partition('<details class="bloque abogados"')
    despues = despues.partition("</details>\n\n  <div class=\"decision__pie\">")[2]
    texto = re.sub(r"<[^>]+>", " ", antes + despues)
    return re.sub(r"\s+", " ", texto)


def test_que_hacer_ordena_las_cartas_y_dice_donde_presentarlas(semilla):
    c = validar_caso(semilla)
    d = evaluar(c)
    ahora = pr.que_hacer(c, d, pr.respuesta(c, d, donde_se_pregunta))
    assert ahora.veredicto == "Sí, puede terminar sin pagar la permanencia."
    cartas = [p.carta for p in ahora.pasos]
    assert cartas == ["silencio_positivo", "terminacion", "queja_sic"]
    sap, term, sic = ahora.pasos
    assert sap.cuando == "A más tardar el 30 de noviembre de 2026" and sap.ante == "operador"
    assert term.cuando == "A más tardar el 10 de diciembre de 2026"
    assert sic.cuando == "Solo si el operador no cumple; después del 30 de noviembre de 2026"
    assert any("Claro" in k.nombre for k in sap.canales)
    assert all("verifique" in k.fiabilidad.lower() for k in sap.canales if "Claro" in k.nombre)
    assert any(k.url == "https://www.sic.gov.co/home-telecomunicaciones" for k in sic.canales)
    assert any("4563-24-0000123456" in x for x in ahora.pruebas)
    assert any("22 de diciembre de 2026" in x for x in ahora.con_el_cun)


def test_el_suscriptor_no_ve_ids_de_regla_ni_estados(client, semilla):
    import re

    html = _pagina(client, semilla)
    assert html.index("Qué hacer ahora") < html.index("Descargar PDF") < html.index('id="abogados"')
    texto = _para_el_suscriptor(html)
    assert re.findall(r"\b[PTBCQR]\d\b", texto) == []
    assert "estado--" not in html.partition('id="abogados"')[0]
    for interno in ("régimen RPU", "co-telecom", "RPU-", "Criterio de conteo", "· verificado",
                    "· sin verificar"):
        assert interno not in texto
    abogados = html.partition('id="abogados"')[2]
    assert re.search(r"\bB1\b", abogados) and "co-telecom/" in abogados


def test_ninguna_frase_se_repite(client, semilla):
    import re

    html = _pagina(client, semilla).partition('<details class="bloque abogados"')[0]
    frases = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", f)).strip()
              for f in re.findall(r"<p[^>]*>(.*?)</p>", html, re.S)]
    repetidas = {f for f in frases if f.endswith(".") and frases.count(f) > 1}  # sentences, not titles
    assert repetidas == set()


def test_la_fila_del_movil_dice_por_que_no_tiene_limite(semilla):
    d = evaluar(validar_caso(semilla))
    movil = next(f for f in pr.compensacion_filas(d) if f["servicio"] == "Celular")
    assert movil["valor"] == "Sin compensación automática" and movil["limite"] == "No tiene"
    assert movil["motivo"].startswith("Desde el 5 de marzo de 2020 no hay compensación automática")


def test_pagina_y_pdf_llaman_igual_a_cada_carta():
    from letters.etiquetas import TITULOS
    from letters.render import NOMBRES
    from presentacion import etiquetas as et

    assert {t: n for t, (n, _) in et.CARTAS.items()} == TITULOS == NOMBRES


def test_no_se_si_hay_permanencia_no_es_un_no(client, semilla):
    semilla["permanencia"] = None
    semilla["hay_permanencia"] = "no_se"
    r = _respuesta(semilla)
    assert r.tono == "falta"
    assert r.titular == "Puede terminar el contrato; falta saber si tiene cláusula de permanencia."
    assert any("Si no la tiene, puede terminarlo sin pagar" in x for x in r.detalles)
    html = _pagina(client, semilla)  # through the form: "No sé" goes out and comes back as "No sé"
    assert "falta saber si tiene cláusula de permanencia" in html
    assert "Usted indicó que su contrato no tiene cláusula" not in html


def test_falla_masiva_no_se_queda_en_no_se(semilla):
    from web.formulario import desde_caso
    from web.mapeo import a_caso

    semilla["fallas"][0]["masiva"] = None
    f = desde_caso(validar_caso(semilla).model_dump(mode="json"))
    assert f.valor("fallas[0].masiva") == "nose"
    assert a_caso(f).datos["fallas"][0]["masiva"] is None


def test_sin_numero_de_contrato_las_cartas_van_sin_el_y_la_pagina_lo_dice(client, semilla):
    del semilla["contrato"]["numero"]
    html = _pagina(client, semilla)
    assert "Sus cartas no llevan el número de contrato o cuenta" in html
    caso = re.search(r'name="caso" value="([^"]*)"', html).group(1)
    tipos = re.findall(r'data-texto-carta="/cartas/(\w+)\.txt"', html)  # each letter, as the page loads it
    textos = "\n".join(client.post(f"/cartas/{t}.txt", data={"caso": unescape(caso)}).data.decode()
                        for t in tipos)
    assert len(tipos) > 1 and "n.º None" not in textos and "titular del contrato, " in textos


def test_sin_dia_de_corte_la_pagina_pregunta_por_el(client, semilla):
    del semilla["contrato"]["dia_corte"]
    html = _pagina(client, semilla)
    assert "Día de corte de la factura" in html  # among the data that could change the answer
    assert "Sin el día de corte de la factura no se puede calcular" in html
    assert "None" not in _para_el_suscriptor(html)
