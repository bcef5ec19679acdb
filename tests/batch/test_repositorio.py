"""Job state: each row is claimed by one worker and ends with exactly one result."""

from __future__ import annotations

from datetime import date

from batch import repositorio
from batch.conversion import leer_fila
from tests.batch.conftest import fila_ejemplo


def _lote(bd, n: int = 3) -> str:
    filas = [leer_fila(i + 2, fila_ejemplo(), date(2026, 11, 28)) for i in range(n)]
    filas.append(leer_fila(n + 2, fila_ejemplo(nombre=""), date(2026, 11, 28)))
    return repositorio.crear_lote(bd, filas, "dueño", {"texto": "ok"})


def test_una_fila_invalida_ya_tiene_su_resultado(bd):
    lote = _lote(bd)
    avance = repositorio.progreso(bd, lote)
    assert (avance.total, avance.pendientes, avance.error) == (4, 3, 1)


def test_solo_un_trabajador_reclama_una_fila(bd):
    lote = _lote(bd)
    [primera, *_] = repositorio.pendientes(bd, lote)
    assert repositorio.reclamar(bd, primera) is not None
    assert repositorio.reclamar(bd, primera) is None


def test_un_reclamo_perdido_no_escribe_resultado(bd):
    lote = _lote(bd)
    [fila, *_] = repositorio.pendientes(bd, lote)
    viejo, _ = repositorio.reclamar(bd, fila)
    assert repositorio.reanudar(bd, lote)[0] == fila  # the worker "died": row back to pending
    nuevo, _ = repositorio.reclamar(bd, fila)
    assert not repositorio.terminar(bd, fila, viejo, "ok", {}, [("0002_queja.pdf", "queja", b"%", None)])
    assert repositorio.terminar(bd, fila, nuevo, "ok", {}, [("0002_queja.pdf", "queja", b"%", None)])
    assert not repositorio.terminar(bd, fila, nuevo, "ok", {}, [])  # once only
    assert repositorio.progreso(bd, lote).ok == 1


def test_cancelar_y_propietario(bd):
    lote = _lote(bd)
    assert repositorio.lote_de(bd, lote, "dueño") is not None
    assert repositorio.lote_de(bd, lote, "otra persona") is None
    repositorio.cancelar(bd, lote)
    avance = repositorio.progreso(bd, lote)
    assert avance.canceladas == 3 and avance.terminado and avance.estado == "cancelado"
    assert repositorio.pendientes(bd, lote) == []


def test_el_lote_termina_cuando_todas_las_filas_tienen_resultado(bd):
    lote = _lote(bd, 1)
    repositorio.marcar_en_curso(bd, lote)
    [fila] = repositorio.pendientes(bd, lote)
    ficha, _ = repositorio.reclamar(bd, fila)
    repositorio.terminar(bd, fila, ficha, "ok", {}, [])
    assert repositorio.progreso(bd, lote).estado == "terminado"
