"""Law dates and terms in prose come from the parameter file: a lawyer's correction reaches them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from letters import render_text
from rules import evaluar, validar_caso
from rules.catalogo import catalogo
from rules.parametros import ARCHIVO, Parametros, cargar
from tests.letters.escenarios import recurso_wom_terminacion

RAIZ = Path(__file__).resolve().parents[2]
MESES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
# A date of the law written out ("1 de julio de 2014"), or an article number ("art. 41").
LEY_EN_PROSA = re.compile(rf"\b\d{{1,2}} de (?:{MESES}) de \d{{4}}\b|\bart(?:ículo|\.)\s*\d")


@pytest.fixture(scope="module")
def corregidos(tmp_path_factory: pytest.TempPathFactory) -> Parametros:
    """The parameter file as a lawyer corrected it: the mobile prohibition from 1 August 2014, the
    PQR answer term 16 business days."""
    texto = ARCHIVO.read_text(encoding="utf-8")
    cambios = [("{desde: 2014-07-01, valor: true, fuente: RES-4444-2014",
                "{desde: 2014-08-01, valor: true, fuente: RES-4444-2014"),
               ("{desde: 2011-05-18, valor: 15, fuente: L1341",
                "{desde: 2011-05-18, valor: 16, fuente: L1341")]
    for viejo, nuevo in cambios:
        assert texto.count(viejo) == 1, viejo
        texto = texto.replace(viejo, nuevo)
    ruta = tmp_path_factory.mktemp("parametros") / "parametros.yaml"
    ruta.write_text(texto, encoding="utf-8")
    return cargar(ruta)


def test_el_catalogo_lee_fechas_y_plazos_del_archivo(corregidos: Parametros) -> None:
    reglas = {r["regla"]: r for r in catalogo(corregidos)["reglas"]}
    p1, q2 = reglas["P1"], reglas["Q2"]
    assert "firmado desde el 1 de agosto de 2014 está prohibida" in p1["titulo"]
    assert "firmados desde el 1 de agosto de 2014 no puede pactarse" in p1["descripcion"]
    assert "no responde en 16 días hábiles" in q2["titulo"]
    assert "tiene 16 días hábiles para responder" in q2["descripcion"]
    original = {r["regla"]: r for r in catalogo()["reglas"]}
    assert "desde el 1 de julio de 2014" in original["P1"]["titulo"]


def test_el_hallazgo_y_la_carta_leen_la_fecha_del_archivo(corregidos: Parametros) -> None:
    caso = validar_caso(recurso_wom_terminacion())  # mobile only, clause of 10 March 2026
    decision = evaluar(caso, corregidos)
    p1 = decision.hallazgo("P1")
    assert p1 is not None and p1.resultado == "cumple"
    assert "desde el 1 de agosto de 2014" in p1.titulo
    assert "Desde el 1 de agosto de 2014 la permanencia está prohibida" in p1.explicacion
    carta = " ".join(render_text(caso, decision, "terminacion").split())
    assert "Desde el 1 de agosto de 2014 están prohibidas las cláusulas de permanencia" in carta
    assert "1 de julio de 2014" not in carta


def _textos(ruta: Path) -> list[str]:
    """The string literals of a module, docstrings left out (they are for programmers)."""
    arbol = ast.parse(ruta.read_text(encoding="utf-8"))
    docstrings = {
        id(nodo.body[0].value) for nodo in ast.walk(arbol)
        if isinstance(nodo, ast.Module | ast.FunctionDef | ast.ClassDef) and nodo.body
        and isinstance(nodo.body[0], ast.Expr) and isinstance(nodo.body[0].value, ast.Constant)
    }
    return [n.value for n in ast.walk(arbol)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_ninguna_fecha_ni_articulo_de_la_ley_escrito_a_mano() -> None:
    # The change log (resumenes.CAMBIOS) dates the rules' own changes, not the law's.
    encontrados = []
    for ruta in sorted((RAIZ / "rules").glob("*.py")) + sorted((RAIZ / "letters").glob("*.py")):
        for cadena in _textos(ruta):
            if ruta.name == "resumenes.py" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", cadena):
                continue
            encontrados += [f"{ruta.name}: {m}" for m in LEY_EN_PROSA.findall(cadena)]
    for ruta in sorted((RAIZ / "letters" / "templates").glob("*.j2")):
        encontrados += [f"{ruta.name}: {m}" for m in LEY_EN_PROSA.findall(ruta.read_text("utf-8"))]
    assert not encontrados, encontrados
