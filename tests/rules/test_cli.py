"""`python -m rules`: JSON out, Spanish errors and exit code 2 on bad input, no traceback."""

import json
import subprocess
import sys

from tests.conftest import SEMILLA


def _correr(*args: str, entrada: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rules", *args], input=entrada,
                          capture_output=True, text=True, encoding="utf-8", check=False)


def test_evaluar_archivo_imprime_json():
    r = _correr("evaluar", str(SEMILLA))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["terminacion"]["fecha_efectiva"] == "2026-12-15"
    assert d["hallazgos"][1]["id"].startswith("P1-")


def test_evaluar_desde_stdin():
    r = _correr("evaluar", "-", entrada=SEMILLA.read_text(encoding="utf-8"))
    assert r.returncode == 0
    assert json.loads(r.stdout)["fecha_evaluacion"] == "2026-11-28"


def test_caso_invalido_sale_con_2_y_mensajes_en_espanol():
    caso = json.loads(SEMILLA.read_text(encoding="utf-8"))
    caso["contrato"]["dia_corte"] = 45
    caso["fallas"][0]["fin"] = "2026-11-01T00:00:00-05:00"
    r = _correr("evaluar", "-", entrada=json.dumps(caso))
    assert r.returncode == 2
    assert "contrato.dia_corte: Debe ser menor o igual a 31." in r.stderr
    assert "fallas[0].fin: El fin de la falla es anterior a su inicio." in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_json_roto_y_archivo_inexistente():
    r = _correr("evaluar", "-", entrada="{no es json")
    assert r.returncode == 2 and "no es JSON válido" in r.stderr and "Traceback" not in r.stderr
    r = _correr("evaluar", "/no/existe.json")
    assert r.returncode == 2 and "No se pudo leer" in r.stderr


def test_orden_desconocida_sale_con_2():
    r = _correr("volar")
    assert r.returncode == 2 and "opción no válida" in r.stderr


def test_reglas_imprime_el_catalogo():
    r = _correr("reglas")
    assert r.returncode == 0
    assert r.stdout.startswith("# Catálogo de reglas de Salida")
    assert "P1-movil-prohibida" in r.stdout and "| 2014-10-31 | 3 | S |" in r.stdout
