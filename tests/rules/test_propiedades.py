"""Property tests: merged hours, the permanence amount and the whole engine behave for any input."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.amortizacion import fecha_fin, meses_restantes, monto_lineal
from rules.caso import BOGOTA, Permanencia
from rules.horas import horas_por_mes, unir
from tests.rules.estrategias import casos
from tests.rules.reglamento import REGLAS_DEL_REGLAMENTO

INICIO = datetime(2025, 1, 1, tzinfo=BOGOTA)

intervalos = st.lists(
    st.tuples(st.integers(min_value=0, max_value=24 * 90 * 60),
              st.integers(min_value=1, max_value=24 * 40 * 60), st.booleans()),
    min_size=1, max_size=12,
).map(lambda xs: [(INICIO + timedelta(minutes=a), INICIO + timedelta(minutes=a + d), c)
                  for a, d, c in xs])


def _total(filas) -> float:
    return sum(m.horas for m in filas.values())


@given(intervalos)
def test_horas_unidas_no_superan_el_tiempo_real(xs):
    total = _total(horas_por_mes(xs))
    pared = (max(f for _, f, _ in xs) - min(i for i, _, _ in xs)).total_seconds() / 3600
    assert total <= pared + 1e-9
    assert total >= max((f - i).total_seconds() for i, f, _ in xs) / 3600 - 1e-9


@given(intervalos.flatmap(lambda xs: st.tuples(st.just(xs), st.permutations(xs))))
def test_horas_no_dependen_del_orden(xs_y_barajados):
    xs, barajados = xs_y_barajados
    a, b = horas_por_mes(xs), horas_por_mes(barajados)
    assert a.keys() == b.keys()
    for mes in a:
        assert abs(a[mes].horas - b[mes].horas) < 1e-9


@given(intervalos)
def test_meses_suman_lo_unido(xs):
    unido = sum((f - i).total_seconds() for i, f, _, _ in unir(xs)) / 3600
    assert abs(_total(horas_por_mes(xs)) - unido) < 1e-6


def test_zona_horaria_se_respeta_al_partir_meses():
    # 23:00 on 31 Oct in Bogotá is already 1 Nov in UTC: the hour belongs to October.
    i = datetime(2026, 11, 1, 4, 0, tzinfo=UTC)  # 23:00 Bogotá, 31 Oct
    f = datetime(2026, 11, 1, 6, 0, tzinfo=UTC)  # 01:00 Bogotá, 1 Nov
    filas = horas_por_mes([(i, f, False)])
    assert filas["2026-10"].horas == 1.0 and filas["2026-11"].horas == 1.0


permanencias = st.builds(
    lambda inicio, meses, susp, valor: (Permanencia(fecha_inicio=inicio, meses=meses,
                                                    meses_suspension_voluntaria=susp), valor),
    st.dates(min_value=date(2012, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=1, max_value=36), st.integers(min_value=0, max_value=6),
    st.integers(min_value=0, max_value=5_000_000),
)


@given(permanencias, st.integers(min_value=0, max_value=2000), st.integers(min_value=0, max_value=400))
def test_monto_no_crece_con_el_tiempo_y_no_supera_el_beneficio(pv, dias, mas):
    perm, valor = pv
    antes = perm.fecha_inicio + timedelta(days=dias)
    despues = antes + timedelta(days=mas)
    a, b = monto_lineal(valor, perm, antes), monto_lineal(valor, perm, despues)
    assert 0 <= b <= a <= valor


@given(permanencias, st.integers(min_value=0, max_value=400))
def test_monto_es_cero_al_terminar(pv, dias):
    perm, valor = pv
    fin = fecha_fin(perm)
    assert meses_restantes(perm, fin + timedelta(days=dias)) == 0
    assert monto_lineal(valor, perm, fin) == 0


@given(permanencias)
def test_al_empezar_se_debe_todo_el_beneficio(pv):
    perm, valor = pv
    assert monto_lineal(valor, perm, perm.fecha_inicio) == valor


# No deadline: the first case warms caches (holidays, parameters); tests assert no timings.
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(casos())
def test_el_motor_decide_cualquier_caso_valido(caso):
    from rules import evaluar, validar_caso

    # The JSON door accepts what the model builds, and decides it the same way.
    assert validar_caso(caso.model_dump(mode="json")) == caso
    decision = evaluar(caso)
    assert [h.regla for h in decision.hallazgos] == REGLAS_DEL_REGLAMENTO  # every rule, every time
    assert decision.advertencias and set(decision.cartas_sugeridas) <= set(decision.cartas_posibles)
    if decision.permanencia.exigible:
        assert decision.permanencia.valor_maximo is None or decision.permanencia.valor_maximo > 0
    for h in decision.hallazgos:  # only a held or failed rule is good or bad news (README)
        assert (h.favorece_al_usuario is None) or h.resultado in ("cumple", "no_cumple"), h.id
    if caso.permanencia is None:  # no clause given: never a sum to pay for one
        assert not decision.permanencia.exigible
