"""`flask recordatorios`: every open case evaluated again, reminders through a real SMTP sink (aiosmtpd)
started here, each sent once, and no more personal data than needed."""

from __future__ import annotations

from casos import repositorio
from casos.eventos import leer_evento
from store.db import base_de_datos
from tests.casos.conftest import HOY, caso_de_org, guardar_con_enlace, hacer_app, nueva_org, puerto_libre

PERSONALES = ("Ana", "Pérez", "52123456", "Calle 45", "3001234567", "4563-24-0000999999", "1.23456789")


DESPUES = "2026-12-31"  # "today" for these commands: every --fecha below is then a real run


def _preparar(url_bd: str, **config):
    app = hacer_app(url_bd, **{"FECHA_HOY": DESPUES, **config})
    client = app.test_client()
    ruta = guardar_con_enlace(client, avisos="si", correo_avisos="ana@example.com")
    client.post(
        ruta + "/eventos",
        data={
            "formulario": "carta",
            "tipo": "carta_radicada",
            "carta": "queja",
            "fecha": "2026-11-30",
            "cun": "4563-24-0000999999",
        },
    )
    guardar_con_enlace(client)  # a subscriber without e-mail: nobody to write to
    bd = base_de_datos(url_bd)
    org = nueva_org(bd, "Liga Avisos")
    caso_org = caso_de_org(bd, org.id)
    with bd.sesiones.begin() as s:
        g = repositorio.de_organizacion(s, caso_org, org.id)
        evento = leer_evento({"tipo": "carta_radicada", "carta": "queja", "fecha": "2026-11-30"})
        repositorio.registrar_evento(s, g, evento, HOY)
    return app, org, caso_org


def test_recordatorios_por_smtp_una_sola_vez(url_bd, buzon):
    manejador, puerto = buzon
    app, org, caso_org = _preparar(
        url_bd,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=puerto,
        SMTP_TLS="no",
        SMTP_REMITENTE="Salida <avisos@salida.test>",
        URL_PUBLICA="https://salida.test",
    )
    runner = app.test_cli_runner()
    r = runner.invoke(args=["recordatorios", "--fecha", "2026-12-21", "--procesos", "1"])
    assert r.exit_code == 0, r.output
    assert "Casos abiertos revisados: 3" in r.output and "Correos enviados: 2 de 2" in r.output
    por_destino = {tuple(para): m for para, m in manejador.mensajes}
    suscriptor = por_destino[("ana@example.com",)]
    cuerpo = suscriptor.get_content()
    assert "vence mañana, el 22 de diciembre de 2026" in cuerpo
    assert "silencio administrativo positivo" in cuerpo and "Claro" in cuerpo
    assert "no lo incluye" in cuerpo and "/mi-caso/" not in cuerpo  # never the private link
    assert (
        suscriptor["From"] == "Salida <avisos@salida.test>"
        and suscriptor["Auto-Submitted"] == "auto-generated"
    )
    defensora = por_destino[(org.correo,)]
    assert f"Caso {caso_org} (Claro)" in defensora.get_content()
    assert f"https://salida.test/panel/casos/{caso_org}" in defensora.get_content()
    for _, mensaje in manejador.mensajes:
        texto = str(mensaje["Subject"]) + mensaje.get_content()
        for dato in PERSONALES:
            assert dato not in texto, dato
    otra = runner.invoke(args=["recordatorios", "--fecha", "2026-12-21", "--procesos", "1"])
    assert "Correos enviados: 0 de 0" in otra.output and len(manejador.mensajes) == 2  # once only
    runner.invoke(
        args=["recordatorios", "--fecha", "2026-12-23", "--procesos", "2"]
    )  # the letter, from today
    nuevos = [m for para, m in manejador.mensajes[2:] if para == ["ana@example.com"]]
    assert nuevos and "Desde hoy puede presentar la solicitud de cumplimiento del silencio positivo" in (
        nuevos[0].get_content()
    )


def test_sin_smtp_solo_se_listan(url_bd):
    app, _, caso_org = _preparar(url_bd)
    r = app.test_cli_runner().invoke(args=["recordatorios", "--fecha", "2026-12-21", "--procesos", "1"])
    assert r.exit_code == 0
    assert "SMTP sin configurar" in r.output and "2 correo(s) por enviar" in r.output
    assert f"caso {caso_org} → organización" in r.output and "caso 1 → suscriptor" in r.output
    assert "ana@example.com" not in r.output and "Ana" not in r.output


def test_la_revision_diaria_actualiza_lo_que_cambio(url_bd):
    from datetime import date

    from casos.revision import revisar

    _, org, caso_org = _preparar(url_bd)
    bd = base_de_datos(url_bd)
    r = revisar(bd, date(2026, 12, 23), procesos=1)
    assert (r.casos, r.errores) == (3, 0) and r.cambiados == 3
    with bd.sesiones() as s:
        g = repositorio.de_organizacion(s, caso_org, org.id)
        assert (g.estado, g.vencido_desde, g.evaluado) == (
            "silencio_positivo",
            date(2026, 12, 23),
            date(2026, 12, 23),
        )
    assert revisar(bd, date(2026, 12, 23), procesos=1).cambiados == 0


def _estado_guardado(url_bd: str, org_id: int, caso_id: int) -> tuple:
    bd = base_de_datos(url_bd)
    with bd.sesiones() as s:
        g = repositorio.de_organizacion(s, caso_id, org_id)
        return g.estado, g.evaluado, g.vencido_desde


def test_una_fecha_futura_es_solo_una_simulacion(url_bd, buzon):
    manejador, puerto = buzon
    app, org, caso_org = _preparar(url_bd, FECHA_HOY="2026-12-01", SMTP_HOST="127.0.0.1", SMTP_PORT=puerto,
                                   SMTP_TLS="no")
    antes = _estado_guardado(url_bd, org.id, caso_org)
    r = app.test_cli_runner().invoke(args=["recordatorios", "--fecha", "2026-12-23", "--procesos", "1"])
    assert r.exit_code == 0, r.output
    assert "Simulación al 23/12/2026: no se guarda ningún estado ni se envía ningún correo." in r.output
    assert f"caso {caso_org} → organización" in r.output  # what would be sent is shown
    assert manejador.mensajes == []
    assert _estado_guardado(url_bd, org.id, caso_org) == antes


def test_un_servidor_sin_starttls_se_explica_en_espanol(url_bd, buzon):
    _, puerto = buzon  # aiosmtpd without a TLS context offers no STARTTLS
    app, _, _ = _preparar(url_bd, SMTP_HOST="127.0.0.1", SMTP_PORT=puerto)
    r = app.test_cli_runner().invoke(args=["recordatorios", "--fecha", "2026-12-21", "--procesos", "1"])
    assert r.exit_code == 1
    assert "no ofrece STARTTLS" in r.output and "SALIDA_SMTP_TLS=no" in r.output
    assert "Traceback" not in r.output and isinstance(r.exception, SystemExit)


def test_un_servidor_que_no_responde_se_explica_en_espanol(url_bd):
    app, _, _ = _preparar(url_bd, SMTP_HOST="127.0.0.1", SMTP_PORT=puerto_libre(), SMTP_TLS="no")
    r = app.test_cli_runner().invoke(args=["recordatorios", "--fecha", "2026-12-21", "--procesos", "1"])
    assert r.exit_code == 1
    assert "No se pudo conectar con el servidor de correo 127.0.0.1:" in r.output
    assert "SALIDA_SMTP_HOST" in r.output
