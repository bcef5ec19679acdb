"""A long outage description keeps the facts table readable: the notes follow it as paragraphs."""

from __future__ import annotations

from letters.render import render_html
from rules import validar_caso
from tests.conftest import cargar_semilla


def _html(descripciones: list[str]) -> str:
    c = cargar_semilla()
    for f, d in zip(c["fallas"], descripciones, strict=True):
        f["descripcion"] = d
    return render_html(validar_caso(c), None, "queja")


def test_las_notas_van_despues_de_la_tabla_y_no_se_repiten():
    larga = "Se cayó todo el servicio en el barrio; llamé varias veces y nadie me dio una fecha. " * 11
    html = _html([larga.strip()] * 3)
    tabla, _, despues = html.partition("</table>")
    assert "Se cayó todo el servicio" not in tabla.partition('<table class="fallas">')[2]
    assert "Observaciones" not in tabla
    assert despues.count("Se cayó todo el servicio en el barrio; llamé") == 11  # said once, whole
    assert "Interrupciones n.º 1, 2 y 3:" in despues


def test_cada_nota_dice_a_que_interrupcion_se_refiere():
    html = _html(["Sin internet.", "Sin tono.", "Sin señal."])
    notas = html.partition("</table>")[2]
    assert "Interrupción n.º 1:</span> Sin internet." in notas
    assert "Interrupción n.º 2:</span> Sin señal." in notas  # the table lists the mobile line second
