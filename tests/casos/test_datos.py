"""Ley 1581 rights and retention: export and delete one subscriber everywhere; purge by configuration;
deletions logged by id only."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from sqlalchemy import func, select, update

from store.casos import CasoGuardado, Evento
from store.db import base_de_datos
from store.models import Combinado, Documento, Fila, Lote, ahora
from tests.casos.conftest import caso_de_org, caso_sin_reclamar, guardar_con_enlace, hacer_app, nueva_org
from tests.casos.test_lotes import lote_de_prueba


def _con_documentos(bd, lote_id: str) -> None:
    """Give the batch's rows a letter each and a combined printing PDF, as a finished batch has."""
    with bd.sesiones.begin() as s:
        for fila in s.scalars(select(Fila).where(Fila.lote_id == lote_id)):
            if fila.caso is None:  # an invalid row (stored as JSON null) has no letters
                continue
            s.add(
                Documento(
                    fila_id=fila.id, nombre=f"{fila.numero:04d}_queja.pdf", tipo="queja", contenido=b"%PDF"
                )
            )
        s.add(Combinado(lote_id=lote_id, contenido=b"%PDF", paginas=[[2, "queja", 2], [3, "queja", 2]]))


def test_exportar_y_borrar_a_un_titular_en_todas_partes(url_bd, caplog):
    app = hacer_app(url_bd)
    bd = base_de_datos(url_bd)
    client = app.test_client()
    guardar_con_enlace(client)  # Ana, CC 52123456 (the seed)
    otra = caso_sin_reclamar()
    otra["usuario"]["numero_documento"] = "79000111"
    caso_de_org(bd, nueva_org(bd, "Liga Datos").id, otra)
    lote_id = lote_de_prueba(bd, "dueño")  # row 2 is the seed's subscriber, row 3 someone else
    _con_documentos(bd, lote_id)
    runner = app.test_cli_runner()
    r = runner.invoke(args=["titular", "exportar", "--tipo", "cc", "--numero", "52123456"])
    datos = json.loads(r.output)
    assert len(datos["casos_guardados"]) == 1 and [f["fila"] for f in datos["filas_de_lotes"]] == [2]
    assert datos["filas_de_lotes"][0]["cartas"] == ["0002_queja.pdf"]
    assert datos["casos_guardados"][0]["autorizaciones"][0]["finalidad"] == "guardar"
    with caplog.at_level(logging.INFO):
        r = runner.invoke(args=["titular", "borrar", "--tipo", "CC", "--numero", "52123456", "--si"])
    assert "Borrados: 1 caso(s); vaciadas: 1 fila(s)" in r.output
    with bd.sesiones() as s:
        restantes = list(s.scalars(select(CasoGuardado)))
        assert [c.caso["usuario"]["numero_documento"] for c in restantes] == ["79000111"]
        fila = s.scalar(select(Fila).where(Fila.lote_id == lote_id, Fila.numero == 2))
        assert fila.caso is None and fila.resumen is None
        assert s.scalar(select(func.count()).select_from(Documento)) == 1  # the other subscriber's letter
        assert s.scalar(select(func.count()).select_from(Combinado)) == 0  # it printed the deleted letter
    registro = "\n".join(x.getMessage() for x in caplog.records)
    assert "caso 1 borrado" in registro and "52123456" not in registro and "Ana" not in registro
    vacio = runner.invoke(args=["titular", "exportar", "--tipo", "CC", "--numero", "52123456"])
    assert json.loads(vacio.output) == {"casos_guardados": [], "filas_de_lotes": []}


def test_purga_por_retencion(url_bd, caplog):
    app = hacer_app(url_bd, RETENCION_DIAS=30, RETENCION_CERRADOS_DIAS=7, RETENCION_LOTES_DIAS=10)
    bd = base_de_datos(url_bd)
    org = nueva_org(bd, "Liga Purga").id
    viejo, cerrado, reciente = caso_de_org(bd, org), caso_de_org(bd, org), caso_de_org(bd, org)
    lote_id = lote_de_prueba(bd, "dueño")
    with bd.sesiones.begin() as s:
        s.execute(
            update(CasoGuardado)
            .where(CasoGuardado.id == viejo)
            .values(actualizado=ahora() - timedelta(days=31))
        )
        s.execute(
            update(CasoGuardado)
            .where(CasoGuardado.id == cerrado)
            .values(actualizado=ahora() - timedelta(days=8), cerrado=True)
        )
        s.add(Evento(caso_id=viejo, tipo="caso_cerrado", fecha=ahora().date(), datos={}, creado=ahora()))
        s.execute(update(Lote).where(Lote.id == lote_id).values(creado=ahora() - timedelta(days=11)))
    runner = app.test_cli_runner()
    simulado = runner.invoke(args=["purgar", "--simular"])
    assert "Se borrarían: 2 caso(s) y 1 lote(s)" in simulado.output
    with bd.sesiones() as s:
        assert s.scalar(select(func.count()).select_from(CasoGuardado)) == 3
    with caplog.at_level(logging.INFO):
        r = runner.invoke(args=["purgar"])
    assert "Borrados: 2 caso(s) y 1 lote(s)" in r.output and f"Casos: {viejo}, {cerrado}" in r.output
    with bd.sesiones() as s:
        assert list(s.scalars(select(CasoGuardado.id))) == [reciente]
        assert s.scalar(select(func.count()).select_from(Evento)) == 0
        assert s.scalar(select(func.count()).select_from(Fila)) == 0
    assert f"caso {viejo} borrado (retención)" in "\n".join(x.getMessage() for x in caplog.records)
