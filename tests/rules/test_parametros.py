"""The parameter file: every value dated, sourced and with a status; a wrong file fails loudly."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from rules.parametros import ARCHIVO, ParametrosInvalidos, cargar, parametros


def test_el_archivo_del_proyecto_carga():
    p = parametros()
    assert p.version.startswith("co-telecom/")
    assert p.vigente("aviso_terminacion_dias_habiles", date(2014, 10, 30)).valor == 10
    assert p.vigente("aviso_terminacion_dias_habiles", date(2014, 10, 31)).valor == 3
    assert p.vigente("umbral_horas_internet_fijo", date(2017, 12, 31)) is None
    assert p.vigente("umbral_horas_internet_fijo", date(2018, 1, 1)).valor == 2.5
    assert p.vigente("compensacion_automatica_voz_movil", date(2020, 3, 4)).valor is True
    assert p.vigente("compensacion_automatica_voz_movil", date(2020, 3, 5)).valor is False


def test_cada_valor_tiene_fuente_y_estado():
    p = parametros()
    for nombre, parametro in p.parametros.items():
        for valor in parametro.valores:
            assert valor.estado in ("V", "S", "U"), nombre
            assert p.fuentes[valor.fuente].norma, nombre


def test_articulos_solo_con_estado_v():
    for clave, fuente in parametros().fuentes.items():
        if fuente.articulo is not None:
            assert fuente.estado == "V", clave


def test_nit_con_digito_de_verificacion_calculado():
    ops = parametros().operadores
    assert ops["claro"].nit == "800.153.993-7"
    assert ops["movistar"].nit == "830.122.566-1"
    assert ops["tigo"].nit == "830.114.921-1"
    for op in ops.values():
        assert op.nit[-2] == "-" and op.nit[-1].isdigit()


def _escribir(tmp_path: Path, cambiar) -> Path:
    datos = yaml.safe_load(ARCHIVO.read_text(encoding="utf-8"))
    cambiar(datos)
    ruta = tmp_path / "parametros.yaml"
    ruta.write_text(yaml.safe_dump(datos, allow_unicode=True), encoding="utf-8")
    return ruta


@pytest.mark.parametrize("cambiar", [
    pytest.param(lambda d: d["fuentes"]["RPU-3066"].update(articulo="41"), id="articulo-sin-V"),
    pytest.param(lambda d: d["operadores"]["claro"].update(dv="8"), id="digito-nit-errado"),
    pytest.param(lambda d: d["parametros"]["regimen"]["valores"].reverse(), id="fechas-desordenadas"),
    pytest.param(lambda d: d["parametros"]["recurso_dias_habiles"]["valores"][0].update(fuente="NO"),
                 id="fuente-desconocida"),
    pytest.param(lambda d: d["parametros"]["recurso_dias_habiles"]["valores"][0].update(estado="X"),
                 id="estado-invalido"),
    pytest.param(lambda d: d["parametros"]["recurso_dias_habiles"]["valores"][0].update(valor="diez"),
                 id="valor-de-otro-tipo"),
    pytest.param(lambda d: d["parametros"]["regimen"]["valores"][0].pop("estado"), id="sin-estado"),
    pytest.param(lambda d: d.update(extra=1), id="campo-desconocido"),
])
def test_un_archivo_errado_falla_al_cargar(tmp_path, cambiar):
    with pytest.raises(ParametrosInvalidos):
        cargar(_escribir(tmp_path, cambiar))


def test_archivo_inexistente_falla(tmp_path):
    with pytest.raises(ParametrosInvalidos):
        cargar(tmp_path / "no-existe.yaml")


def test_lectores_tipados_devuelven_el_tipo_de_la_unidad():
    p = parametros()
    assert p.entero("aviso_terminacion_dias_habiles", date(2015, 1, 1)) == 3
    assert p.entero("aviso_terminacion_dias_habiles", date(2012, 1, 1)) == 10
    assert p.numero("umbral_horas_internet_fijo", date(2020, 1, 1)) == 2.5
    assert p.booleano("permanencia_movil_prohibida", date(2015, 1, 1)) is True
    assert p.booleano("permanencia_movil_prohibida", date(2013, 1, 1)) is False
    assert p.clave("regimen", date(2019, 1, 1)) == "RPU-5111"


def test_lectores_tipados_sin_valor_vigente_devuelven_none():
    p = parametros()
    assert p.entero("retracto_dias_habiles", date(2011, 6, 1)) is None
    assert p.numero("umbral_horas_internet_fijo", date(2017, 1, 1)) is None


@pytest.mark.parametrize("lector, nombre", [
    ("entero", "permanencia_movil_prohibida"),  # a yes/no value is not a whole number
    ("entero", "regimen"),
    ("numero", "permanencia_movil_prohibida"),
    ("booleano", "aviso_terminacion_dias_habiles"),
    ("clave", "aviso_terminacion_dias_habiles"),
])
def test_lector_de_otro_tipo_falla_nombrando_el_parametro(lector, nombre):
    with pytest.raises(TypeError, match=nombre):
        getattr(parametros(), lector)(nombre, date(2020, 1, 1))
