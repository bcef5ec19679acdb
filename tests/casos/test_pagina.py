"""The case page behind the private link: events re-evaluate it; letters, calendar, export, deletion."""

from __future__ import annotations

import io
import json
import logging

from icalendar import Calendar
from pypdf import PdfReader
from sqlalchemy import func, select

from store.casos import CasoGuardado, Consentimiento, Evento, PqrResumen
from store.db import base_de_datos
from tests.casos.conftest import guardar_con_enlace

QUEJA = {
    "formulario": "carta",
    "tipo": "carta_radicada",
    "carta": "queja",
    "fecha": "2026-11-30",
    "canal": "web",
    "cun": "4563-24-0000999999",
}


def test_cada_evento_vuelve_a_calcular_el_caso(client, url_bd):
    ruta = guardar_con_enlace(client)
    assert "Hay una carta por presentar" in client.get(ruta).text
    r = client.post(ruta + "/eventos", data=QUEJA)
    assert r.status_code == 303 and r.headers["Location"].endswith("#estado")
    pagina = client.get(ruta).text
    assert "Esperando la respuesta del operador" in pagina
    assert "22 de diciembre de 2026" in pagina  # the operator's term, 15 business days (8 Dec is a holiday)
    with base_de_datos(url_bd).sesiones() as s:
        g = s.scalar(select(CasoGuardado))
        assert (g.estado, g.proximo_plazo, g.caso["fecha_evaluacion"]) == (
            "esperando_respuesta",
            "aviso_terminacion",
            "2026-11-30",
        )
        [pqr] = s.scalars(select(PqrResumen))
        assert (pqr.operador, str(pqr.vence)) == ("claro", "2026-12-22")


def test_dejar_pasar_el_plazo_cambiando_la_fecha_de_calculo(client):
    ruta = guardar_con_enlace(client)
    client.post(ruta + "/eventos", data=QUEJA)
    antes = client.get(ruta + "?fecha=2026-12-22").text
    assert "Esperando la respuesta del operador" in antes
    despues = client.get(ruta + "?fecha=2026-12-23").text
    assert "opera el silencio administrativo positivo" in despues
    assert "Disponible desde el 23 de diciembre de 2026" in despues
    assert 'value="2026-12-23"' in despues  # the letter buttons carry the date of the page
    pdf = client.post(ruta + "/cartas/silencio_positivo.pdf", data={"fecha": "2026-12-23"})
    assert pdf.status_code == 200
    assert pdf.headers["Content-Disposition"] == 'attachment; filename="salida-silencio_positivo.pdf"'
    texto = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "4563-24-0000999999" in texto
    assert (
        client.post(ruta + "/cartas/silencio_positivo.pdf", data={"fecha": "2026-12-22"}).status_code == 409
    )
    viejo = client.get(ruta + "?fecha=2026-11-01").text
    assert "hechos posteriores" in viejo  # a date before the case's facts falls back to its own date


def test_la_descarga_queda_en_el_historial_sin_cambiar_los_hechos(client, url_bd):
    ruta = guardar_con_enlace(client)
    client.post(ruta + "/cartas/queja.txt", data={})
    client.post(ruta + "/cartas/queja.txt", data={})  # the same letter the same day: one fact
    with base_de_datos(url_bd).sesiones() as s:
        eventos = list(s.scalars(select(Evento)))
        assert [(e.tipo, e.datos) for e in eventos] == [("carta_generada", {"carta": "queja"})]
        g = s.scalar(select(CasoGuardado))
        assert g.caso == g.caso_base


def test_un_evento_invalido_muestra_los_errores_junto_al_formulario(client, url_bd):
    ruta = guardar_con_enlace(client)
    r = client.post(ruta + "/eventos", data={**QUEJA, "cun": "no-es-un-cun"})
    assert r.status_code == 422
    assert 'href="#ev-carta-cun"' in r.text and 'id="ev-carta-cun-error"' in r.text
    assert 'value="no-es-un-cun"' in r.text  # what was typed is kept
    r = client.post(
        ruta + "/eventos",
        data={
            "formulario": "respuesta",
            "tipo": "respuesta_recibida",
            "reclamacion": "0",
            "fecha": "2026-12-01",
            "sentido": "favorable",
        },
    )
    assert r.status_code == 422 and "no existe" in r.text
    with base_de_datos(url_bd).sesiones() as s:
        assert s.scalar(select(func.count()).select_from(Evento)) == 0


def test_deshacer_el_ultimo_registro(client, url_bd):
    ruta = guardar_con_enlace(client)
    client.post(ruta + "/eventos", data=QUEJA)
    client.post(
        ruta + "/eventos",
        data={
            "formulario": "respuesta",
            "tipo": "respuesta_recibida",
            "reclamacion": "0",
            "fecha": "2026-12-10",
            "sentido": "desfavorable",
        },
    )
    assert "Corre el plazo para presentar el recurso" in client.get(ruta).text
    client.post(ruta + "/deshacer")
    with base_de_datos(url_bd).sesiones() as s:
        g = s.scalar(select(CasoGuardado))
        assert g.caso["reclamaciones"][0]["sentido_respuesta"] is None and g.estado == "esperando_respuesta"
    client.post(
        ruta + "/eventos", data={"formulario": "cierre", "tipo": "caso_cerrado", "fecha": "2026-12-01"}
    )
    assert "Caso cerrado" in client.get(ruta).text
    client.post(ruta + "/deshacer")
    assert "Caso cerrado" not in client.get(ruta).text


