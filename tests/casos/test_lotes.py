"""Batch jobs land as cases: valid rows become an organisation's cases, once, with the attestation."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from batch import repositorio as lotes
from batch.conversion import leer_fila
from casos import desde_lote
from casos.textos import TEXTO_LOTE
from store.casos import CasoGuardado, Consentimiento, LoteOrganizacion
from store.db import BaseDeDatos
from tests.batch.conftest import fila_ejemplo
from tests.casos.conftest import entrar, nueva_org


def lote_de_prueba(bd: BaseDeDatos, propietario: str) -> str:
    """A batch with two valid rows (the template's example) and one invalid row."""
    filas = [
        leer_fila(2, fila_ejemplo(), date(2026, 11, 28)),
        leer_fila(
            3,
            fila_ejemplo(nombre="Bruno Díaz", numero_documento="79000222", ciudad="Cali"),
            date(2026, 11, 28),
        ),
        leer_fila(4, fila_ejemplo(nombre=""), date(2026, 11, 28)),
    ]
    return lotes.crear_lote(bd, filas, propietario, {"texto": "atestación", "declarante": "Liga de prueba"})


def test_las_filas_validas_llegan_como_casos_una_sola_vez(bd):
    org = nueva_org(bd, "Liga Lote")
    lote_id = lote_de_prueba(bd, "dueño")
    assert desde_lote(bd, lote_id, org.id, hoy=date(2026, 11, 28)) == 2
    assert desde_lote(bd, lote_id, org.id, hoy=date(2026, 11, 28)) == 0  # idempotent
    with bd.sesiones() as s:
        casos = list(s.scalars(select(CasoGuardado).order_by(CasoGuardado.fila_numero)))
        assert [(c.fila_numero, c.organizacion_id, c.token) for c in casos] == [
            (2, org.id, None),
            (3, org.id, None),
        ]
        assert casos[1].ciudad == "Cali" and casos[0].estado == "silencio_positivo"
        consentimientos = list(s.scalars(select(Consentimiento)))
        assert {(c.medio, c.texto) for c in consentimientos} == {("lote", TEXTO_LOTE)}
        assert consentimientos[0].detalle["atestacion_del_lote"]["declarante"] == "Liga de prueba"
        assert s.get(LoteOrganizacion, lote_id).casos == 2


def test_importar_desde_el_panel_un_lote_de_esta_sesion(client, bd):
    org = nueva_org(bd, "Liga Web")
    entrar(client, org.correo)
    lote_id = lote_de_prueba(bd, "token-de-sesion")
    with client.session_transaction() as sesion:
        sesion["lotes"] = "token-de-sesion"  # what the batch pages put in the session of the uploader
    panel = client.get("/panel/").text
    assert f'value="{lote_id}"' in panel and TEXTO_LOTE in panel
    sin_declarar = client.post("/panel/lotes/importar", data={"lote": lote_id})
    assert sin_declarar.status_code == 422
    r = client.post("/panel/lotes/importar", data={"lote": lote_id, "declaro": "si"})
    assert r.status_code == 303
    panel = client.get("/panel/").text
    assert "2 casos" in panel and "Importado el" in panel and f'value="{lote_id}"' not in panel
    with bd.sesiones() as s:
        assert s.scalar(select(func.count()).select_from(CasoGuardado)) == 2
