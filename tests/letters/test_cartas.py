"""Every letter kind, on the seed and on other scenarios: the PDF and the text say what they must."""

from __future__ import annotations

import pytest

from letters.formato import duracion, fecha_hora, fecha_larga, monto
from letters.fundamentos import imprimible, texto_cita
from letters.render import carta
from rules.parametros import parametros
from tests.letters.conftest import caso_y_decision, pdf_de, texto_de, texto_pdf
from tests.letters.escenarios import PARES


def esperados(nombre: str, tipo: str) -> list[str]:
    """Strings the letter must contain, derived from the case and the decision only."""
    caso, d = caso_y_decision(nombre)
    u = caso.usuario
    deben = [fecha_larga(caso.fecha_evaluacion), u.nombre, u.numero_documento, caso.contrato.numero,
             "HECHOS", "FUNDAMENTOS DE DERECHO", "PRUEBAS Y ANEXOS", "NOTIFICACIONES", u.direccion]
    if caso.operador == "otro":
        deben.append(caso.operador_nombre)
    else:
        op = parametros().operadores[d.destinatario.clave]
        deben += [op.razon_social, f"NIT {op.nit}"]
    if tipo == "queja_sic":
        deben.append("Superintendencia de Industria y Comercio")
    if u.correo:
        deben.append(u.correo)
    deben += [r.cun for r in caso.reclamaciones if r.cun]
    deben += [f.cun for f in caso.fallas if f.cun]
    for f in caso.fallas:
        deben += [fecha_hora(f.inicio), fecha_hora(f.fin),
                  duracion(round((f.fin - f.inicio).total_seconds() / 3600, 2))]
    for p in d.plazos:
        if p.id == "respuesta_pqr" and p.vencido:  # unanswered or answered late: the letter says so
            deben.append(fecha_larga(p.vence))
    for s in d.silencio_positivo:
        if s.aplica:
            deben.append(fecha_larga(s.desde))
    t, perm = d.terminacion, d.permanencia
    termina = tipo == "terminacion" or (tipo == "queja" and {"terminar", "terminar_sin_penalidad"}
                                         & set(caso.pretensiones))
    if termina:
        limite = (t.fecha_limite_aviso if t.fecha_limite_aviso >= d.fecha_evaluacion
                  else t.fecha_limite_aviso_siguiente)
        deben += [fecha_larga(t.fecha_efectiva), fecha_larga(limite)]
        if perm.exigible:
            deben.append(monto(perm.valor_maximo))
        elif perm.existe and perm.fundamentos:
            deben.append("Abstenerse de cobrar suma alguna por la cláusula de permanencia")
            if perm.fuerza != "solida" and perm.valor_proporcional:
                deben += ["(subsidiaria)", monto(perm.valor_proporcional)]
    if tipo == "terminacion":
        deben += ["No facturar cargos por periodos posteriores al " + fecha_larga(t.fecha_efectiva),
                  "paz y salvo"]
    if tipo == "queja":
        deben.append("código único numérico (CUN)")
        if d.compensacion.procede:
            deben.append(monto(d.compensacion.valor_estimado_total))
        if caso.gastos_adicionales and "reembolso_gastos" in caso.pretensiones:
            deben.append(monto(sum(g.valor for g in caso.gastos_adicionales)))
    if tipo == "silencio_positivo":
        deben.append("opera el silencio administrativo positivo desde el")
        deben += [fecha_larga(p.vence) for p in d.plazos if p.id == "cumplimiento_sap"]
    if tipo == "recurso":
        deben += ["Reponer la decisión", "recurso de apelación"]
        deben += [fecha_larga(p.vence) for p in d.plazos if p.id == "recurso" and not p.vencido]
    if tipo == "queja_sic":
        deben += ["Adelantar las actuaciones que correspondan", "sanciones"]
    return deben


def citas_esperadas(nombre: str, tipo: str) -> list[str]:
    """Each cited ground's printable citations, exactly as the decision gives them."""
    caso, d = caso_y_decision(nombre)
    vista = carta(caso, d, tipo)
    salida = []
    for f in vista.fundamentos:
        h = d.hallazgo(f.datos["id"])
        assert h is not None and h.resultado == "cumple", f"{f.datos['id']} no se cumple"
        salida += [texto_cita(c) for c in h.citas if imprimible(c)]
    return salida


