"""Settings: one table, read from the environment once at start-up, the way Flask reads `SALIDA_*`."""

from __future__ import annotations

import inspect
import os
import re
from pathlib import Path

import pytest
from flask import Config

import app as aplicacion
from app import AJUSTES, create_app
from tests.web.conftest import CONFIG_PRUEBAS
from web import config

README = Path(__file__).resolve().parents[2] / "README.md"
# Read by web/cartas.py and web/gunicorn_conf.py with their own defaults, not through the app's table.
FUERA_DE_LA_TABLA = {"PDF_PROCESOS", "PDF_PAGINAS", "PDF_SEGUNDOS", "PDF_ESPERA", "PDF_EN_COLA", "BIND",
                     "WORKERS", "THREADS"}


def _sin_salida(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in list(os.environ):
        if variable.startswith("SALIDA_") or variable in config.SIN_PREFIJO:
            monkeypatch.delenv(variable)


def test_salida_se_lee_como_lo_lee_flask(monkeypatch):
    """`SALIDA_*` keep Flask's meaning (`from_prefixed_env`): JSON when it parses, text otherwise,
    `__` for nested keys, unknown keys kept."""
    _sin_salida(monkeypatch)
    for variable, valor in {"SALIDA_LIMITE_PDF": "5 per minute", "SALIDA_LOTE_MAX_FILAS": "20",
                            "SALIDA_SESSION_COOKIE_SECURE": "false", "SALIDA_RESPONSABLE_DATOS": "",
                            "SALIDA_PDF_SEGUNDOS": "2.5", "SALIDA_OTRA__ANIDADA": '{"a": [1]}',
                            "SALIDA_SECRET_KEY": "123"}.items():
        monkeypatch.setenv(variable, valor)
    flask = Config(".")
    flask.from_mapping(AJUSTES)
    flask.from_prefixed_env("SALIDA")
    nuestros = config.leer(AJUSTES, os.environ)
    assert nuestros == dict(flask)
    assert (nuestros["LOTE_MAX_FILAS"], nuestros["SESSION_COOKIE_SECURE"], nuestros["OTRA"]) == \
        (20, False, {"ANIDADA": {"a": [1]}})


def test_database_url_y_broker_sin_prefijo(monkeypatch):
    _sin_salida(monkeypatch)
    monkeypatch.setenv("DATABASE_URL", "postgresql://bd")
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://cola")
    monkeypatch.setenv("SALIDA_PDF_PROCESOS", "0")  # no render pool for this app
    leidos = config.leer(AJUSTES, {"DATABASE_URL": "postgresql://bd", "CELERY_BROKER_URL": "redis://cola"})
    assert (leidos["DATABASE_URL"], leidos["CELERY_BROKER_URL"]) == ("postgresql://bd", "redis://cola")
    app = create_app()
    assert app.config["CELERY_BROKER_URL"] == "redis://cola" and app.config["DATABASE_URL"] == "postgresql://bd"
    # The runner chosen from the broker URL is Celery's (the extra is installed for the suite).
    assert type(app.extensions["salida_lotes"]["ejecutor"]).__name__ == "EjecutorCelery"
    # A SALIDA_ variable of the same key wins, as SALIDA_DATABASE_URL always did on the web.
    assert config.leer(AJUSTES, {"DATABASE_URL": "a", "SALIDA_DATABASE_URL": "b"})["DATABASE_URL"] == "b"


def test_con_test_config_el_entorno_no_cuenta(monkeypatch):
    monkeypatch.setenv("SALIDA_LIMITE_PDF", "1 per day")
    monkeypatch.setenv("DATABASE_URL", "postgresql://no-se-usa")
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://no-se-usa")
    app = create_app(dict(CONFIG_PRUEBAS))
    assert app.config["LIMITE_PDF"] == AJUSTES["LIMITE_PDF"]
    assert app.config["DATABASE_URL"] is None and app.config["CELERY_BROKER_URL"] is None
    assert type(app.extensions["salida_lotes"]["ejecutor"]).__name__ == "EjecutorEmbebido"


def test_una_clave_declarada_dos_veces_es_un_error():
    with pytest.raises(ValueError, match="LIMITE_PDF"):
        config.unir({"LIMITE_PDF": "1 per day"}, {"LIMITE_PDF": "2 per day"})


def test_un_ejecutor_desconocido_detiene_el_arranque():
    with pytest.raises(RuntimeError, match="SALIDA_EJECUTOR=celeri no es un ejecutor de lotes"):
        create_app({**CONFIG_PRUEBAS, "EJECUTOR": "celeri"})


def _tabla_del_readme() -> dict[str, str]:
    texto = README.read_text(encoding="utf-8")
    seccion = texto.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    return {m.group(1): m.group(2) for m in re.finditer(r"^\| `([A-Z_]+)` \| ([^|]*) \|", seccion, re.M)}


def _variable(clave: str) -> str:
    return clave if clave in config.SIN_PREFIJO else f"SALIDA_{clave}"


def test_el_readme_documenta_cada_ajuste_con_su_valor():
    tabla = _tabla_del_readme()
    faltan = [_variable(c) for c in AJUSTES if _variable(c) not in tabla]
    assert not faltan, f"Falta en la tabla de configuración del README: {faltan}"
    sobran = [v for v in tabla if v.removeprefix("SALIDA_") not in AJUSTES | dict.fromkeys(FUERA_DE_LA_TABLA)]
    assert not sobran, f"La tabla del README nombra ajustes que no existen: {sobran}"
    for clave, valor in AJUSTES.items():
        if valor in (None, ""):
            continue  # described in words ("empty", "generated per run")
        escrito = str(valor).lower() if isinstance(valor, bool) else str(valor)
        assert f"`{escrito}`" in tabla[_variable(clave)], f"{clave}: el README no dice `{escrito}`"


def test_create_app_cabe_en_una_pantalla():
    assert len(inspect.getsource(aplicacion.create_app).splitlines()) <= 30
