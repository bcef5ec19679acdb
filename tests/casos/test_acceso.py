"""Between organisations: every attempt to cross the line finds nothing, and changes nothing."""

from __future__ import annotations

import pytest
from icalendar import Calendar
from sqlalchemy import select

from casos import LoteNoImportable, desde_lote
from store.casos import CasoGuardado, Evento
from tests.casos.conftest import (
    caso_de_org,
    caso_sin_reclamar,
    entrar,
    guardar_con_enlace,
    nueva_org,
    validado,
)


@pytest.fixture
def dos(bd):
    """Organisations A and B, each with one account and one case (B's in another city)."""
    a, b = nueva_org(bd, "Liga A"), nueva_org(bd, "Liga B")
    caso_a = caso_de_org(bd, a.id)
    datos_b = caso_sin_reclamar()
    datos_b["usuario"]["nombre"] = "Beatriz Secreta"
    datos_b["usuario"]["ciudad"] = "Pasto"
    caso_b = caso_de_org(bd, b.id, datos_b)
    return a, b, caso_a, caso_b


def test_nadie_sin_cuenta_entra_al_panel(client, dos):
    _, _, caso_a, _ = dos
    for ruta in (
        "/panel/",
        f"/panel/casos/{caso_a}",
        "/panel/operadores",
        "/panel/operadores.csv",
        "/panel/plazos.ics",
        f"/panel/casos/{caso_a}/datos.json",
        "/cuentas/",
    ):
        r = client.get(ruta)
        assert r.status_code == 302 and "/cuentas/entrar" in r.headers["Location"], ruta
    assert client.post(f"/panel/casos/{caso_a}/borrar").status_code == 302


def test_una_cuenta_no_ve_ni_toca_los_casos_de_otra_organizacion(client, bd, dos):
    a, _, caso_a, caso_b = dos
    entrar(client, a.correo)
    assert client.get(f"/panel/casos/{caso_a}").status_code == 200
    for ruta in (
        f"/panel/casos/{caso_b}",
        f"/panel/casos/{caso_b}/plazos.ics",
        f"/panel/casos/{caso_b}/datos.json",
        f"/panel/casos/{caso_b}/borrar",
    ):
        assert client.get(ruta).status_code == 404, ruta
    intentos = {
        "eventos": {"formulario": "carta", "tipo": "carta_radicada", "carta": "queja", "fecha": "2026-11-30"},
        "deshacer": {},
        "cartas/queja.pdf": {},
        "avisos": {},
        "borrar": {},
    }
    for accion, datos in intentos.items():
        assert client.post(f"/panel/casos/{caso_b}/{accion}", data=datos).status_code == 404, accion
    with bd.sesiones() as s:
        b = s.get(CasoGuardado, caso_b)
        assert b is not None and b.caso == b.caso_base
        assert list(s.scalars(select(Evento).where(Evento.caso_id == caso_b))) == []


def test_el_panel_las_cifras_y_el_calendario_son_solo_de_la_organizacion(client, dos):
    a, _, caso_a, caso_b = dos
    entrar(client, a.correo)
    panel = client.get("/panel/").text
    assert f'href="/panel/casos/{caso_a}"' in panel
    assert f'href="/panel/casos/{caso_b}"' not in panel and "Beatriz" not in panel and "Pasto" not in panel
    assert "1 caso" in panel
    filtrado = client.get("/panel/?ciudad=Pasto").text
    assert "0 casos" in filtrado and "Beatriz" not in filtrado
    assert '<option value="Pasto"' not in panel  # B's cities are not even offered as filters
    cal = Calendar.from_ical(client.get("/panel/plazos.ics").data)
    assert all(str(e["summary"]).startswith(f"Caso {caso_a} ") for e in cal.walk("VEVENT"))
    csv = client.get("/panel/operadores.csv").data.decode("utf-8-sig")
    assert csv.count("\n") == 1  # only the header: A has no complaints yet


def test_los_casos_con_enlace_no_son_de_ninguna_organizacion(client, bd, dos):
    a, *_ = dos
    ruta = guardar_con_enlace(client)
    with bd.sesiones() as s:
        propio = s.scalar(select(CasoGuardado.id).where(CasoGuardado.token.is_not(None)))
    entrar(client, a.correo)
    assert client.get(f"/panel/casos/{propio}").status_code == 404
    assert client.get(ruta).status_code == 200  # the link still works for whoever holds it


def test_guardar_con_sesion_iniciada_va_a_la_organizacion(client, bd, dos):
    a, b, *_ = dos
    entrar(client, a.correo)
    r = client.post("/mi-caso/guardar", data={"caso": validado().model_dump_json()})
    assert "Liga A" in r.text and "Declaro que la persona titular" in r.text
    r = client.post(
        "/mi-caso/guardar", data={"caso": validado().model_dump_json(), "paso": "confirmar", "autorizo": "si"}
    )
    assert r.status_code == 303 and r.headers["Location"].startswith("/panel/casos/")
    nuevo = int(r.headers["Location"].rsplit("/", 1)[1])
    with bd.sesiones() as s:
        g = s.get(CasoGuardado, nuevo)
        assert g.organizacion_id == a.id and g.token is None
    otro = client.application.test_client()
    entrar(otro, b.correo)
    assert otro.get(f"/panel/casos/{nuevo}").status_code == 404


def test_el_calendario_suscrito_de_una_cuenta_solo_trae_su_organizacion(client, dos):
    a, _, caso_a, _ = dos
    entrar(client, a.correo)
    r = client.post("/cuentas/calendario")
    enlace = r.text.split('id="enlace-calendario" type="text" readonly value="')[1].split('"')[0]
    ruta = enlace.replace("http://localhost", "")
    anonimo = client.application.test_client()
    cal = Calendar.from_ical(anonimo.get(ruta).data)
    resumenes = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert resumenes and all(s.startswith(f"Caso {caso_a} ") for s in resumenes)
    client.post("/cuentas/calendario")  # a new address: the old one stops working
    assert anonimo.get(ruta).status_code == 404
    assert anonimo.get("/calendario/" + "x" * 43 + ".ics").status_code == 404


def test_un_lote_no_se_importa_en_otra_organizacion(client, bd, dos):
    from tests.casos.test_lotes import lote_de_prueba

    a, b, *_ = dos
    lote_id = lote_de_prueba(bd, "propietario-a")
    assert desde_lote(bd, lote_id, a.id) == 2
    with pytest.raises(LoteNoImportable):
        desde_lote(bd, lote_id, b.id)
    entrar(client, b.correo)
    with client.session_transaction() as sesion:
        sesion["lotes"] = "otro-navegador"
    r = client.post("/panel/lotes/importar", data={"lote": lote_id, "declaro": "si"})
    assert r.status_code == 404
    assert "Importado el" not in client.get("/panel/").text