def test_calendario_con_la_consecuencia_y_sin_datos_personales(client):
    ruta = guardar_con_enlace(client)
    client.post(ruta + "/eventos", data=QUEJA)
    r = client.get(ruta + "/plazos.ics?fecha=2026-12-01")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/calendar")
    assert r.headers["Content-Disposition"] == 'attachment; filename="salida-plazos.ics"'
    cal = Calendar.from_ical(r.data)
    eventos = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    respuesta = eventos["Plazo del operador para responder su reclamación"]
    assert respuesta.decoded("dtstart").isoformat() == "2026-12-22"
    descripcion = str(respuesta["description"])
    assert "silencio administrativo positivo" in descripcion and "15 días hábiles" in descripcion
    assert "estado S" in descripcion and "No es asesoría legal" in descripcion
    assert len(list(respuesta.walk("VALARM"))) == 1
    sic = next(e for nombre, e in eventos.items() if "SIC" in nombre)
    assert "podrá presentar" in str(sic["description"])  # a date still ahead is worded as such
    for dato in ("Ana", "52123456", "4563-24-0000999999", "Calle 45", "ana@example.com"):
        assert dato not in r.text


def test_exportar_y_borrar_de_verdad(client, url_bd, caplog):
    ruta = guardar_con_enlace(client, avisos="si", correo_avisos="ana@example.com")
    client.post(ruta + "/eventos", data=QUEJA)
    datos = client.get(ruta + "/datos.json")
    assert datos.headers["Content-Disposition"] == 'attachment; filename="salida-mis-datos.json"'
    exportado = json.loads(datos.data)
    assert exportado["caso_actual"]["usuario"]["numero_documento"] == "52123456"
    assert [e["tipo"] for e in exportado["eventos"]] == ["carta_radicada"]
    assert {a["finalidad"] for a in exportado["autorizaciones"]} == {"guardar", "recordatorios"}
    assert "Se borran de verdad" in client.get(ruta + "/borrar").text
    with caplog.at_level(logging.INFO):
        r = client.post(ruta + "/borrar")
    assert r.status_code == 200 and "fue borrado" in r.text
    assert client.get(ruta).status_code == 404
    with base_de_datos(url_bd).sesiones() as s:
        for tabla in (CasoGuardado, Evento, Consentimiento, PqrResumen):
            assert s.scalar(select(func.count()).select_from(tabla)) == 0, tabla
    registro = "\n".join(r.getMessage() for r in caplog.records)
    assert "caso 1 borrado" in registro
    token = ruta.rsplit("/", 1)[1]
    for dato in ("Ana", "52123456", "ana@example.com", token):
        assert dato not in registro


def test_dejar_de_recibir_avisos(client, url_bd):
    ruta = guardar_con_enlace(client, avisos="si", correo_avisos="ana@example.com")
    assert "Dejar de recibir avisos" in client.get(ruta).text
    client.post(ruta + "/avisos")
    with base_de_datos(url_bd).sesiones() as s:
        assert s.scalar(select(CasoGuardado.correo_avisos)) is None
        revocada = s.scalar(select(Consentimiento).where(Consentimiento.finalidad == "recordatorios"))
        assert revocada.revocado is not None


def test_los_registros_del_servidor_no_llevan_el_token(url_bd, caplog):
    from tests.casos.conftest import hacer_app

    app = hacer_app(url_bd)

    @app.get("/mi-caso/<token>/fallar")
    def fallar(token: str) -> str:
        raise RuntimeError("falla de prueba")

    client = app.test_client()
    ruta = guardar_con_enlace(client)
    with caplog.at_level(logging.INFO):
        assert client.get(ruta + "/fallar").status_code == 500
    token = ruta.rsplit("/", 1)[1]
    texto = "\n".join(r.getMessage() for r in caplog.records)
    assert "/mi-caso/***" in texto and token not in texto


def test_una_carta_que_el_caso_no_permite_dice_por_que_y_no_queda_en_el_historial(client, url_bd):
    ruta = guardar_con_enlace(client)
    client.post(ruta + "/eventos", data=QUEJA)
    r = client.post(ruta + "/cartas/silencio_positivo.pdf", data={"fecha": "2026-12-22"})
    assert r.status_code == 409
    # The same Spanish reason the decision page and the API give (the engine's), not a bare 409 page.
    assert "Ninguna reclamación tiene silencio administrativo" in r.text
    assert "Esta carta no corresponde a su caso." not in r.text  # the generic 409 text, said before
    with base_de_datos(url_bd).sesiones() as s:
        assert [e.tipo for e in s.scalars(select(Evento))] == ["carta_radicada"]
