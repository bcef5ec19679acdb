"""Where to file: the channel file is validated and covers every operator the engine addresses."""

from __future__ import annotations

import pytest

from rules.canales import canales
from rules.parametros import ParametrosInvalidos, cargar


def test_cada_operador_tiene_canales_con_fuente_y_estado():
    c = canales()
    assert set(c.operadores) == set(cargar().operadores)
    for clave in c.operadores:
        lista = c.del_operador(clave)
        assert lista and all(k.fuente and k.estado in ("V", "S", "U") for k in lista)
    assert c.sic and c.consultado.year >= 2026


def test_un_canal_sin_estado_detiene_el_arranque(tmp_path):
    malo = tmp_path / "canales.yaml"
    malo.write_text("consultado: 2026-12-02\noperadores: {}\ntodos:\n  - nombre: Oficina\n"
                    "    fuente: Ninguna\nsic:\n  - nombre: SIC\n    fuente: sic.gov.co\n    estado: V\n",
                    encoding="utf-8")
    with pytest.raises(ParametrosInvalidos, match="estado"):
        canales(malo)
