"""Spanish formatting: amounts in words (wrapped num2words), pesos, long dates."""

from datetime import date, datetime

import pytest

from letters.entorno import ordinal
from letters.formato import en_letras, fecha_hora, fecha_larga, horas, lista, monto, pesos, pesos_en_letras


@pytest.mark.parametrize(("valor", "palabras"), [
    (21, "veintiún"),
    (1, "un"),
    (31, "treinta y un"),
    (101, "ciento un"),
    (21_000, "veintiún mil"),
    (1_021_000, "un millón veintiún mil"),
    (189_900, "ciento ochenta y nueve mil novecientos"),
    (2022, "dos mil veintidós"),
])
def test_en_letras_apocopa_ante_sustantivo(valor, palabras):
    assert en_letras(valor) == palabras


@pytest.mark.parametrize(("valor", "texto"), [
    (0, "cero pesos"),
    (1, "un peso"),
    (21, "veintiún pesos"),
    (1_000_000, "un millón de pesos"),
    (2_000_000, "dos millones de pesos"),
    (1_021_000, "un millón veintiún mil pesos"),
    (1_500_000, "un millón quinientos mil pesos"),
    (1_000_000_000, "mil millones de pesos"),
])
def test_pesos_en_letras(valor, texto):
    assert pesos_en_letras(valor) == texto


def test_monto_en_cifras_y_letras():
    assert monto(189_900) == "$189.900 (ciento ochenta y nueve mil novecientos pesos)"
    assert pesos(1_021_000) == "$1.021.000"


def test_negativo_rechazado():
    with pytest.raises(ValueError):
        en_letras(-1)


def test_fechas_largas_es_co():
    assert fecha_larga(date(2026, 11, 28)) == "28 de noviembre de 2026"
    assert fecha_larga(date(2026, 1, 1)) == "1 de enero de 2026"
    assert fecha_hora(datetime(2026, 11, 3, 19, 40)) == "3 de noviembre de 2026, 19:40"


def test_horas_y_listas():
    assert horas(1) == "1 hora"
    assert horas(11.5) == "11,5 horas"
    assert lista(["internet fijo", "telefonía fija", "servicio móvil"]) == (
        "internet fijo, telefonía fija y servicio móvil")
    assert lista(["telefonía fija", "internet fijo"]) == "telefonía fija e internet fijo"
    assert lista(["uno"]) == "uno"


def test_ordinales():
    assert ordinal(1) == "PRIMERO"
    assert ordinal(1, "a") == "PRIMERA"
    assert ordinal(7) == "SÉPTIMO"
    assert ordinal(21) == "21"
