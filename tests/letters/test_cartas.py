"""Every letter kind, on the seed and on other scenarios: the PDF and the text say what they must.

The expected phrases are written by hand from the rulebook (shared/law/co-telecom.md) and each case
(tests/letters/escenarios.py), never produced by the project's formatters or its decision: a wrong
date formatter, a wrong count of business days or a wrong amount makes these tests fail.

Calendar used for the dates (rulebook §7: Monday to Friday without the national holidays of Ley 51 de
1983; a term of N business days starts on the business day after the act). 2026: 1 November is a
Sunday; holidays Mon 12 Oct (Día de la Raza), Mon 2 Nov (Todos los Santos, moved), Mon 16 Nov
(Independencia de Cartagena, moved), Tue 8 Dec (Inmaculada Concepción), Fri 25 Dec (Navidad).
The seed is evaluated on Saturday 28 November 2026, and every letter is dated that day.
"""

from __future__ import annotations

import pytest

from letters.render import carta
from tests.letters.conftest import caso_y_decision, pdf_de, texto_de, texto_pdf
from tests.letters.escenarios import PARES

SECCIONES = ["HECHOS", "FUNDAMENTOS DE DERECHO", "PRUEBAS Y ANEXOS", "NOTIFICACIONES"]

# The seed's subscriber (rules/ejemplos/semilla.json).
ANA = ["Bogotá D.C., 28 de noviembre de 2026", "Ana María Pérez Gómez", "C.C. 52123456",
       "contrato o cuenta n.º 1.23456789", "Calle 45 # 12-30, apto 402, Bogotá D.C.", "ana@example.com"]

# Legal names and NITs, rulebook §8. Check digits computed by hand with the DIAN weights (3, 7, 13,
# 17, 19, 23, 29, 37, 41 from the right; 11 − sum mod 11): ETB 899999115 → 1488 mod 11 = 3 → 8;
# UNE 900092385 → 684 mod 11 = 2 → 9; WOM 901354361 → 714 mod 11 = 10 → 1.
CLARO = ["Comunicación Celular S.A. Comcel S.A.", "NIT 800.153.993-7"]
MOVISTAR = ["Colombia Telecomunicaciones S.A. E.S.P. BIC", "NIT 830.122.566-1"]
ETB = ["Empresa de Telecomunicaciones de Bogotá S.A. E.S.P.", "NIT 899.999.115-8"]
UNE = ["UNE EPM Telecomunicaciones S.A.", "NIT 900.092.385-9"]
WOM = ["Partners Telecom Colombia S.A.S.", "NIT 901.354.361-1"]

# The seed's outage: internet and fixed telephony 3 Nov 19:40 → 4 Nov 07:10 (11 h 30 min), mobile
# 3 Nov 19:40 → 4 Nov 01:15 (5 h 35 min); the internet failure was reported with its CUN.
FALLAS_SEMILLA = ["3 de noviembre de 2026, 19:40", "4 de noviembre de 2026, 07:10", "11 horas y 30 minutos",
                  "4 de noviembre de 2026, 01:15", "5 horas y 35 minutos", "4563-24-0000123456"]

# Dates every seed-based letter states, by hand:
# - termination (T2): cut-off day 15 → next cut-off after Sat 28 Nov is Tue 15 Dec; 3 business days
#   before it: Mon 14, Fri 11, Thu 10 → request by Thu 10 Dec.
# - a new PQR filed on Sat 28 Nov counts as filed Mon 30 Nov; 15 business days from Tue 1 Dec:
#   1, 2, 3, 4, 7, (8 holiday), 9, 10, 11, 14, 15, 16, 17, 18, 21, 22 → Tue 22 Dec.
TERMINA_15_DIC = ("en la fecha de corte del 15 de diciembre de 2026 si esta solicitud se radica a más "
                  "tardar el 10 de diciembre de 2026")
