"""The seed situation end to end: a night-long outage of internet, fixed telephony and mobile,
a subscriber with a permanence clause, an unanswered complaint and calls from other lines."""

from datetime import date

import pytest

from rules import Decision, evaluar, validar_caso
from tests.rules.reglamento import REGLAS_DEL_REGLAMENTO


@pytest.fixture
def decision(semilla) -> Decision:
    return evaluar(validar_caso(semilla))


def test_cabecera(decision):
    assert decision.version_reglas == "co-telecom/2026-11"
    assert decision.fecha_evaluacion == date(2026, 11, 28)
    assert decision.regimen == "RPU-5111"


def test_permanencia(decision):
    p = decision.permanencia
    assert p.existe is True
    assert p.exigible is False
    assert p.fecha_fin == date(2027, 3, 10)
    assert p.valor_maximo == 0
    assert p.fundamentos == ["B1-indisponibilidad", "B5-silencio-positivo-terminacion"]
    assert p.fuerza == "solida"
    # If the grounds failed: 3 of 12 months left on 15 Dec 2026 → 480.000 × 3 / 12.
    assert p.meses_restantes == 3
    assert p.valor_proporcional == 120000


def test_terminacion(decision):
    t = decision.terminacion
    assert t.puede_terminar is True and t.sin_penalidad is True
    assert t.fecha_limite_aviso == date(2026, 12, 10)
    assert t.fecha_efectiva == date(2026, 12, 15)
    assert t.dias_habiles_aviso == 3
    assert t.fundamentos == ["T1-cualquier-momento", "T2-aviso-previo", "T4-terminacion-parcial"]


def test_compensacion(decision):
    c = decision.compensacion
    assert c.procede is True and c.estado_formula == "U"
    filas = {(f.servicio, f.mes): f for f in c.por_mes}
    assert set(filas) == {("internet_fijo", "2026-11"), ("telefonia_fija", "2026-11"),
                          ("movil", "2026-11")}
    internet = filas["internet_fijo", "2026-11"]
    # semilla.json: internet down 2026-11-03 19:40 → 2026-11-04 07:10 = 11 h 30 min.
    assert internet.horas == 11.5 and internet.umbral_horas == 2.5 and internet.supera_umbral
    # 189.900 split among 3 services = 63.300; × 11,5 h ÷ 720 h = 1.011,06.
    assert internet.cargo_mensual == 63300 and internet.valor_estimado == 1011
    assert internet.automatica is True
    assert filas["telefonia_fija", "2026-11"].valor_estimado == 1011
    movil = filas["movil", "2026-11"]
    # semilla.json: mobile down 2026-11-03 19:40 → 2026-11-04 01:15 = 5 h 35 min = 5,583… h → 5,58.
    assert movil.horas == 5.58 and movil.umbral_horas is None and movil.automatica is False
    assert movil.valor_estimado is None
    assert c.valor_estimado_total == 2022  # 1.011 internet + 1.011 fixed telephony; mobile: none (C3)


def test_plazos(decision):
    por_id = {p.id: p for p in decision.plazos}
    assert set(por_id) == {"respuesta_pqr", "cumplimiento_sap", "queja_sic", "aviso_terminacion"}
    pqr = por_id["respuesta_pqr"]
    assert (pqr.desde, pqr.vence, pqr.dias_habiles, pqr.vencido) == (
        date(2026, 11, 5), date(2026, 11, 27), 15, True)
    assert pqr.consecuencia == "silencio_administrativo_positivo" and pqr.cun == "4563-24-0000123456"
    sap = por_id["cumplimiento_sap"]
    assert sap.desde == date(2026, 11, 28) and sap.horas == 72 and sap.estado == "U"
    assert por_id["queja_sic"].desde == date(2026, 11, 28)
    aviso = por_id["aviso_terminacion"]
    assert aviso.vence == date(2026, 12, 10) and aviso.dias_habiles == 3


def test_silencio_positivo(decision):
    [sap] = decision.silencio_positivo
    assert sap.aplica and sap.desde == date(2026, 11, 28) and sap.causa == "sin_respuesta"
    assert sap.cun == "4563-24-0000123456"


def test_hallazgos(decision):
    resultados = {h.regla: (h.resultado, h.fuerza) for h in decision.hallazgos}
    assert resultados["P1"] == ("no_cumple", None)  # bundle: the clause may cover fixed services
    assert resultados["P5"] == ("cumple", "solida")  # 350.000 demanded > 120.000 lawful
    assert resultados["P6"][0] == "no_cumple"
    assert resultados["P8"][0] == "falta_informacion"
    assert resultados["B1"] == ("cumple", "requiere_prueba")
    assert resultados["B5"] == ("cumple", "solida")
    assert resultados["B6"] == ("cumple", "argumentable")
    assert resultados["C1"] == ("cumple", "solida")
    assert resultados["C3"][0] == "no_cumple"  # no automatic mobile compensation since 2020-03-05
    assert resultados["C6"] == ("cumple", "argumentable")
    assert resultados["Q2"] == ("cumple", "solida")
    assert resultados["Q3"][0] == "no_aplica"
    assert resultados["Q4"] == ("cumple", "solida")
    # Good or bad news for the user (README, "Reading a finding"): a valid separate annex (P3 cumple)
    # is bad news, the outage ground (B1 cumple) good news, an open question (P8) neither.
    favorece = {h.regla: h.favorece_al_usuario for h in decision.hallazgos}
    assert (favorece["P3"], favorece["B1"], favorece["P8"]) == (False, True, None)
    assert (favorece["P1"], favorece["C3"], favorece["C5"]) == (False, False, None)
    b1 = decision.hallazgo("B1")
    assert "11 horas y 30 minutos" in b1.explicacion and "(límite: 2,5 horas)" in b1.explicacion
    assert any(c.articulo == "1" and c.norma.startswith("Ley 2108") for c in b1.citas)
    p5 = decision.hallazgo("P5")
    assert "$480.000 × 3 ÷ 12 = $120.000" in p5.explicacion and "$350.000" in p5.explicacion


def test_faltantes_cartas_y_advertencias(decision):
    assert decision.faltantes == ["permanencia.ofrecieron_plan_sin_permanencia",
                                  "contrato.valores_por_servicio"]
    assert decision.cartas_sugeridas == ["terminacion", "silencio_positivo", "queja_sic"]
    assert decision.cartas_posibles == ["queja", "terminacion", "silencio_positivo", "queja_sic"]
    assert "recurso" in decision.cartas_no_disponibles
    assert decision.advertencias[0].startswith("Salida informa y redacta")
    assert any("estimación" in a for a in decision.advertencias)


def test_cada_hallazgo_cita_con_estado(decision):
    assert [h.regla for h in decision.hallazgos] == REGLAS_DEL_REGLAMENTO
    for h in decision.hallazgos:
        assert h.citas, h.id
        assert h.explicacion.strip(), h.id
        for c in h.citas:
            assert c.articulo is None or c.estado == "V"


def test_json_del_contrato(decision):
    datos = decision.model_dump(mode="json")
    assert datos["terminacion"]["fecha_efectiva"] == "2026-12-15"
    assert datos["hallazgos"][0]["id"] == "RPU-cobertura"
