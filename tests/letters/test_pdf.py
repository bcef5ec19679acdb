"""The PDF itself: Letter size, tagged PDF/UA-1, es-CO, DejaVu embedded and subset, one engine per process."""

from __future__ import annotations

import io
import multiprocessing
import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from letters import RenderizadorNoDisponible, pdf, render_pdf
from tests.letters.conftest import caso_y_decision, pdf_de
from tests.letters.escenarios import PARES

PUNTOS_CARTA = (612, 792)
MARGEN_LATERAL_CM = 2.2  # as in letters/templates/css/base.css


def test_pdf_carta_etiquetado_y_en_espanol():
    lector = PdfReader(io.BytesIO(pdf_de("semilla", "queja")))
    raiz = lector.trailer["/Root"]
    assert raiz["/Lang"] == "es-CO"
    assert "/StructTreeRoot" in raiz and raiz["/MarkInfo"]["/Marked"]
    assert lector.pdf_header.endswith("1.7")
    for pagina in lector.pages:
        assert (round(float(pagina.mediabox.width)), round(float(pagina.mediabox.height))) == PUNTOS_CARTA


def test_fuentes_dejavu_incrustadas_y_en_subconjunto():
    lector = PdfReader(io.BytesIO(pdf_de("semilla", "queja")))
    fuentes = {}
    for pagina in lector.pages:
        for fuente in pagina["/Resources"]["/Font"].values():
            f = fuente.get_object()
            descriptor = f["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fuentes[str(f["/BaseFont"])] = "/FontFile2" in descriptor
    assert fuentes and all(fuentes.values())
    assert all("DejaVu" in nombre and nombre[7] == "+" for nombre in fuentes)
    assert len(fuentes) <= 2  # lean: DejaVu Serif Book and Bold only


def test_un_motor_por_proceso_y_otro_tras_fork():
    caso, decision = caso_y_decision("semilla")
    render_pdf(caso, decision, "queja")
    motor = pdf._motor
    render_pdf(caso, decision, "terminacion")
    assert pdf._motor is motor and motor.pid == os.getpid()
    assert set(motor.estilos) >= {"queja", "terminacion"}
    with multiprocessing.get_context("fork").Pool(1) as pool:
        pid_hijo, pid_motor, tamano = pool.apply(_renderizar_en_hijo)
    assert pid_hijo == pid_motor != os.getpid()
    assert tamano > 10_000  # a real letter (the seed's queja is about 28 KB with its fonts), not an empty one


def _renderizar_en_hijo() -> tuple[int, int, int]:
    caso, decision = caso_y_decision("semilla")
    contenido = render_pdf(caso, decision, "queja")
    return os.getpid(), pdf._motor.pid, len(contenido)


def test_se_niega_a_arrancar_sin_el_subsetter_de_harfbuzz(monkeypatch):
    import weasyprint.text.ffi as ffi

    assert pdf.subsetter() == "harfbuzz"
    monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    monkeypatch.setattr(pdf, "_motor", None)
    with pytest.raises(RenderizadorNoDisponible, match="libharfbuzz-subset0"):
        pdf.verificar()
    caso, decision = caso_y_decision("semilla")
    with pytest.raises(RenderizadorNoDisponible):
        render_pdf(caso, decision, "queja")


def _margenes_en_blanco(png: Path, dpi: int) -> bool:
    imagen = Image.open(png).convert("L")
    ancho, alto = imagen.size
    margen = int((MARGEN_LATERAL_CM - 0.3) / 2.54 * dpi)
    for x0, x1 in ((0, margen), (ancho - margen, ancho)):
        if imagen.crop((x0, 0, x1, alto)).getextrema()[0] < 250:
            return False
    return True


@pytest.mark.parametrize(("nombre", "tipo"), [p for p in PARES if p[0] in ("semilla", "recurso_reciente")])
def test_paginas_en_png_sin_desbordes(nombre, tipo):
    contenido = pdf_de(nombre, tipo)
    paginas = len(PdfReader(io.BytesIO(contenido)).pages)
    assert 1 <= paginas <= 5  # these letters take 3 or 4 Letter pages; more means text spilled over
    with tempfile.TemporaryDirectory() as carpeta:
        ruta = Path(carpeta) / "carta.pdf"
        ruta.write_bytes(contenido)
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(ruta), str(Path(carpeta) / "p")], check=True)
        pngs = sorted(Path(carpeta).glob("p-*.png"))
        assert len(pngs) == paginas
        for png in pngs:
            assert Image.open(png).size == (340, 440)  # Letter at 40 dpi
            assert _margenes_en_blanco(png, 40), f"{png.name}: algo se sale de la caja de la página"


def test_texto_largo_sin_espacios_no_se_sale(tmp_path):
    from rules import evaluar, validar_caso
    from tests.letters.escenarios import semilla

    datos = semilla()
    datos["usuario"]["direccion"] = "Calle" + "X" * 190
    datos["fallas"][0]["descripcion"] = "Sin" + "servicio" * 120
    datos["cambios_unilaterales"] = [{"fecha": "2026-06-01", "descripcion": "Plan" + "Z" * 900}]
    datos["contrato"]["direccion_servicio"] = "Carrera" + "Y" * 190
    caso = validar_caso(datos)
    ruta = tmp_path / "carta.pdf"
    ruta.write_bytes(render_pdf(caso, evaluar(caso), "queja"))
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(ruta), str(tmp_path / "p")], check=True)
    for png in sorted(tmp_path.glob("p-*.png")):
        assert _margenes_en_blanco(png, 40), png.name
