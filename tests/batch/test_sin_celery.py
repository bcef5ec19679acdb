"""Celery is the `distribuido` extra: without it the app starts and batches run on the embedded
runner; asking for Celery without it stops the start-up with a Spanish message naming the extra."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app import create_app
from tests.batch.conftest import fila_ejemplo, hacer_csv
from tests.web.conftest import CONFIG_PRUEBAS

RAIZ = Path(__file__).resolve().parents[2]
AUSENTES = ("celery", "kombu", "redis", "billiard")


def test_pedir_celery_sin_instalarlo_detiene_el_arranque(monkeypatch):
    for paquete in AUSENTES:
        monkeypatch.setitem(sys.modules, paquete, None)  # `import celery` now fails, as if not installed
    with pytest.raises(RuntimeError, match=r"Celery no está instalado.*pip install -e '\.\[distribuido\]'"):
        create_app({**CONFIG_PRUEBAS, "EJECUTOR": "celery", "CELERY_BROKER_URL": "redis://sin-celery:1/0"})


LOTE = """
import sys
from app import create_app
app = create_app({"TESTING": True, "SECRET_KEY": "x" * 40, "DATABASE_URL": sys.argv[1]})
resultado = app.test_cli_runner().invoke(args=["lote", sys.argv[2], "-o", sys.argv[3], "--trabajadores", "1",
                                               "--declaro-autorizacion", "--fecha", "2026-11-28"])
print(resultado.output)
assert resultado.exit_code == 0, resultado.exception
cargados = [p for p in ("celery", "kombu", "redis") if p in sys.modules]
assert not cargados, cargados
"""


@pytest.mark.slow
def test_un_lote_sin_celery_instalado(tmp_path):
    """In a process where Celery, kombu and redis cannot be imported (nor in its pool workers), the
    app starts, `flask lote` runs on the embedded runner, and none of them is ever loaded."""
    ausentes = tmp_path / "ausentes"
    for paquete in AUSENTES:
        (ausentes / paquete).mkdir(parents=True)
        (ausentes / paquete / "__init__.py").write_text(
            f"raise ImportError('{paquete} no está instalado (prueba sin el extra distribuido)')\n")
    ruta = tmp_path / "casos.csv"
    ruta.write_bytes(hacer_csv([fila_ejemplo(numero_contrato=f"C-{i}") for i in range(2)]))
    salida = tmp_path / "cartas.zip"
    entorno = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ausentes), str(RAIZ)])}
    hecho = subprocess.run(
        [sys.executable, "-c", LOTE, f"sqlite:///{tmp_path / 'lotes.db'}", str(ruta), str(salida)],
        env=entorno, cwd=RAIZ, capture_output=True, text=True, timeout=600)
    assert hecho.returncode == 0, hecho.stdout + hecho.stderr
    with zipfile.ZipFile(salida) as z:
        cartas = [n for n in z.namelist() if n.startswith("cartas/") and n.endswith(".pdf")]
    assert len(cartas) >= 2, z.namelist()
