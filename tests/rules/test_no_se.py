"""«No sé» is not «No»: an unknown permanence clause is never read as no clause."""

from __future__ import annotations

import pytest

from rules import CasoInvalido, evaluar, validar_caso
from tests.conftest import cargar_semilla


def test_no_saber_si_hay_permanencia_deja_la_permanencia_sin_decidir():
    c = cargar_semilla()
    c.update(permanencia=None, hay_permanencia="no_se")
    d = evaluar(validar_caso(c))
    assert d.permanencia.existe is False and d.permanencia.exigible is None
    assert d.terminacion.sin_penalidad is None and d.terminacion.puede_terminar
    assert "permanencia" in d.faltantes
    p5 = d.hallazgo("P5")
    assert p5 is not None and p5.resultado == "falta_informacion" and "Si la tiene" in p5.explicacion


def test_sin_dato_de_presencia_sigue_como_antes():
    c = cargar_semilla()
    c["permanencia"] = None
    d = evaluar(validar_caso(c))
    assert d.permanencia.exigible is False and "permanencia" not in d.faltantes


def test_datos_de_clausula_con_no_se_es_una_contradiccion():
    c = cargar_semilla()
    c["hay_permanencia"] = "no_se"
    with pytest.raises(CasoInvalido) as e:
        validar_caso(c)
    assert "corrija una de las dos respuestas" in str(e.value.errores)


def test_sin_dia_de_corte_la_terminacion_dice_que_falta_y_la_carta_la_pide_igual():
    import letters

    c = cargar_semilla()
    del c["contrato"]["dia_corte"]
    caso = validar_caso(c)
    d = evaluar(caso)
    assert d.terminacion.puede_terminar and d.terminacion.fecha_efectiva is None
    assert "contrato.dia_corte" in d.faltantes
    t2 = d.hallazgo("T2")
    assert t2 is not None and t2.resultado == "falta_informacion" and "3 días hábiles" in t2.explicacion
    texto = letters.render_text(caso, d, "terminacion")
    assert "Terminar el contrato n.º 1.23456789" in texto and "en la fecha de corte que corresponda" in texto
    assert "None" not in texto