NUEVA_PQR = "dentro de los 15 días hábiles siguientes a su radicación"
NUEVA_PQR_VENCE = "a más tardar el 22 de diciembre de 2026"
# Permanence (P5): clause of 12 months from 10 Mar 2026 for a $480.000 benefit; on 15 Dec 2026 nine
# whole months have passed, 3 remain: 480.000 × 3 ÷ 12 = 120.000.
SUBSIDIARIA_120 = ("(subsidiaria). Si no se acepta la petición anterior, limitar el cobro por la cláusula "
                   "de permanencia a $120.000 (ciento veinte mil pesos)")
# Compensation (C1, C4): $189.900 split among 3 services = $63.300; × 11,5 h ÷ 720 h (November) =
# $1.011,06 → $1.011 for internet and $1.011 for fixed telephony = $2.022 (mobile: none, C3).
COMPENSACION_SEMILLA = "que estimo en $2.022 (dos mil veintidós pesos)"
# The seed's complaint: filed Thu 5 Nov 2026; 15 business days from Fri 6: 6, 9, 10, 11, 12, 13,
# (16 holiday), 17, 18, 19, 20, 23, 24, 25, 26, 27 → Fri 27 Nov; unanswered: SAP from Sat 28 Nov (Q2).
SAP_SEMILLA = ["El plazo de 15 días hábiles para responderla venció el 27 de noviembre de 2026",
               "desde el 28 de noviembre de 2026 opera el silencio administrativo positivo a mi favor"]
EXIGEN_350 = ("Abstenerse de cobrar suma alguna por la cláusula de permanencia, incluidos los $350.000 "
              "(trescientos cincuenta mil pesos) que se me exigen")
RESPUESTA_20_NOV = "El 20 de noviembre de 2026 me notificaron una respuesta desfavorable"

COMUNES: dict[str, list[str]] = {
    "semilla": ANA + CLARO + FALLAS_SEMILLA,
    "recurso_reciente": ANA + CLARO + FALLAS_SEMILLA,
    "prueba_b1": ANA + CLARO + FALLAS_SEMILLA,
    # A small operator the user typed: no NIT; a CE holder in Villavicencio without e-mail.
    "otro_sin_permanencia": ["Villavicencio, 28 de noviembre de 2026", "Cablemás del Llano S.A.S.",
                             "Jorge Iván Ríos", "C.E. E4455667", "contrato o cuenta n.º 1.23456789",
                             "Calle 45 # 12-30, apto 402, Villavicencio", *FALLAS_SEMILLA],
    # Internet 28 Sep 08:00 → 14:30 (6 h 30 min); TV 29 Sep 20:00 → 30 Sep 22:00 (26 h).
    "sap_tardio_movistar": ANA + MOVISTAR + [
        "28 de septiembre de 2026, 08:00", "28 de septiembre de 2026, 14:30", "6 horas y 30 minutos",
        "29 de septiembre de 2026, 20:00", "30 de septiembre de 2026, 22:00", "26 horas",
        "1234-26-0000987654"],
    "sap_peticion_etb": ANA + ETB + ["7777-26-0000000042"],
    # TV 10 Nov 06:00 → 11 Nov 04:00 = 22 h.
    "recurso_tigo_une": ANA + UNE + ["10 de noviembre de 2026, 06:00", "11 de noviembre de 2026, 04:00",
                                     "22 horas", "5555-26-0000111222"],
    "recurso_wom_terminacion": ANA + WOM + ["8888-26-0000333444"],
    "permanencia_exigible": ANA + CLARO,
}

