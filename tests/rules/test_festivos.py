"""The holiday calendar as dated, sourced data (rulebook §7): 2011–2030 pinned against a list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rules.calendario import es_habil, festivos, festivos_por_confirmar, sumar_habiles
from rules.parametros import parametros
from tests.rules.test_escenarios import leer_yaml

LISTA = leer_yaml(Path(__file__).with_name("festivos_2011_2030.yaml"))


@pytest.mark.parametrize("anio", range(2011, 2031))
def test_festivos_fijados(anio: int) -> None:
    esperados = {date.fromisoformat(f["fecha"]) for f in LISTA["festivos"][anio]}
    assert set(festivos(anio)) == esperados


@pytest.mark.parametrize("anio", range(2011, 2031))
def test_cada_festivo_tiene_fuente_y_estado(anio: int) -> None:
    p = parametros()
    for f in LISTA["festivos"][anio]:
        fuente, estado = p.festivo(date.fromisoformat(f["fecha"]), f["nombre"])
        assert fuente == f["fuente"], f
        assert estado == LISTA["fuentes"][fuente]["estado"], f
        assert p.cita(fuente).estado == estado


def test_festivo_por_confirmar_de_la_ley_2578():
    assert festivos_por_confirmar(date(2026, 7, 1), date(2026, 7, 31)) == [date(2026, 7, 13)]
    assert festivos_por_confirmar(date(2025, 1, 1), date(2025, 12, 31)) == []
    assert not es_habil(date(2026, 7, 13))
    assert es_habil(date(2026, 7, 13), seguro=True)  # the earliest plausible reading counts it


def test_fecha_segura_cuenta_el_festivo_por_confirmar_como_habil():
    # From Friday 3 July 2026, 10 business days: 21 July; if 13 July were not a holiday, 17 July.
    assert sumar_habiles(date(2026, 7, 3), 10) == date(2026, 7, 21)
    assert sumar_habiles(date(2026, 7, 3), 10, seguro=True) == date(2026, 7, 17)
