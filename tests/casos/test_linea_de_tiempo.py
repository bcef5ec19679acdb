"""Timelines of saved cases (linea_de_tiempo.yaml) against the engine's dates, holidays included."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from casos.evaluacion import evaluar_guardado
from casos.eventos import aplicar, leer_evento, validar_aplicado
from casos.situacion import Hecho, Situacion
from tests.casos.conftest import caso_sin_reclamar, validado

ESCENARIOS = yaml.safe_load((Path(__file__).parent / "linea_de_tiempo.yaml").read_text(encoding="utf-8"))


def _aplicar(caso: dict[str, Any], hechos: list[Hecho], eventos: list[dict[str, Any]]) -> tuple[dict, bool]:
    cerrado = False
    for e in eventos:
        evento = leer_evento({k: str(v) if v is not None else v for k, v in e.items()})
        caso = aplicar(caso, evento)
        validar_aplicado(caso)
        hechos.append(Hecho(evento.tipo, evento.fecha, evento.datos()))
        if evento.tipo in ("caso_cerrado", "caso_reabierto"):
            cerrado = evento.tipo == "caso_cerrado"
    return caso, cerrado


def _revisar(s: Situacion, esperado: dict[str, Any], donde: str) -> None:
    ids = [p.id for p in s.plazos]
    for clave, valor in esperado.items():
        if clave == "estado":
            assert s.estado == valor, donde
        elif clave == "titulo":
            assert s.titulo == valor, donde
        elif clave == "proxima_carta":
            assert s.proxima_carta == valor, donde
        elif clave == "carta_desde":
            assert s.carta_desde == valor, donde
        elif clave == "proximo":
            assert (None if s.proximo is None else [s.proximo.id, s.proximo.vence]) == valor, donde
        elif clave == "vencidos":
            assert [p.id for p in s.vencidos] == valor, donde
        elif clave == "pendientes":
            assert s.cartas_pendientes == valor, donde
        elif clave == "sin_plazo":
            assert not set(valor) & set(ids), donde
        elif clave == "urgencia":
            assert s.urgencia == valor, donde
        else:
            raise AssertionError(f"clave desconocida {clave}")


@pytest.mark.parametrize("escenario", ESCENARIOS, ids=[e["nombre"][:60] for e in ESCENARIOS])
def test_linea_de_tiempo(escenario: dict[str, Any]) -> None:
    datos = caso_sin_reclamar(**{k: str(v) for k, v in (escenario.get("caso") or {}).items()})
    caso = validado(datos).model_dump(mode="json")
    hechos: list[Hecho] = []
    caso, cerrado = _aplicar(caso, hechos, escenario["eventos"])
    for fecha, esperado in escenario["al"].items():
        ev = evaluar_guardado(caso, hechos, cerrado, fecha)
        assert ev.decision.fecha_evaluacion == fecha
        _revisar(ev.situacion, esperado, f"{escenario['nombre']} al {fecha}")
    if "despues" in escenario:
        caso, cerrado = _aplicar(caso, hechos, escenario["despues"])
        for fecha, esperado in escenario["al_final"].items():
            _revisar(
                evaluar_guardado(caso, hechos, cerrado, fecha).situacion,
                esperado,
                f"{escenario['nombre']} (después) al {fecha}",
            )


def test_la_fecha_de_vista_nunca_es_anterior_a_los_hechos():
    from casos.evaluacion import fecha_valida

    caso = validado().model_dump(mode="json")
    caso = aplicar(caso, leer_evento({"tipo": "carta_radicada", "carta": "queja", "fecha": "2026-11-30"}))
    assert fecha_valida(caso, None, date(2026, 12, 5)) == (date(2026, 12, 5), None)
    assert fecha_valida(caso, None, date(2026, 11, 28)) == (
        date(2026, 11, 30),
        None,
    )  # today is before a fact
    fecha, aviso = fecha_valida(caso, date(2026, 11, 29), date(2026, 12, 5))
    assert fecha == date(2026, 11, 30) and "hechos posteriores" in (aviso or "")