POR_CARTA: dict[tuple[str, str], list[str]] = {
    ("semilla", "queja"): [
        "Terminar el contrato n.º 1.23456789 (internet fijo, telefonía fija y servicio móvil)",
        TERMINA_15_DIC, EXIGEN_350, COMPENSACION_SEMILLA, *SAP_SEMILLA,
        "Reembolsarme el gasto que me causaron las interrupciones, por $12.000 (doce mil pesos)",
        "se presentaron 3 interrupciones del servicio",
        "Asignar a esta solicitud un código único numérico (CUN)", NUEVA_PQR, NUEVA_PQR_VENCE,
        # Q1 (rulebook §1: art. 2.1.24.2 is V) and Q5 (Ley 1755 art. 14, V).
        "Res. CRC 5050 de 2016 (modificado por el art. 23 de la Res. CRC 6242 de 2021), art. 2.1.24.2",
        "Ley 1755 de 2015, art. 14"],
    ("semilla", "terminacion"): [
        "Solicitud de terminación del contrato sin pago de la cláusula de permanencia",
        "solicito la terminación de ese contrato con efecto a partir del 15 de diciembre de 2026",
        TERMINA_15_DIC, EXIGEN_350, "No facturar cargos por periodos posteriores al 15 de diciembre de 2026",
        "Expedir el paz y salvo", "No oponerse a que porte mi número móvil a otro operador",
        NUEVA_PQR_VENCE,
        "SIC, decisiones sancionatorias contra ETB (2017 y 2020) por obstaculizar la terminación"],
    ("semilla", "silencio_positivo"): [
        "Reconocer que sobre la queja radicada el 5 de noviembre de 2026 con CUN 4563-24-0000123456 "
        "opera el silencio administrativo positivo desde el 28 de noviembre de 2026",
        "Hacer efectiva la terminación del contrato n.º 1.23456789 (internet fijo, telefonía fija y "
        "servicio móvil) con efecto a partir del 15 de diciembre de 2026", EXIGEN_350,
        # 72 hours (Q2, U) counted from the start of Sat 28 Nov: 28, 29 and 30 November.
        "Cumplir lo anterior a más tardar el 30 de noviembre de 2026",
        "Ley 1341 de 2009 (régimen de PQR y silencio administrativo positivo)"],
    ("semilla", "queja_sic"): [
        "Superintendencia de Industria y Comercio",
        "Queja contra Comunicación Celular S.A. Comcel S.A., NIT 800.153.993-7 (Claro)",
        "por no responder en el plazo legal la queja con CUN 4563-24-0000123456",
        "reconocer el silencio administrativo positivo que opera a mi favor desde el 28 de noviembre de 2026",
        "Imponer a la empresa las sanciones que correspondan"],
    # The seed, answered unfavourably on Fri 20 Nov: no SAP, the permanence rests on B1 (proof).
    ("recurso_reciente", "queja"): [
        RESPUESTA_20_NOV, TERMINA_15_DIC, SUBSIDIARIA_120, COMPENSACION_SEMILLA,
        "de acuerdo con las pruebas aportadas", NUEVA_PQR_VENCE],
    ("recurso_reciente", "terminacion"): [
        RESPUESTA_20_NOV, TERMINA_15_DIC, SUBSIDIARIA_120, "(3 meses por cumplir)",
        "No facturar cargos por periodos posteriores al 15 de diciembre de 2026"],
    # Recurso (Q3): 10 business days from Mon 23 Nov: 23, 24, 25, 26, 27, 30, 1, 2, 3, 4 → Fri 4 Dec.
    ("recurso_reciente", "recurso"): [
        "Recurso de reposición y en subsidio de apelación contra la respuesta notificada el 20 de "
        "noviembre de 2026 (CUN 4563-24-0000123456)",
        "El plazo de 10 días hábiles para recurrir esa decisión vence el 4 de diciembre de 2026",
        "Reponer la decisión que me notificaron el 20 de noviembre de 2026",
        "conceder el recurso de apelación y remitir el expediente completo a la Superintendencia de "
        "Industria y Comercio", SUBSIDIARIA_120,
        "Ley 1437 de 2011 (CPACA), aplicada por analogía a la firmeza de las decisiones"],
    # Expenses: $21.000 + $1.000.000 = $1.021.000.
    ("otro_sin_permanencia", "queja"): [
        "con cédula de extranjería n.º E4455667",
        "Reembolsarme los gastos que me causaron las interrupciones, por $1.021.000 (un millón "
        "veintiún mil pesos)", COMPENSACION_SEMILLA, TERMINA_15_DIC,
        "Reporté las interrupciones a la empresa, que asignó el CUN 4563-24-0000123456"],
    ("otro_sin_permanencia", "terminacion"): [
        "Asunto: Solicitud de terminación del contrato Referencia", TERMINA_15_DIC,
        "No facturar cargos por periodos posteriores al 15 de diciembre de 2026",
        "No oponerse a que porte mi número móvil a otro operador"],
    ("prueba_b1", "queja"): [TERMINA_15_DIC, EXIGEN_350, SUBSIDIARIA_120, COMPENSACION_SEMILLA],
    ("prueba_b1", "terminacion"): [
        TERMINA_15_DIC, SUBSIDIARIA_120,
        "Este derecho depende de que se acrediten los hechos descritos"],
    # Complaint Thu 1 Oct; 15 business days from Fri 2 Oct: 2, 5, 6, 7, 8, 9, (12 holiday), 13, 14,
    # 15, 16, 19, 20, 21, 22, 23 → Fri 23 Oct; answered 10 Nov, late: SAP from Sat 24 Oct; 72 h: 24,
    # 25, 26 → 26 Oct. Compensation: $99.900 ÷ 2 services = $49.950; internet × 6,5 ÷ 720 = $450,94;
    # TV × 26 ÷ 720 = $1.803,75; $451 + $1.804 = $2.255.
    ("sap_tardio_movistar", "queja"): [
        "que estimo en $2.255 (dos mil doscientos cincuenta y cinco pesos)",
        "por fuera del plazo de 15 días hábiles, que vencía el 23 de octubre de 2026", NUEVA_PQR_VENCE],
    ("sap_tardio_movistar", "silencio_positivo"): [
        "El 10 de noviembre de 2026 me notificaron una respuesta desfavorable",
        "opera el silencio administrativo positivo desde el 24 de octubre de 2026",
        "el plazo para hacerlo venció el 26 de octubre de 2026",
        "que estimo en $2.255 (dos mil doscientos cincuenta y cinco pesos)"],
    ("sap_tardio_movistar", "queja_sic"): [
        "Queja contra Colombia Telecomunicaciones S.A. E.S.P. BIC, NIT 830.122.566-1 (Movistar)",
        "reconocer el silencio administrativo positivo que opera a mi favor desde el 24 de octubre de 2026"],
    # Petition Thu 15 Oct; 15 business days from Fri 16: 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30,
    # (2 Nov holiday), 3, 4, 5, 6 → Fri 6 Nov; unanswered: SAP from Sat 7 Nov; 72 h: 7, 8, 9 → 9 Nov.
    ("sap_peticion_etb", "terminacion"): [
        "Terminar el contrato n.º 1.23456789 (internet fijo y telefonía fija)", TERMINA_15_DIC,
        "Abstenerse de cobrar suma alguna por la cláusula de permanencia, por las razones expuestas",
        "No facturar cargos por periodos posteriores al 15 de diciembre de 2026"],
    ("sap_peticion_etb", "silencio_positivo"): [
        "sobre la petición radicada el 15 de octubre de 2026 con CUN 7777-26-0000000042 opera el "
        "silencio administrativo positivo desde el 7 de noviembre de 2026",
        "El plazo de 15 días hábiles para responderla venció el 6 de noviembre de 2026",
        "el plazo para hacerlo venció el 9 de noviembre de 2026",
        "Entregarme copia del contrato y del documento de la cláusula de permanencia"],
    ("sap_peticion_etb", "queja_sic"): [
        "Queja contra Empresa de Telecomunicaciones de Bogotá S.A. E.S.P., NIT 899.999.115-8 (ETB)",
        "por no responder en el plazo legal la petición con CUN 7777-26-0000000042",
        "terminar el contrato n.º 1.23456789 (internet fijo y telefonía fija) con efecto a partir del "
        "15 de diciembre de 2026"],
    # TV valued at $45.000 a month: × 22 h ÷ 720 h = $1.375. Answer Wed 25 Nov; recurso: 10 business
    # days from Thu 26: 26, 27, 30, 1, 2, 3, 4, 7, (8 holiday), 9, 10 → Thu 10 Dec.
    ("recurso_tigo_une", "queja"): [
        "que estimo en $1.375 (mil trescientos setenta y cinco pesos)",
        "se presentó 1 interrupción del servicio", "Reporté la interrupción a la empresa"],
    ("recurso_tigo_une", "recurso"): [
        "contra la decisión parcialmente favorable que me notificaron el 25 de noviembre de 2026",
        "El plazo de 10 días hábiles para recurrir esa decisión vence el 10 de diciembre de 2026",
        "que estimo en $1.375 (mil trescientos setenta y cinco pesos)"],
    # Mobile only, clause of 10 Mar 2026: prohibited since 1 Jul 2014 (P1, solid: no subsidiary).
    # Answer Tue 24 Nov; recurso from Wed 25: 25, 26, 27, 30, 1, 2, 3, 4, 7, (8), 9 → Wed 9 Dec.
    ("recurso_wom_terminacion", "terminacion"): [
        "Terminar el contrato n.º 1.23456789 (servicio móvil)", TERMINA_15_DIC,
        "incluidos los $200.000 (doscientos mil pesos) que se me exigen",
        "Desde el 1 de julio de 2014 están prohibidas las cláusulas de permanencia mínima en los "
        "contratos de servicios móviles", "Res. CRC 4444 de 2014"],
    ("recurso_wom_terminacion", "recurso"): [
        "Reponer la decisión que me notificaron el 24 de noviembre de 2026",
        "El plazo de 10 días hábiles para recurrir esa decisión vence el 9 de diciembre de 2026",
        "incluidos los $200.000 (doscientos mil pesos) que se me exigen"],
    # No ground: the permanence is owed, at most the proportional $120.000 (P5).
    ("permanencia_exigible", "terminacion"): [
        "Asunto: Solicitud de terminación del contrato Referencia",
        "Terminar el contrato n.º 1.23456789 (internet fijo)", TERMINA_15_DIC,
        "Limitar el cobro por la cláusula de permanencia a un máximo de $120.000 (ciento veinte mil "
        "pesos)", "y no los $350.000 (trescientos cincuenta mil pesos) que se me exigen",
        "Ley 1480 de 2011 (Estatuto del Consumidor), art. 41"],
}

