"""How the embedded runner cuts a batch into chunks."""

from __future__ import annotations

from batch.ejecutores import BLOQUES_POR_TRABAJADOR, TAMANO_BLOQUE, bloques, tamano_bloque


def test_un_lote_pequeno_se_corta_en_bloques_pequenos():
    # 60 rows on 2 workers: 15 chunks of 4, so the last one leaves the other worker idle briefly.
    assert tamano_bloque(60, 2) == 4
    assert len(list(bloques(list(range(60)), tamano_bloque(60, 2)))) == 15
    assert tamano_bloque(3, 2) == 1 and tamano_bloque(0, 2) == 1


def test_un_lote_grande_usa_el_bloque_completo():
    grande = TAMANO_BLOQUE * BLOQUES_POR_TRABAJADOR * 2
    assert tamano_bloque(grande, 2) == TAMANO_BLOQUE
    assert tamano_bloque(5000, 2) == TAMANO_BLOQUE


def test_los_bloques_cubren_cada_fila_una_vez_en_orden():
    ids = list(range(101, 138))
    partes = list(bloques(ids, tamano_bloque(len(ids), 2)))
    assert [i for p in partes for i in p] == ids and max(map(len, partes)) == tamano_bloque(37, 2)
