"""The procedure model keeps findings, deadlines and letters consistent (issue 9, rulebook §6)."""

from __future__ import annotations

import random

import pytest

from rules import CasoInvalido, evaluar, validar_caso
from rules.ejemplos.aleatorios import caso_aleatorio
from tests.rules.test_escenarios import ESCENARIOS


def _casos() -> list[tuple[str, dict]]:
    casos = [(e.id, e.caso) for e in ESCENARIOS if "invalido" not in e.espera]
    r = random.Random(11)
    return casos + [(f"aleatorio_{n}", caso_aleatorio(r)) for n in range(60)]


CASOS = _casos()


@pytest.mark.parametrize(("nombre", "datos"), CASOS, ids=[n for n, _ in CASOS])
def test_el_procedimiento_no_se_contradice(nombre: str, datos: dict) -> None:
    try:
        d = evaluar(validar_caso(datos))
    except CasoInvalido:
        pytest.skip("caso inválido")
    pasos = {t.reclamacion: t for t in d.procedimiento}
    saps = {s.reclamacion: s for s in d.silencio_positivo}
    abierto = any(t.estado == "recurso_en_termino" for t in d.procedimiento)
    if abierto:  # Q4: never the SIC while a recurso window is open
        assert "queja_sic" not in d.cartas_sugeridas
        assert "queja_sic" not in d.cartas_posibles
        assert not any(p.id == "queja_sic" for p in d.plazos)
    for i, t in pasos.items():
        if t.estado == "recurso_extemporaneo":  # Q3: final decision, no SAP, no Q6
            assert not saps[i].aplica
            assert not any(p.id == "cumplimiento_sap" and p.reclamacion == i for p in d.plazos)
            q6 = d.hallazgo("Q6")
            assert q6 is not None and (t.cun is None or t.cun not in q6.explicacion)
            assert t.recurre is not None and pasos[t.recurre].estado == "en_firme"
        if t.sap_desde is not None:
            assert saps[i].aplica and saps[i].desde == t.sap_desde
        else:
            assert not saps[i].aplica
        paso = t.siguiente_paso
        if paso.carta is not None and paso.accion == "presentar":
            assert paso.carta in d.cartas_posibles, (i, paso)
            assert paso.carta in d.cartas_sugeridas, (i, paso)
        if paso.hasta is not None:
            assert paso.hasta >= d.fecha_evaluacion
    b5 = d.hallazgo("B5")
    if b5 is not None and b5.resultado == "cumple":
        assert any(s.aplica for s in d.silencio_positivo)
