"""`python -m letters generar`: formats, stdout, Spanish errors with exit code 2, refused kinds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from letters.cli import main
from tests.letters.conftest import texto_pdf
from tests.letters.escenarios import semilla

RAIZ = Path(__file__).resolve().parents[2]


@pytest.fixture
def caso_json(tmp_path: Path) -> Path:
    ruta = tmp_path / "caso.json"
    ruta.write_text(json.dumps(semilla()), encoding="utf-8")
    return ruta


def test_genera_pdf_html_y_texto(caso_json, tmp_path):
    for formato in ("pdf", "html", "txt"):
        salida = tmp_path / f"carta.{formato}"
        assert main(["generar", str(caso_json), "--tipo", "queja", "--formato", formato,
                     "-o", str(salida)]) == 0
        contenido = salida.read_bytes()
        if formato == "pdf":
            assert contenido.startswith(b"%PDF") and "Ana María Pérez Gómez" in texto_pdf(contenido)
        else:
            assert "Ana María Pérez Gómez" in contenido.decode("utf-8")


def test_formato_por_extension(caso_json, tmp_path):
    salida = tmp_path / "carta.html"
    assert main(["generar", str(caso_json), "--tipo", "terminacion", "-o", str(salida)]) == 0
    assert salida.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_salida_estandar_en_un_proceso_real(caso_json):
    r = subprocess.run([sys.executable, "-m", "letters", "generar", str(caso_json), "--tipo", "queja_sic",
                        "--formato", "pdf", "-o", "-"], capture_output=True, cwd=RAIZ, check=False)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.startswith(b"%PDF") and "Página 1 de" in texto_pdf(r.stdout)


def test_tipo_no_disponible_se_rechaza_con_el_motivo(caso_json, tmp_path, capsys):
    salida = tmp_path / "recurso.pdf"
    assert main(["generar", str(caso_json), "--tipo", "recurso", "-o", str(salida)]) == 2
    err = capsys.readouterr().err
    assert "No hay una respuesta desfavorable o parcial del operador" in err
    assert not salida.exists()


def test_caso_invalido_sale_con_2_y_nombra_los_campos(tmp_path):
    datos = semilla()
    datos["usuario"]["nombre"] = ""
    datos["fallas"][0]["fin"] = "2026-11-01T00:00:00-05:00"
    ruta = tmp_path / "malo.json"
    ruta.write_text(json.dumps(datos), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "letters", "generar", str(ruta), "--tipo", "queja", "-o", "-"],
                       capture_output=True, text=True, cwd=RAIZ, check=False)
    assert r.returncode == 2
    assert "usuario.nombre" in r.stderr and "fallas[0].fin" in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


@pytest.mark.parametrize("argv", [
    ["generar", "no-existe.json", "--tipo", "queja", "-o", "-"],
    ["generar", "-", "--tipo", "cualquiera", "-o", "-"],
    ["generar", "-", "--tipo", "queja"],
    [],
])
def test_errores_de_uso_en_espanol(argv):
    r = subprocess.run([sys.executable, "-m", "letters", *argv], input="no es json", capture_output=True,
                       text=True, cwd=RAIZ, check=False)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert any(p in r.stderr for p in ("No se pudo leer", "opción no válida", "faltan argumentos"))


def test_json_roto_por_entrada_estandar():
    r = subprocess.run([sys.executable, "-m", "letters", "generar", "-", "--tipo", "queja", "-o", "-"],
                       input="{roto", capture_output=True, text=True, cwd=RAIZ, check=False)
    assert r.returncode == 2 and "JSON válido" in r.stderr
