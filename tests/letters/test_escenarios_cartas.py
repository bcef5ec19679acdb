"""Letter scenarios (tests/escenarios/cartas/*.yaml): which requests each letter carries, as literal text.

Each scenario merges its `caso` onto tests/escenarios/base.yaml; `cartas` maps a letter kind to the
phrases its plain text must contain (`contiene`) and must not contain (`no_contiene`), written by hand;
`no_disponibles` lists the kinds the decision must not offer.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from letters import render_text
from rules import evaluar, validar_caso
from tests.rules.test_escenarios import BASE, combinar, leer_yaml

CARPETA = Path(__file__).resolve().parent.parent / "escenarios" / "cartas"
CLAVES = {"nombre", "descripcion", "caso", "cartas", "no_disponibles"}


def _escenarios() -> list[tuple[str, dict[str, Any]]]:
    base = leer_yaml(BASE)
    salida = []
    for ruta in sorted(CARPETA.glob("*.yaml")):
        for e in leer_yaml(ruta)["escenarios"]:
            assert set(e) <= CLAVES, f"{e['nombre']}: claves desconocidas {set(e) - CLAVES}"
            assert e.get("cartas") or e.get("no_disponibles"), e["nombre"]
            salida.append((f"{ruta.stem}:{e['nombre']}", {**e, "caso": combinar(base, e["caso"])}))
    return salida


ESCENARIOS = _escenarios()


def _plano(texto: str) -> str:
    return re.sub(r"\s+", " ", texto)


@pytest.mark.parametrize("escenario", [e for _, e in ESCENARIOS], ids=[i for i, _ in ESCENARIOS])
def test_cada_carta_dice_lo_que_pide(escenario: dict[str, Any]) -> None:
    caso = validar_caso(escenario["caso"])
    decision = evaluar(caso)
    for tipo in escenario.get("no_disponibles", []):
        assert tipo not in decision.cartas_posibles, f"{tipo} no debería estar disponible"
        assert decision.cartas_no_disponibles.get(tipo), f"{tipo}: falta el motivo"
    for tipo, espera in (escenario.get("cartas") or {}).items():
        assert tipo in decision.cartas_posibles, f"{tipo}: {decision.cartas_no_disponibles.get(tipo)}"
        texto = _plano(render_text(caso, decision, tipo))
        for frase in espera.get("contiene", []):
            assert frase in texto, f"{tipo}: falta «{frase}»\n{texto}"
        for frase in espera.get("no_contiene", []):
            assert frase not in texto, f"{tipo}: sobra «{frase}»"
