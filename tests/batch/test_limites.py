"""Hostile spreadsheets: each is refused with a Spanish message (web 400, CLI exit 2), cheaply."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from flask import Flask

import batch
from app import create_app
from batch import lectura
from batch.lectura import ArchivoIlegible, leer_hoja
from batch.lote import preparar_lote
from tests.batch.conftest import fila_ejemplo, hacer_csv
from tests.batch.hostiles import CABECERA_ENORME, HOSTILES, archivos_hostiles

CONFIG = {"TESTING": True, "SECRET_KEY": "clave-de-pruebas-" + "x" * 32, "WTF_CSRF_ENABLED": False,
          "RATELIMIT_ENABLED": False, "SESSION_COOKIE_SECURE": False}
@pytest.fixture(scope="module")
def hostiles() -> dict[str, tuple[str, bytes, str]]:
    """name → (file name, bytes, expected Spanish message fragment)."""
    archivos = archivos_hostiles()
    rango = "debe ir de 1 a 200: un caso admite como máximo 200 fallas"
    esperados = {
        "indice_enorme": f"Columna «falla25000000_inicio»: El número de grupo {rango}",
        "indice_5000_cifras": rango,
        "campo_csv_enorme": ("La fila 3 del CSV no se puede leer: tiene una celda de más de "
                             "131.072 caracteres"),
        "xlsx_sin_cadenas": "La fila 2 del XLSX no se puede leer",
        "xlsx_inflado": "El XLSX descomprimido ocuparía 77 MB; el límite es 50 MB",
    }
    return {clave: (*archivos[clave], mensaje) for clave, mensaje in esperados.items()}


NOMBRES = list(HOSTILES)


def test_el_xlsx_inflado_cabe_en_la_relacion_permitida(hostiles):
    _, datos, _ = hostiles["xlsx_inflado"]
    [hoja] = [i for i in zipfile.ZipFile(io.BytesIO(datos)).infolist() if i.filename.endswith("sheet1.xml")]
    assert len(datos) < 450_000 and hoja.file_size > 75_000_000
    assert hoja.file_size / hoja.compress_size < lectura.LIMITE_RELACION  # the old check let it through


@pytest.mark.parametrize("nombre", NOMBRES)
def test_se_rechaza_al_preparar(bd, hostiles, nombre):
    archivo, datos, mensaje = hostiles[nombre]
    with pytest.raises(ArchivoIlegible) as error:
        preparar_lote(bd, archivo, datos, "dueño", "prueba")
    assert mensaje in str(error.value)


@pytest.fixture
def app(tmp_path) -> Flask:
    url = f"sqlite:///{tmp_path / 'web.db'}"
    aplicacion = create_app({**CONFIG, "DATABASE_URL": url})
    batch.registrar(aplicacion)
    return aplicacion


@pytest.mark.parametrize("nombre", NOMBRES)
def test_web_responde_400_con_el_mensaje(app, hostiles, nombre):
    archivo, datos, mensaje = hostiles[nombre]
    respuesta = app.test_client().post("/lotes/", content_type="multipart/form-data", data={
        "consentimiento": "si", "declarante": "Asociación", "archivo": (io.BytesIO(datos), archivo)})
    assert respuesta.status_code == 400
    assert mensaje in respuesta.text


@pytest.mark.parametrize("nombre", NOMBRES)
def test_cli_sale_con_2_y_el_mensaje(app, hostiles, nombre, tmp_path):
    archivo, datos, mensaje = hostiles[nombre]
    ruta = tmp_path / archivo
    ruta.write_bytes(datos)
    resultado = app.test_cli_runner().invoke(
        args=["lote", str(ruta), "-o", str(tmp_path / "salida.zip"), "--declaro-autorizacion"])
    assert resultado.exit_code == 2
    assert mensaje in " ".join(resultado.output.split())  # rich may wrap long lines
    assert not (tmp_path / "salida.zip").exists()


MEDIR = """
import sys
from batch.lectura import ArchivoIlegible
from batch.lote import preparar_lote
from store.db import base_de_datos

def kib(clave):
    for linea in open("/proc/self/status"):
        if linea.startswith(clave):
            return int(linea.split()[1])

bd = base_de_datos(sys.argv[1])
datos = open(sys.argv[2], "rb").read()
antes = kib("VmRSS:")
try:
    preparar_lote(bd, "casos.csv", datos, "dueño", "prueba")
    print("aceptado")
except ArchivoIlegible as exc:
    print(exc)
print(kib("VmHWM:") - antes)
"""


@pytest.mark.slow
def test_indice_de_grupo_enorme_no_reserva_memoria(tmp_path):
    """The 149-byte CSV that took a worker to 7 GB: a column error, and under 50 MB of growth."""
    ruta = tmp_path / "casos.csv"
    ruta.write_bytes(CABECERA_ENORME)
    hecho = subprocess.run([sys.executable, "-c", MEDIR, f"sqlite:///{tmp_path / 'm.db'}", str(ruta)],
                           capture_output=True, text=True, check=True, timeout=600,
                           cwd=Path(__file__).resolve().parents[2])
    mensaje, crecimiento = hecho.stdout.strip().rsplit("\n", 1)
    assert "Columna «falla25000000_inicio»" in mensaje
    assert int(crecimiento) < 50 * 1024, f"RSS creció {int(crecimiento) // 1024} MB"


def test_grupos_hasta_el_limite_del_modelo_se_leen(bd):
    fila = fila_ejemplo(falla200_servicio="internet_fijo", falla200_inicio="2026-11-10 08:00",
                        falla200_fin="2026-11-10 12:00")
    cabeceras = [*fila_ejemplo().keys(), "falla200_servicio", "falla200_inicio", "falla200_fin"]
    hoja = leer_hoja("casos.csv", hacer_csv([fila], cabeceras=cabeceras))
    assert "falla200_inicio" in hoja.cabeceras
    lote = preparar_lote(bd, "casos.csv", hacer_csv([fila], cabeceras=cabeceras), "dueño", "prueba")
    from batch import repositorio

    assert repositorio.progreso(bd, lote).pendientes == 1


def test_xlsx_celdas_limitadas_y_celda_perdida_en_xfd(monkeypatch):
    # A stray cell far to the right does not widen every row (streaming, padded to the header).
    from openpyxl import Workbook

    libro = Workbook()
    hoja = libro.active
    hoja.append([c for c in fila_ejemplo()])
    for _ in range(3):
        hoja.append(list(fila_ejemplo().values()))
    hoja["XFD5"] = "lejos"
    datos = io.BytesIO()
    libro.save(datos)
    leida = leer_hoja("casos.xlsx", datos.getvalue())
    filas = list(leida.filas)
    assert len(filas) == 3 and all(len(celdas) == len(leida.cabeceras) for _, celdas in filas)
    monkeypatch.setattr(lectura, "LIMITE_CELDAS", 50)
    with pytest.raises(ArchivoIlegible, match="más de 50 celdas con datos"):
        list(leer_hoja("casos.xlsx", datos.getvalue()).filas)
