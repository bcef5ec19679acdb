"""One Spanish voice: the literal wording of dates, pesos, numbers, lists and plurals."""

from datetime import date, datetime

import pytest

from rules import texto


@pytest.mark.parametrize(("dia", "esperado"), [
    (date(2026, 11, 3), "3 de noviembre de 2026"),
    (date(2026, 1, 1), "1 de enero de 2026"),
    (date(2027, 9, 30), "30 de septiembre de 2027"),
    (datetime(2026, 11, 3, 19, 40), "3 de noviembre de 2026"),
])
def test_fecha(dia, esperado):
    assert texto.fecha(dia) == esperado


def test_momentos_y_meses():
    m = datetime(2026, 11, 3, 19, 40)
    assert texto.fecha_hora(m) == "3 de noviembre de 2026, 19:40"
    assert texto.fecha_hora(datetime(2026, 11, 4, 1, 5)) == "4 de noviembre de 2026, 01:05"
    assert texto.mes("2026-11") == "noviembre de 2026"
    assert texto.mes("2027-02") == "febrero de 2027"
    assert texto.MESES[0] == "enero" and texto.MESES[11] == "diciembre" and len(texto.MESES) == 12


@pytest.mark.parametrize(("valor", "esperado"), [
    (0, "0"), (7, "7"), (999, "999"), (1200, "1.200"), (11.5, "11,5"), (2.5, "2,5"),
    (5.5833, "5,58"), (1_234_567.891, "1.234.567,89"), (0.25, "0,25"), (3.0, "3"),
])
def test_numero(valor, esperado):
    assert texto.numero(valor) == esperado


@pytest.mark.parametrize(("valor", "esperado"), [
    (0, "$0"), (1011, "$1.011"), (9999, "$9.999"), (120_000, "$120.000"), (189_900, "$189.900"),
    (1_021_000, "$1.021.000"),
])
def test_pesos(valor, esperado):
    assert texto.pesos(valor) == esperado


def test_monto_en_cifras_y_letras():
    assert texto.monto(189_900) == "$189.900 (ciento ochenta y nueve mil novecientos pesos)"
    assert texto.monto(1) == "$1 (un peso)"
    assert texto.monto(2_000_000) == "$2.000.000 (dos millones de pesos)"


def test_horas_duraciones_y_plurales():
    assert texto.horas(1) == "1 hora"
    assert texto.horas(11.5) == "11,5 horas"
    assert texto.duracion(11.5) == "11 horas y 30 minutos"
    assert texto.duracion(4) == "4 horas"
    assert texto.duracion(0.25) == "15 minutos"
    assert texto.duracion(1 + 1 / 60) == "1 hora y 1 minuto"
    assert texto.plural(1, "mes", "meses") == "1 mes"
    assert texto.plural(3, "mes", "meses") == "3 meses"
    assert texto.plural(0, "falla", "fallas") == "0 fallas"
    assert texto.palabra(1, "falla", "fallas") == "falla"


@pytest.mark.parametrize(("partes", "esperado"), [
    ([], ""),
    (["internet fijo"], "internet fijo"),
    (["internet fijo", "telefonía fija", "servicio móvil"], "internet fijo, telefonía fija y servicio móvil"),
    # 'y' becomes 'e' before an /i/ sound, spelled i-, í- or hi-...
    (["telefonía fija", "internet fijo"], "telefonía fija e internet fijo"),
    (["padres", "hijos"], "padres e hijos"),
    (["televisión", "Internet"], "televisión e Internet"),
    # ...but not before the glide of a diphthong.
    (["agua", "hielo"], "agua y hielo"),
    (["cobre", "iones"], "cobre y iones"),
    (["a", "", "b"], "a y b"),
])
def test_lista_con_y(partes, esperado):
    assert texto.lista(partes) == esperado


def test_lista_con_o():
    assert texto.lista(["siete", "ocho"], "o") == "siete u ocho"
    assert texto.lista(["minuto", "hora"], "o") == "minuto u hora"
    assert texto.lista(["uno", "dos"], "o") == "uno o dos"


def test_servicios_y_frases():
    assert texto.el_servicio("telefonia_fija") == "la telefonía fija"
    assert texto.servicio("television") == "televisión por suscripción"
    assert texto.mayuscula("la queja del 3") == "La queja del 3"
    assert texto.frase("  me cobraron dos veces ") == "Me cobraron dos veces."
    assert texto.frase("¿Por qué?") == "¿Por qué?"
    assert texto.sin_punto("Sin servicio. ") == "Sin servicio"


def test_cartas_y_paginas_hablan_con_la_misma_voz():
    """The letters' filters are this module's functions, not a second formatting layer."""
    from letters.formato import FILTROS, GLOBALES

    assert FILTROS["fecha"] is texto.fecha and FILTROS["pesos"] is texto.pesos
    assert FILTROS["lista"] is texto.lista and FILTROS["monto"] is texto.monto
    assert GLOBALES["plural"] is texto.plural


def test_explicacion_de_la_decision_usa_la_misma_lista(semilla):
    """A decision's explanation words a services list with the same conjunction rule as a letter."""
    from rules import evaluar, validar_caso

    semilla["contrato"]["servicios"] = ["telefonia_fija", "internet_fijo"]
    semilla["contrato"].pop("modalidad_movil", None)
    semilla["fallas"] = [f for f in semilla["fallas"] if f["servicio"] != "movil"]
    t4 = evaluar(validar_caso(semilla)).hallazgo("T4")
    assert t4.explicacion.startswith("Su contrato agrupa telefonía fija e internet fijo: puede cancelar")