# Phrases a letter must not carry (a solid ground asks for no fallback; no clause, no permanence).
NUNCA: dict[tuple[str, str], list[str]] = {
    ("semilla", "queja"): ["(subsidiaria)"],
    ("semilla", "terminacion"): ["(subsidiaria)"],
    ("recurso_reciente", "queja"): ["opera el silencio administrativo positivo"],
    ("recurso_wom_terminacion", "terminacion"): ["(subsidiaria)"],
    ("sap_peticion_etb", "terminacion"): ["(subsidiaria)", "porte mi número móvil"],
    ("otro_sin_permanencia", "terminacion"): ["NIT", "permanencia mínima"],
}


def test_cada_carta_tiene_sus_frases_escritas_a_mano():
    assert set(POR_CARTA) == set(PARES)
    assert set(COMUNES) == {nombre for nombre, _ in PARES}


def _esperadas(nombre: str, tipo: str) -> list[str]:
    return SECCIONES + COMUNES[nombre] + POR_CARTA[nombre, tipo]


@pytest.mark.parametrize(("nombre", "tipo"), PARES)
def test_pdf_dice_lo_que_debe(nombre, tipo):
    _, d = caso_y_decision(nombre)
    assert tipo in d.cartas_posibles
    texto = texto_pdf(pdf_de(nombre, tipo))
    faltan = [s for s in _esperadas(nombre, tipo) if s not in texto]
    assert not faltan, faltan
    assert "Página 1 de" in texto


