"""Timeline events as changes to the `Caso`: what each one writes, and what it refuses."""

from __future__ import annotations

from datetime import date

import pytest

from casos.eventos import EventoInvalido, aplicar, leer_evento, reconstruir, validar_aplicado
from tests.casos.conftest import caso_sin_reclamar, validado


def _caso() -> dict:
    return validado().model_dump(mode="json")


def _con(caso: dict, **datos) -> dict:
    return aplicar(caso, leer_evento(datos))


def test_presentar_la_queja_agrega_una_reclamacion_con_lo_que_pide_el_caso():
    caso = _con(
        _caso(),
        tipo="carta_radicada",
        carta="queja",
        fecha="2026-11-30",
        canal="oficina",
        cun="4563-24-0000999999",
    )
    [r] = caso["reclamaciones"]
    assert r["tipo"] == "queja" and r["asunto"] == "falla" and r["canal"] == "oficina"
    assert r["fecha_radicacion"] == "2026-11-30" and r["cun"] == "4563-24-0000999999"
    assert r["pretensiones"] == caso["pretensiones"]
    assert caso["fecha_evaluacion"] == "2026-11-30"  # never before the fact
    validar_aplicado(caso)


def test_la_respuesta_se_anota_en_su_reclamacion():
    caso = _con(_caso(), tipo="carta_radicada", carta="queja", fecha="2026-11-30")
    caso = _con(
        caso,
        tipo="respuesta_recibida",
        reclamacion="0",
        fecha="2026-12-10",
        sentido="desfavorable",
        incompleta=True,
    )
    r = caso["reclamaciones"][0]
    assert (r["fecha_respuesta"], r["sentido_respuesta"], r["respuesta_incompleta"]) == (
        "2026-12-10",
        "desfavorable",
        True,
    )


def test_silencio_positivo_y_recurso_se_refieren_a_la_reclamacion_anterior():
    caso = _con(_caso(), tipo="carta_radicada", carta="queja", fecha="2026-11-30")
    caso = _con(caso, tipo="respuesta_recibida", reclamacion="0", fecha="2026-12-10", sentido="parcial")
    caso = _con(caso, tipo="carta_radicada", carta="recurso", fecha="2026-12-14")
    caso = _con(caso, tipo="carta_radicada", carta="silencio_positivo", fecha="2026-12-15")
    recurso, peticion = caso["reclamaciones"][1:]
    assert recurso["tipo"] == "recurso" and recurso["asunto"] == "falla"
    assert peticion["tipo"] == "peticion"
    assert recurso["pretensiones"] == caso["reclamaciones"][0]["pretensiones"]


def test_terminacion_y_compensacion():
    caso = _con(_caso(), tipo="carta_radicada", carta="terminacion", fecha="2026-12-01", canal="telefono")
    assert caso["solicitud_terminacion"] == {"fecha": "2026-12-01", "canal": "telefono", "cun": None}
    assert _con(caso, tipo="compensacion_aplicada", fecha="2026-12-16")["compensacion_aplicada"] is True
    with pytest.raises(EventoInvalido, match="Ya registró"):
        _con(caso, tipo="carta_radicada", carta="terminacion", fecha="2026-12-02")


def test_la_queja_ante_la_sic_es_su_propio_evento_y_su_numero_no_es_un_cun():
    evento = leer_evento(
        {"tipo": "carta_radicada", "carta": "queja_sic", "fecha": "2026-12-28", "cun": "26-123456"}
    )
    assert evento.tipo == "queja_sic_radicada" and evento.radicado == "26-123456" and evento.cun is None
    assert aplicar(_caso(), evento)["reclamaciones"] == []


