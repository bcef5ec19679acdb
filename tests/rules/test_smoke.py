"""The engine evaluates the bundled seed case."""

from rules import evaluar, validar_caso


def test_semilla_se_evalua(semilla):
    decision = evaluar(validar_caso(semilla))
    assert decision.terminacion.fecha_efectiva.isoformat() == "2026-12-15"
