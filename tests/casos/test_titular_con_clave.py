"""`titular` is a keyed hash (hardening part 2, item 10): HMAC under a configured secret, old unkeyed
rows migrated from their stored document, and a command to recompute after a key change."""

from __future__ import annotations

import hashlib
import json

from alembic import command
from sqlalchemy import create_engine, select, update
from sqlalchemy.pool import NullPool

from casos.evaluacion import titular
from store.casos import CasoGuardado
from store.db import actualizar_esquema, base_de_datos, configuracion_alembic
from tests.casos.conftest import caso_de_org, guardar_con_enlace, hacer_app, nueva_org

DOC = {"usuario": {"tipo_documento": "CC", "numero_documento": "52123456"}}
SIN_CLAVE = hashlib.sha256(b"CC:52123456").hexdigest()


def test_la_huella_depende_de_la_clave_y_no_es_el_sha256_de_antes(url_bd):
    with hacer_app(url_bd, CLAVE_TITULAR="clave-a").app_context():
        a = titular(DOC)
    with hacer_app(url_bd, CLAVE_TITULAR="clave-b").app_context():
        b = titular(DOC)
    assert a != b and SIN_CLAVE not in (a, b) and len(a) == 64


def _exportados(app, numero: str = "52123456") -> int:
    r = app.test_cli_runner().invoke(args=["titular", "exportar", "--tipo", "CC", "--numero", numero])
    return len(json.loads(r.output)["casos_guardados"])


def test_las_filas_antiguas_se_migran_desde_su_documento(url_bd):
    motor = create_engine(url_bd, poolclass=NullPool)
    actualizar_esquema(motor, "0002")
    app = hacer_app(url_bd, CLAVE_TITULAR="clave-de-produccion")  # migrates to head: no rows yet
    guardar_con_enlace(app.test_client())
    with motor.begin() as c:  # as the previous version stored it
        c.execute(update(CasoGuardado).values(titular=SIN_CLAVE))
    cfg = configuracion_alembic()
    with app.app_context(), motor.begin() as c:
        cfg.attributes["connection"] = c
        command.downgrade(cfg, "0002")
        assert c.execute(select(CasoGuardado.titular)).scalar() == SIN_CLAVE
        command.upgrade(cfg, "head")
        nueva = c.execute(select(CasoGuardado.titular)).scalar()
    with app.app_context():
        assert nueva == titular(DOC) != SIN_CLAVE
    assert _exportados(app) == 1
    motor.dispose()


def test_cambiar_la_clave_y_recalcular(url_bd):
    bd = base_de_datos(url_bd)
    vieja = hacer_app(url_bd, CLAVE_TITULAR="clave-vieja")
    with vieja.app_context():
        caso_de_org(bd, nueva_org(bd, "Liga Claves").id)
    nueva = hacer_app(url_bd, CLAVE_TITULAR="clave-nueva")
    assert _exportados(nueva) == 0  # the index no longer matches
    r = nueva.test_cli_runner().invoke(args=["titular", "huellas"])
    assert r.exit_code == 0 and "1 caso(s)" in r.output
    assert _exportados(nueva) == 1
