"""Business days in Colombia (rulebook §7) and calendar arithmetic."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules.calendario import (
    dia_en_mes,
    es_habil,
    festivos,
    habil_desde,
    meses_completos,
    restar_habiles,
    siguiente_corte,
    sumar_habiles,
    sumar_meses,
    vencimiento,
)

# Known national holidays (Ley 51 de 1983; Easter-based and "Emiliani" Mondays).
CONOCIDOS = [
    date(2024, 3, 28), date(2024, 3, 29),  # Jueves y Viernes Santo 2024
    date(2025, 4, 17), date(2025, 4, 18),  # Jueves y Viernes Santo 2025
    date(2025, 6, 2),  # Ascensión, moved to Monday
    date(2025, 6, 23),  # Corpus Christi, moved to Monday
    date(2025, 6, 30),  # Sagrado Corazón, moved to Monday
    date(2025, 1, 6),  # Reyes Magos on a Monday
    date(2026, 1, 12),  # Reyes Magos 2026 (Jan 6 is a Tuesday) moved to Monday
    date(2026, 11, 16),  # Independencia de Cartagena moved to Monday
    date(2026, 12, 8), date(2026, 12, 25), date(2026, 7, 20), date(2026, 8, 7),
]


@pytest.mark.parametrize("dia", CONOCIDOS)
def test_festivos_conocidos(dia: date) -> None:
    assert dia in festivos(dia.year)
    assert not es_habil(dia)


def test_dias_moviles_no_son_festivos_en_su_fecha_original() -> None:
    assert es_habil(date(2026, 1, 6))  # Tuesday; the holiday moved to Monday the 12th
    assert es_habil(date(2026, 11, 11))  # Wednesday; moved to Monday the 16th


def test_fin_de_semana_no_es_habil() -> None:
    assert not es_habil(date(2026, 11, 28))  # Saturday
    assert not es_habil(date(2026, 11, 29))  # Sunday
    assert es_habil(date(2026, 11, 27))


def test_vencimiento_de_pqr_ejemplo_del_contrato() -> None:
    # Filed Thursday 2026-11-05; Monday 16 is a holiday: the 15th business day is Friday 27.
    assert vencimiento(date(2026, 11, 5), 15) == date(2026, 11, 27)


def test_radicacion_en_festivo_cuenta_desde_el_siguiente_habil() -> None:
    # Filed on Sunday 8 Nov 2026, it counts as filed Monday 9; the term starts Tuesday 10: 10, 11,
    # 12, 13, (Mon 16 holiday), 17, 18, 19, 20, 23, 24, 25, 26, 27, 30 Nov, 1 Dec → Tuesday 1 Dec.
    assert vencimiento(date(2026, 11, 8), 15) == date(2026, 12, 1)
    assert vencimiento(date(2026, 11, 9), 15) == date(2026, 12, 1)
    assert vencimiento(date(2026, 11, 9), 1) == date(2026, 11, 10)


def test_semana_santa_se_salta() -> None:
    # Wednesday 2025-04-16 + 1 business day skips Holy Thursday and Good Friday.
    assert sumar_habiles(date(2025, 4, 16), 1) == date(2025, 4, 21)


def test_recurso_diez_dias_ejemplo_del_contrato() -> None:
    # Notified Friday 20 Nov 2026: 23, 24, 25, 26, 27, 30 Nov, 1, 2, 3, 4 Dec → Friday 4 Dec.
    assert vencimiento(date(2026, 11, 20), 10) == date(2026, 12, 4)


def test_aviso_tres_dias_antes_del_corte() -> None:
    assert restar_habiles(date(2026, 12, 15), 3) == date(2026, 12, 10)
    # Across the 8 December holiday: Wednesday 9 minus 3 business days is Thursday 3.
    assert restar_habiles(date(2026, 12, 9), 3) == date(2026, 12, 3)


def test_habil_desde() -> None:
    assert habil_desde(date(2026, 12, 25)) == date(2026, 12, 28)
    assert habil_desde(date(2026, 12, 28)) == date(2026, 12, 28)


@pytest.mark.parametrize(("dia", "corte", "esperado"), [
    (date(2026, 11, 28), 15, date(2026, 12, 15)),
    (date(2026, 12, 15), 15, date(2027, 1, 15)),  # strictly after the cut-off day
    (date(2026, 1, 31), 31, date(2026, 2, 28)),  # February has no 31st
    (date(2028, 1, 31), 31, date(2028, 2, 29)),  # leap year
    (date(2026, 3, 31), 31, date(2026, 4, 30)),
    (date(2026, 12, 31), 1, date(2027, 1, 1)),
])
def test_siguiente_corte(dia: date, corte: int, esperado: date) -> None:
    assert siguiente_corte(dia, corte) == esperado


def test_sumar_meses_en_fin_de_mes() -> None:
    assert sumar_meses(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert sumar_meses(date(2026, 3, 10), 12) == date(2027, 3, 10)
    assert dia_en_mes(2026, 2, 30) == date(2026, 2, 28)


def test_meses_completos() -> None:
    assert meses_completos(date(2026, 3, 10), date(2026, 12, 15)) == 9
    assert meses_completos(date(2026, 3, 10), date(2026, 12, 9)) == 8
    assert meses_completos(date(2026, 3, 10), date(2026, 3, 1)) == 0


fechas = st.dates(min_value=date(2011, 5, 18), max_value=date(2035, 12, 31))


@given(fechas, st.integers(min_value=0, max_value=60))
def test_sumar_y_restar_son_inversos(dia: date, n: int) -> None:
    habil = habil_desde(dia)
    assert restar_habiles(sumar_habiles(habil, n), n) == habil
    assert sumar_habiles(restar_habiles(habil, n), n) == habil


# Business days of November and December 2026, written out from a wall calendar: weekdays minus
# Mon 2 Nov (Todos los Santos, moved), Mon 16 Nov (Cartagena, moved), Tue 8 Dec and Fri 25 Dec.
HABILES_NOV_DIC_2026 = [date(2026, 11, d) for d in (
    3, 4, 5, 6, 9, 10, 11, 12, 13, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30)] + [date(2026, 12, d) for d in (
    1, 2, 3, 4, 7, 9, 10, 11, 14, 15, 16, 17, 18, 21, 22, 23, 24, 28, 29, 30, 31)]


def test_es_habil_coincide_con_la_lista_fijada() -> None:
    assert len(HABILES_NOV_DIC_2026) == 19 + 21  # 21 weekdays − 2 holidays; 23 weekdays − 2 holidays
    dias = [date(2026, 11, 1) + timedelta(days=k) for k in range(61)]
    assert [d for d in dias if es_habil(d)] == HABILES_NOV_DIC_2026


@given(st.dates(min_value=date(2026, 10, 31), max_value=date(2026, 12, 30)), st.data())
def test_sumar_habiles_da_el_enesimo_dia_de_la_lista_fijada(dia: date, datos: st.DataObject) -> None:
    despues = [d for d in HABILES_NOV_DIC_2026 if d > dia]
    n = datos.draw(st.integers(min_value=1, max_value=len(despues)))
    assert sumar_habiles(dia, n) == despues[n - 1]


@given(fechas, st.integers(min_value=1, max_value=31))
def test_siguiente_corte_es_el_primero_posterior(dia: date, corte: int) -> None:
    siguiente = siguiente_corte(dia, corte)
    assert siguiente > dia
    assert (siguiente - dia).days <= 31
    assert siguiente == dia_en_mes(siguiente.year, siguiente.month, corte)


@given(fechas, st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=400))
def test_meses_completos_es_monotono(dia: date, meses: int, extra: int) -> None:
    hasta = sumar_meses(dia, meses)
    assert meses_completos(dia, hasta) >= meses - (1 if hasta.day != dia.day else 0)
    assert meses_completos(dia, hasta + timedelta(days=extra)) >= meses_completos(dia, hasta)
