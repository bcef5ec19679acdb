"""The render budget: a letter beyond its pages or CPU seconds fails with a clear Spanish error."""

from __future__ import annotations

import re
import threading

import pytest

from letters import Presupuesto, PresupuestoExcedido, html_para_pdf, pdf, render_pdf
from rules import Caso, Decision, evaluar, validar_caso
from tests.letters.conftest import caso_y_decision, texto_pdf
from tests.letters.hostil import caso_hostil

pytestmark = pytest.mark.slow


def _evaluado(datos: dict) -> tuple[Caso, Decision]:
    caso = validar_caso(datos)
    return caso, evaluar(caso)


@pytest.fixture(scope="module")
def hostil() -> tuple[Caso, Decision]:
    """Every list and free text as long as the model allows, unbroken strings (some 35 pages)."""
    return _evaluado(caso_hostil("seguido"))


@pytest.fixture(scope="module")
def enviable() -> tuple[Caso, Decision]:
    """The hostile case with 40 failures (some 25 pages)."""
    return _evaluado(caso_hostil("seguido", fallas=40))


def test_un_texto_mas_largo_que_el_presupuesto_se_rechaza_antes_de_maquetar(hostil):
    # The model bounds a case's free text (rules.texto_seguro), so no valid case is refused from its
    # length alone under the default 40 pages: a smaller budget shows the check before layout.
    caso, decision = hostil
    minimas = pdf.paginas_minimas(html_para_pdf(caso, decision, "queja"))
    assert 1 < minimas <= Presupuesto().paginas
    with pytest.raises(PresupuestoExcedido) as error:
        render_pdf(caso, decision, "queja", Presupuesto(paginas=minimas - 1, segundos=0.001))
    assert error.value.limite == "paginas"  # refused before any layout could spend its CPU budget
    assert f"más de {minimas - 1} páginas" in error.value.motivo
    assert "Acorte las descripciones" in error.value.motivo


def test_el_limite_de_paginas_corta_la_maquetacion(hostil):
    caso, decision = hostil
    presupuesto = Presupuesto(paginas=20, segundos=600)  # the hostile letter lays out some 35 pages
    assert pdf.paginas_minimas(html_para_pdf(caso, decision, "queja")) <= presupuesto.paginas
    with pytest.raises(PresupuestoExcedido) as error:
        render_pdf(caso, decision, "queja", presupuesto)
    assert error.value.limite == "paginas" and error.value.valor == 20
    semilla, d = caso_y_decision("semilla")
    with pytest.raises(PresupuestoExcedido, match="más de una página"):
        render_pdf(semilla, d, "queja", Presupuesto(paginas=1, segundos=600))


def test_el_limite_de_segundos_de_cpu(enviable):
    caso, decision = enviable
    with pytest.raises(PresupuestoExcedido) as error:
        render_pdf(caso, decision, "queja", Presupuesto(paginas=10_000, segundos=0.2))
    assert error.value.limite == "segundos"
    assert "0.2 segundos de cálculo" in error.value.motivo


def test_el_presupuesto_es_de_cada_hilo_y_no_queda_pegado(enviable):
    caso, decision = enviable
    resultado: dict[str, object] = {}

    def hostil_en_otro_hilo() -> None:
        try:
            render_pdf(caso, decision, "queja", Presupuesto(paginas=3, segundos=600))
        except PresupuestoExcedido as exc:
            resultado["error"] = exc

    hilo = threading.Thread(target=hostil_en_otro_hilo)
    hilo.start()
    semilla, d = caso_y_decision("semilla")
    assert render_pdf(semilla, d, "queja").startswith(b"%PDF-")  # no budget on this thread
    hilo.join()
    assert isinstance(resultado["error"], PresupuestoExcedido)
    assert render_pdf(semilla, d, "queja", Presupuesto(paginas=40, segundos=60)).startswith(b"%PDF-")


def test_una_carta_normal_cabe_en_el_presupuesto():
    caso, decision = caso_y_decision("semilla")
    assert render_pdf(caso, decision, "queja", Presupuesto()).startswith(b"%PDF-")


def test_cortes_en_tiras_largas_sin_tocar_etiquetas_ni_referencias():
    tira = "A" * 30 + "&amp;" + "B" * 30
    html = f'<p class="{"c" * 40}">{tira} corto</p>'
    resultado = pdf.con_cortes(html)
    assert resultado.startswith(f'<p class="{"c" * 40}">')  # attributes untouched
    texto = resultado[resultado.index(">") + 1:resultado.rindex("<")]
    assert texto.replace(pdf.CORTE, "") == f"{tira} corto"
    piezas = [re.findall(r"&#?\w+;|[^\s&]", parte) for parte in texto.split(pdf.CORTE)]
    assert all(len(p) <= pdf.TRAMO for p in piezas[:-1])
    assert "&amp;" in texto  # never split inside a character reference
    assert pdf.con_cortes("<p>Telecomunicaciones desproporcionadamente</p>") == \
        "<p>Telecomunicaciones desproporcionadamente</p>"


def test_los_cortes_no_aparecen_en_el_texto_del_pdf():
    from tests.letters.escenarios import semilla

    datos = semilla()
    datos["usuario"]["direccion"] = "Calle" + "X" * 60 + "fin"
    caso, decision = _evaluado(datos)
    texto = texto_pdf(render_pdf(caso, decision, "queja"))
    assert pdf.CORTE not in texto
    assert "CalleXXXX" in texto and "XXXXfin" in texto


def test_la_cota_de_paginas_cuenta_el_texto_y_no_el_marcado():
    n = pdf.CARACTERES_POR_PAGINA
    assert pdf.paginas_minimas("<p>" + "a" * n + "</p>") == 1
    assert pdf.paginas_minimas("<p>" + "&#34;" * (n - 1) + "</p>") == 0  # a reference is one character
    assert pdf.paginas_minimas(pdf.con_cortes("<p>" + "a" * (n - 1) + "</p>")) == 0
    assert pdf.paginas_minimas('<p class="' + "x" * n + '">' + " \n" * n + "</p>") == 0
