"""Deleted means gone from the database files (hardening issue, item 5): after a subscriber deletes a
saved case, and after the retention purge, the document number is nowhere in `salida.db*` on SQLite;
on PostgreSQL the purge runs VACUUM on the tables it touched."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

from flask import Flask
from sqlalchemy import create_engine, text, update

from store.casos import CasoGuardado
from store.db import base_de_datos
from store.models import ahora
from tests.casos.conftest import (
    caso_de_org,
    caso_sin_reclamar,
    esquema_privado,
    guardar_con_enlace,
    hacer_app,
    nueva_org,
)

DOCUMENTO = "5551234987"


def _caso() -> dict:
    datos = caso_sin_reclamar()
    datos["usuario"]["numero_documento"] = DOCUMENTO
    return datos


def _en_disco(url: str) -> list[str]:
    """The database files (main, -wal, -shm) that contain the document number."""
    base = Path(url.removeprefix("sqlite:///"))
    return [f.name for f in base.parent.glob(base.name + "*")
            if f.is_file() and DOCUMENTO.encode() in f.read_bytes()]


def test_borrar_un_caso_no_deja_el_documento_en_los_archivos(url_bd):
    app = hacer_app(url_bd)
    client = app.test_client()
    ruta = guardar_con_enlace(client, _caso())
    assert _en_disco(url_bd)  # the check can see it while the case exists
    r = client.post(f"{ruta}/borrar")
    assert r.status_code == 200
    assert client.get(ruta).status_code == 404
    assert _en_disco(url_bd) == []
    wal = Path(url_bd.removeprefix("sqlite:///") + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def _caso_viejo(url: str, organizacion: str) -> tuple[Flask, int]:
    """The app and a case untouched for 800 days, past every retention period."""
    app = hacer_app(url)
    bd = base_de_datos(url)
    caso_id = caso_de_org(bd, nueva_org(bd, organizacion).id, _caso())
    with bd.sesiones.begin() as s:
        s.execute(update(CasoGuardado).where(CasoGuardado.id == caso_id)
                  .values(actualizado=ahora() - timedelta(days=800)))
    return app, caso_id


def test_purgar_no_deja_el_documento_en_los_archivos(url_bd):
    app, caso_id = _caso_viejo(url_bd, "Liga Purga")
    assert _en_disco(url_bd)
    r = app.test_cli_runner().invoke(args=["purgar"])
    assert r.exit_code == 0 and f"Casos: {caso_id}" in r.output
    assert _en_disco(url_bd) == []


def _vacuum(url: str) -> dict[str, object]:
    motor = create_engine(url)
    try:
        with motor.connect() as c:
            c.execute(text("SELECT pg_stat_clear_snapshot()"))
            filas = c.execute(text(
                "SELECT relname, last_vacuum FROM pg_stat_user_tables WHERE schemaname = current_schema()"))
            return dict(filas.all())
    finally:
        motor.dispose()


def test_purgar_en_postgresql_pasa_vacuum_por_las_tablas_tocadas():
    with esquema_privado() as url:
        app, _ = _caso_viejo(url, "Liga Vacuum")
        assert _vacuum(url)["casos"] is None
        r = app.test_cli_runner().invoke(args=["purgar"])
        assert r.exit_code == 0, r.output
        limite = time.monotonic() + 60  # statistics reach the view asynchronously
        while _vacuum(url)["casos"] is None and time.monotonic() < limite:
            time.sleep(0.2)
        vistos = _vacuum(url)
        assert all(vistos[t] is not None for t in ("casos", "eventos", "consentimientos", "lotes", "filas"))


def test_borrar_a_un_titular_no_deja_el_documento_en_los_archivos(url_bd):
    app = hacer_app(url_bd)
    guardar_con_enlace(app.test_client(), _caso())
    assert _en_disco(url_bd)
    orden = ["titular", "borrar", "--tipo", "CC", "--numero", DOCUMENTO, "--si"]
    r = app.test_cli_runner().invoke(args=orden)
    assert r.exit_code == 0 and "Borrados: 1 caso(s)" in r.output
    assert _en_disco(url_bd) == []