@pytest.mark.parametrize(
    ("datos", "campo"),
    [
        ({"tipo": "carta_radicada", "fecha": "2026-11-30"}, "evento"),
        ({"tipo": "carta_radicada", "carta": "queja", "fecha": "30/11/2026"}, "fecha"),
        ({"tipo": "carta_radicada", "carta": "queja", "fecha": "2026-11-30", "cun": "abc"}, "cun"),
        ({"tipo": "respuesta_recibida", "fecha": "2026-11-30", "reclamacion": "0"}, "evento"),
        ({"tipo": "borrar_todo", "fecha": "2026-11-30"}, "tipo"),
        ({"tipo": "carta_radicada", "carta": "queja", "fecha": "2026-11-30", "nombre": "x"}, "nombre"),
    ],
)
def test_eventos_invalidos_en_espanol(datos, campo):
    with pytest.raises(EventoInvalido) as error:
        leer_evento(datos)
    [(donde, mensaje)] = error.value.errores
    assert donde == campo and mensaje and "Value error" not in mensaje


def test_errores_logicos():
    caso = _caso()
    with pytest.raises(EventoInvalido, match="no existe"):
        _con(caso, tipo="respuesta_recibida", reclamacion="3", fecha="2026-12-01", sentido="favorable")
    with pytest.raises(EventoInvalido, match="No hay una reclamación anterior"):
        _con(caso, tipo="carta_radicada", carta="recurso", fecha="2026-12-01")
    caso = _con(caso, tipo="carta_radicada", carta="queja", fecha="2026-11-30")
    with pytest.raises(EventoInvalido, match="anterior a la radicación"):
        _con(caso, tipo="respuesta_recibida", reclamacion="0", fecha="2026-11-29", sentido="favorable")


def test_el_caso_resultante_se_valida_con_el_motor():
    datos = caso_sin_reclamar()
    datos["fecha_evaluacion"] = "2026-11-28"
    caso = _con(
        validado(datos).model_dump(mode="json"), tipo="carta_radicada", carta="queja", fecha="2026-11-30"
    )
    caso["fecha_evaluacion"] = "2026-11-29"  # a filing after the evaluation date is inconsistent
    with pytest.raises(EventoInvalido) as error:
        validar_aplicado(caso)
    assert error.value.errores[0][0] == "reclamaciones[0].fecha_radicacion"


def test_reconstruir_repite_los_eventos_en_orden():
    base = _caso()
    eventos = [
        ("carta_radicada", date(2026, 11, 30), {"carta": "queja", "canal": "web"}),
        ("respuesta_recibida", date(2026, 12, 4), {"reclamacion": 0, "sentido": "favorable"}),
        ("carta_generada", date(2027, 1, 5), {"carta": "queja_sic"}),
    ]
    caso = reconstruir(base, eventos)
    assert caso["reclamaciones"][0]["sentido_respuesta"] == "favorable"
    assert caso["fecha_evaluacion"] == "2026-12-04"  # a generated letter is not a fact of the case
    assert base["reclamaciones"] == []  # the saved case is never changed in place


def test_la_respuesta_guarda_su_radicado_y_motivos_y_el_cumplimiento_del_silencio():
    caso = _con(_caso(), tipo="carta_radicada", carta="queja", fecha="2026-11-30")
    caso = _con(
        caso,
        tipo="respuesta_recibida",
        reclamacion="0",
        fecha="2026-12-28",
        sentido="desfavorable",
        referencia="RTA-2026-889",
        motivos="Dicen que la falla fue de fuerza mayor.",
    )
    r = caso["reclamaciones"][0]
    assert (r["respuesta_referencia"], r["respuesta_motivos"]) == (
        "RTA-2026-889",
        "Dicen que la falla fue de fuerza mayor.",
    )
    caso = _con(caso, tipo="sap_cumplido", reclamacion="0", fecha="2027-01-04")
    assert caso["reclamaciones"][0]["sap_cumplido"] is True
    validar_aplicado(caso)
    with pytest.raises(EventoInvalido, match="qué reclamación"):
        leer_evento({"tipo": "sap_cumplido", "fecha": "2027-01-04"})
