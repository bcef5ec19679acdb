"""Across every legal scenario and the bundled examples: no letter drops a request without a reason
the decision states, and no letter asks for anything by a date earlier than its own (rulebook §9)."""

from __future__ import annotations

import random
import re
from datetime import date
from importlib.resources import files

import pytest

from letters.contenido import construir
from letters.render import render_text
from rules import CasoInvalido, evaluar, validar_caso
from rules.ejemplos.aleatorios import caso_aleatorio
from tests.letters.test_escenarios_cartas import ESCENARIOS as CARTAS
from tests.rules.test_escenarios import ESCENARIOS

# The letter items that carry each request of the decision's ledger.
ITEMS = {
    "terminar": {"terminar"},
    "sin_permanencia": {"sin_permanencia", "tope_permanencia"},
    "compensacion": {"compensacion", "compensacion_sin_monto"},
    "reembolso_gastos": {"reembolso"},
    "informacion_falla": {"informacion"},
    "copia_contrato": {"copia_contrato"},
    "revertir_cambio": {"revertir"},
}
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"]
A_MAS_TARDAR = re.compile(r"a más tardar el (\d{1,2}) de (" + "|".join(MESES) + r") de (\d{4})")
ALEATORIOS = 40


def _casos() -> list[tuple[str, dict]]:
    casos = [(e.id, e.caso) for e in ESCENARIOS if "invalido" not in e.espera]
    casos += [(i, e["caso"]) for i, e in CARTAS]
    semilla = (files("rules") / "ejemplos" / "semilla.json").read_bytes()
    casos.append(("ejemplos:semilla", semilla))  # type: ignore[arg-type]
    r = random.Random(9)
    casos += [(f"ejemplos:aleatorio_{n}", caso_aleatorio(r)) for n in range(ALEATORIOS)]
    return casos


CASOS = _casos()


@pytest.mark.parametrize(("nombre", "datos"), CASOS, ids=[n for n, _ in CASOS])
def test_ninguna_carta_deja_una_peticion_sin_motivo(nombre: str, datos: dict) -> None:
    try:
        caso = validar_caso(datos)
    except CasoInvalido:
        pytest.skip("caso inválido")
    d = evaluar(caso)
    pedidas = {p for r in caso.reclamaciones for p in r.pretensiones} | set(caso.pretensiones)
    libro = {s.id: s for s in d.solicitudes}
    for p in pedidas:
        clave = "terminar" if p == "terminar_sin_penalidad" else p
        assert clave in libro, f"{nombre}: la petición {p} no está en el libro de solicitudes"
    for tipo in d.cartas_posibles:
        carta = construir(caso, d, tipo)
        claves = {p.clave for p in carta.pretensiones}
        for s in d.solicitudes:
            if tipo in s.cartas:
                assert ITEMS[s.id] & claves, f"{nombre}/{tipo}: la carta no pide {s.id}"
            else:
                assert s.omitida.get(tipo), f"{nombre}/{tipo}: {s.id} falta sin motivo"


@pytest.mark.parametrize(("nombre", "datos"), CASOS, ids=[n for n, _ in CASOS])
def test_ninguna_carta_pide_algo_para_antes_de_su_fecha(nombre: str, datos: dict) -> None:
    try:
        caso = validar_caso(datos)
    except CasoInvalido:
        pytest.skip("caso inválido")
    d = evaluar(caso)
    for tipo in d.cartas_posibles:
        texto = re.sub(r"\s+", " ", render_text(caso, d, tipo))
        for dia, mes, anio in A_MAS_TARDAR.findall(texto):
            fecha = date(int(anio), MESES.index(mes) + 1, int(dia))
            assert fecha >= d.fecha_evaluacion, f"{nombre}/{tipo}: «a más tardar el {fecha}»"
    for t in d.procedimiento:
        hasta = t.siguiente_paso.hasta
        assert hasta is None or hasta >= d.fecha_evaluacion, f"{nombre}: paso siguiente {hasta}"
