"""What the operator answered (reference, reasons) and whether it carried out silencio positivo."""

from __future__ import annotations

from letters import render_text
from rules import evaluar, validar_caso


def test_recurso_cita_el_radicado_y_los_argumentos(semilla):
    semilla["reclamaciones"][0].update({
        "asunto": "facturacion", "fecha_respuesta": "2026-11-20", "sentido_respuesta": "desfavorable",
        "respuesta_referencia": "RAD-2026-555", "respuesta_motivos": "La falla se debió a fuerza mayor."})
    caso = validar_caso(semilla)
    texto = render_text(caso, evaluar(caso), "recurso")
    assert "respuesta desfavorable (radicado RAD-2026-555)" in texto
    assert "En ella la empresa sostuvo: «La falla se debió a fuerza mayor»." in texto


def test_queja_sic_dice_que_no_cumplio_el_silencio_positivo(semilla):
    semilla["reclamaciones"][0]["sap_cumplido"] = False
    caso = validar_caso(semilla)
    texto = render_text(caso, evaluar(caso), "queja_sic")
    assert "la empresa no ha cumplido lo que se entiende concedido" in texto
    semilla["reclamaciones"][0]["sap_cumplido"] = None
    caso = validar_caso(semilla)
    assert "no ha cumplido" not in render_text(caso, evaluar(caso), "queja_sic")
