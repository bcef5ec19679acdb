"""Tagged letters joined into one PDF that stays tagged: structure, reading order, odd-page starts."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader, PdfWriter

from letters.union import Pieza, unir
from tests.letters.conftest import normalizar, pdf_de, texto_pdf

PIEZAS = [("semilla", "queja"), ("semilla", "terminacion"), ("recurso_reciente", "queja"),
          ("semilla", "silencio_positivo")]


def _unidas(recto: bool = True) -> tuple[bytes, list[int]]:
    destino = io.BytesIO()
    comienzos = unir([Pieza(pdf_de(e, t), f"Fila {i}: {t}") for i, (e, t) in enumerate(PIEZAS, 2)],
                     "Cartas del lote", destino, recto=recto)
    return destino.getvalue(), comienzos


def _paginas(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_catalogo_etiquetado_titulo_e_idioma():
    lector = PdfReader(io.BytesIO(_unidas()[0]))
    raiz = lector.trailer["/Root"]
    assert raiz["/MarkInfo"]["/Marked"].value is True and raiz["/Lang"] == "es-CO"
    assert raiz["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert lector.metadata.title == "Cartas del lote"
    xmp = raiz["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp and "Cartas del lote" in xmp


def test_cada_pieza_es_una_parte_titulada_del_documento():
    lector = PdfReader(io.BytesIO(_unidas()[0]))
    estructura = lector.trailer["/Root"]["/StructTreeRoot"]
    (documento,) = [k.get_object() for k in estructura["/K"]]
    assert documento["/S"] == "/Document"
    partes = [k.get_object() for k in documento["/K"]]
    assert [(p["/S"], p["/T"]) for p in partes] == [
        ("/Part", f"Fila {i}: {t}") for i, (_, t) in enumerate(PIEZAS, 2)]
    for parte in partes:  # each part hangs from the one document, with its own content below it
        assert parte["/P"].get_object() == documento and len(parte["/K"]) > 5


def test_arbol_de_padres_apunta_a_la_pagina_de_cada_contenido():
    lector = PdfReader(io.BytesIO(_unidas()[0]))
    estructura = lector.trailer["/Root"]["/StructTreeRoot"]
    nums = estructura["/ParentTree"]["/Nums"]
    arbol = dict(zip(nums[0::2], nums[1::2], strict=True))
    claves = [p.get("/StructParents") for p in lector.pages]
    con_contenido = [c for c in claves if c is not None]
    assert len(set(con_contenido)) == len(con_contenido) == sum(_paginas(pdf_de(e, t)) for e, t in PIEZAS)
    assert estructura["/ParentTreeNextKey"] > max(con_contenido)
    for pagina, clave in zip(lector.pages, claves, strict=True):
        if clave is None:
            assert pagina.extract_text().strip() == ""  # the blank back of an odd-length letter
            continue
        elementos = [e.get_object() for e in arbol[clave]]
        assert elementos and all(e["/Pg"].get_object() == pagina for e in elementos)


def test_cada_pieza_empieza_en_pagina_impar_con_su_texto():
    pdf, comienzos = _unidas()
    lector = PdfReader(io.BytesIO(pdf))
    esperado, pagina = [], 1
    for e, t in PIEZAS:
        esperado.append(pagina)
        pagina += _paginas(pdf_de(e, t)) + _paginas(pdf_de(e, t)) % 2
    assert comienzos == esperado and all(c % 2 == 1 for c in comienzos)
    assert len(lector.pages) == pagina - 1 and len(lector.pages) % 2 == 0
    texto = texto_pdf(pdf)
    for (e, t), inicio in zip(PIEZAS, comienzos, strict=True):
        propio = PdfReader(io.BytesIO(pdf_de(e, t)))
        assert lector.pages[inicio - 1].extract_text() == propio.pages[0].extract_text()
        assert texto_pdf(pdf_de(e, t)) in texto


def test_sin_recto_las_piezas_van_seguidas():
    pdf, comienzos = _unidas(recto=False)
    assert _paginas(pdf) == sum(_paginas(pdf_de(e, t)) for e, t in PIEZAS)
    assert comienzos[1] == 1 + _paginas(pdf_de(*PIEZAS[0]))


def test_marcadores_una_entrada_por_pieza_con_los_suyos_dentro():
    lector = PdfReader(io.BytesIO(_unidas()[0]))
    arriba = [m for m in lector.outline if not isinstance(m, list)]
    assert [m.title for m in arriba] == [f"Fila {i}: {t}" for i, (_, t) in enumerate(PIEZAS, 2)]
    propios = PdfReader(io.BytesIO(pdf_de("semilla", "queja"))).outline
    assert [m.title for m in lector.outline[1]] == [m.title for m in propios]


def test_poppler_lo_lee_etiquetado_y_sin_quejas():
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils no está instalado")
    pdf, _ = _unidas()
    hecho = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    assert b"Tagged:          yes" in hecho.stdout and hecho.stderr == b""
    texto = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    assert texto.stderr == b"" and "Respetados señores" in normalizar(texto.stdout.decode())


def test_un_pdf_sin_etiquetas_se_rechaza():
    escritor = PdfWriter()
    escritor.add_blank_page(612, 792)
    plano = io.BytesIO()
    escritor.write(plano)
    with pytest.raises(ValueError, match=r"etiquetado|catálogo"):
        unir([Pieza(plano.getvalue(), "plano")], "x", io.BytesIO())