@pytest.mark.parametrize(("nombre", "tipo"), PARES)
def test_pdf_dice_lo_que_debe(nombre, tipo):
    _, d = caso_y_decision(nombre)
    assert tipo in d.cartas_posibles
    texto = texto_pdf(pdf_de(nombre, tipo))
    faltan = [s for s in esperados(nombre, tipo) + citas_esperadas(nombre, tipo) if s not in texto]
    assert not faltan, faltan
    assert "Página 1 de" in texto


@pytest.mark.parametrize(("nombre", "tipo"), PARES)
def test_texto_dice_lo_mismo(nombre, tipo):
    texto = texto_de(nombre, tipo)
    faltan = [s for s in esperados(nombre, tipo) + citas_esperadas(nombre, tipo) if s not in texto]
    assert not faltan, faltan
    assert "<" not in texto and "&amp;" not in texto


@pytest.mark.parametrize(("nombre", "tipo"), PARES)
def test_cada_tipo_cita_su_fundamento_procesal(nombre, tipo):
    caso, d = caso_y_decision(nombre)
    ids = [f.clave for f in carta(caso, d, tipo).fundamentos]
    principal = {"queja": "Q1", "terminacion": "T1", "silencio_positivo": "Q2", "recurso": "Q3",
                 "queja_sic": "Q4"}[tipo]
    assert principal in ids
    if tipo in ("terminacion",) and d.permanencia.existe:
        for fid in d.permanencia.fundamentos:
            assert d.hallazgo(fid).regla in ids


def test_fundamento_que_requiere_prueba_no_se_afirma_como_cierto():
    texto = texto_de("prueba_b1", "terminacion")
    assert "depende de que se acrediten los hechos descritos" in texto
    assert "PETICIONES" in texto and "(subsidiaria)" in texto
    assert monto(120_000) in texto


def test_fundamento_solido_sin_reserva_ni_subsidiaria():
    texto = texto_de("recurso_wom_terminacion", "terminacion")
    assert ("están prohibidas las cláusulas de permanencia mínima en los contratos de servicios móviles"
            in texto)
    assert "(subsidiaria)" not in texto
    assert "Abstenerse de cobrar suma alguna" in texto and monto(200_000) in texto


def test_no_imprime_articulos_sin_verificar():
    for nombre, tipo in PARES:
        texto = texto_de(nombre, tipo)
        assert "art. 1546" not in texto and "art. 870" not in texto
        assert "Criterio de conteo de Salida" not in texto


def test_solo_hechos_reportados():
    sin_perm = texto_de("otro_sin_permanencia", "queja")
    assert "cláusula de permanencia mínima" not in sin_perm
    assert "no incluyó ninguna compensación" not in sin_perm
    assert "Reporté las interrupciones" in sin_perm
    sin_fallas = texto_de("permanencia_exigible", "terminacion")
    assert "interrupci" not in sin_fallas and "CUN 4563" not in sin_fallas


def test_singular_y_plural():
    una = texto_de("recurso_tigo_une", "queja")
    assert "se presentó 1 interrupción del servicio" in una
    assert "Reporté la interrupción" in una
    varias = texto_de("semilla", "queja")
    assert "se presentaron 3 interrupciones del servicio" in varias
    gastos = texto_de("otro_sin_permanencia", "queja")
    assert "los siguientes gastos" in gastos and monto(1_021_000) in gastos
    assert "$1.021.000 (un millón veintiún mil pesos)" in gastos


def test_silencio_por_respuesta_tardia_nombra_la_fecha():
    texto = texto_de("sap_tardio_movistar", "silencio_positivo")
    assert "por fuera del plazo de 15 días hábiles" in texto
    assert "El 10 de noviembre de 2026 me notificaron una respuesta desfavorable" in texto


def test_operador_otro_sin_nit():
    texto = texto_de("otro_sin_permanencia", "terminacion")
    assert "Cablemás del Llano S.A.S." in texto and "NIT" not in texto
    assert "cédula de extranjería" in texto and "Villavicencio" in texto