@pytest.mark.parametrize(("nombre", "tipo"), PARES)
def test_texto_dice_lo_mismo(nombre, tipo):
    texto = texto_de(nombre, tipo)
    faltan = [s for s in _esperadas(nombre, tipo) if s not in texto]
    assert not faltan, faltan
    sobran = [s for s in NUNCA.get((nombre, tipo), []) if s in texto]
    assert not sobran, sobran
    assert "<" not in texto and "&amp;" not in texto


@pytest.mark.parametrize(("nombre", "tipo"), PARES)
def test_cada_tipo_cita_su_fundamento_procesal(nombre, tipo):
    caso, d = caso_y_decision(nombre)
    ids = [f.clave for f in carta(caso, d, tipo).fundamentos]
    principal = {"queja": "Q1", "terminacion": "T1", "silencio_positivo": "Q2", "recurso": "Q3",
                 "queja_sic": "Q4"}[tipo]
    assert principal in ids
    if tipo in ("terminacion",) and d.permanencia.existe:
        for fid in d.permanencia.fundamentos:
            assert d.hallazgo(fid).regla in ids


def test_fundamento_que_requiere_prueba_no_se_afirma_como_cierto():
    texto = texto_de("prueba_b1", "terminacion")
    assert "depende de que se acrediten los hechos descritos" in texto
    assert "PETICIONES" in texto and "(subsidiaria)" in texto
    assert "$120.000 (ciento veinte mil pesos)" in texto  # 480.000 × 3 ÷ 12


def test_fundamento_solido_sin_reserva_ni_subsidiaria():
    texto = texto_de("recurso_wom_terminacion", "terminacion")
    assert ("están prohibidas las cláusulas de permanencia mínima en los contratos de servicios móviles"
            in texto)
    assert "(subsidiaria)" not in texto
    assert "Abstenerse de cobrar suma alguna" in texto and "$200.000 (doscientos mil pesos)" in texto


def test_no_imprime_articulos_sin_verificar():
    for nombre, tipo in PARES:
        texto = texto_de(nombre, tipo)
        assert "art. 1546" not in texto and "art. 870" not in texto
        assert "Criterio de conteo de Salida" not in texto


def test_solo_hechos_reportados():
    sin_perm = texto_de("otro_sin_permanencia", "queja")
    assert "cláusula de permanencia mínima" not in sin_perm
    assert "no incluyó ninguna compensación" not in sin_perm
    assert "Reporté las interrupciones" in sin_perm
    sin_fallas = texto_de("permanencia_exigible", "terminacion")
    assert "interrupci" not in sin_fallas and "CUN 4563" not in sin_fallas


def test_singular_y_plural():
    una = texto_de("recurso_tigo_une", "queja")
    assert "se presentó 1 interrupción del servicio" in una
    assert "Reporté la interrupción" in una
    varias = texto_de("semilla", "queja")
    assert "se presentaron 3 interrupciones del servicio" in varias
    gastos = texto_de("otro_sin_permanencia", "queja")
    assert "los siguientes gastos" in gastos
    assert "$1.021.000 (un millón veintiún mil pesos)" in gastos  # 21.000 + 1.000.000


def test_silencio_por_respuesta_tardia_nombra_la_fecha():
    texto = texto_de("sap_tardio_movistar", "silencio_positivo")
    assert "por fuera del plazo de 15 días hábiles" in texto
    assert "El 10 de noviembre de 2026 me notificaron una respuesta desfavorable" in texto


def test_operador_otro_sin_nit():
    texto = texto_de("otro_sin_permanencia", "terminacion")
    assert "Cablemás del Llano S.A.S." in texto and "NIT" not in texto
    assert "cédula de extranjería" in texto and "Villavicencio" in texto
