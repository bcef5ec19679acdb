"""Every rule of the rulebook is implemented and catalogued with at least one citation."""

import re

from rules.catalogo import catalogo, catalogo_markdown
from rules.engine import REGLAS_ORDENADAS

RULEBOOK = ([f"P{i}" for i in range(1, 9)] + [f"T{i}" for i in range(1, 8)]
            + [f"B{i}" for i in range(1, 7)] + [f"C{i}" for i in range(1, 7)]
            + [f"Q{i}" for i in range(1, 7)])


def test_cada_regla_del_reglamento_esta_implementada_en_orden():
    ids = [r.regla for r in REGLAS_ORDENADAS if r.regla != "RPU"]
    assert ids == RULEBOOK


def test_cada_regla_tiene_titulo_descripcion_y_citas():
    for regla in catalogo()["reglas"]:
        assert regla["titulo"] and regla["descripcion"], regla["id"]
        assert regla["citas"], regla["id"]
        for cita in regla["citas"]:
            assert cita["estado"] in ("V", "S", "U")
            assert cita["articulo"] is None or cita["estado"] == "V"


def test_cada_regla_aparece_en_el_markdown():
    texto = catalogo_markdown()
    for regla in REGLAS_ORDENADAS:
        assert f"`{regla.id}`" in texto
        assert re.search(rf"### {regla.regla} — ", texto)


def test_parametros_de_cada_regla_con_historia():
    for regla in catalogo()["reglas"]:
        for parametro in regla["parametros"]:
            assert parametro["valores"], parametro["nombre"]
            for valor in parametro["valores"]:
                assert valor["fuente"] and valor["estado"] in ("V", "S", "U")


def test_cada_regla_tiene_resumen_en_espanol():
    from rules.parametros import parametros
    from rules.prosa import redactar
    from rules.resumenes import RESUMENES

    assert set(RESUMENES) == {r.id for r in REGLAS_ORDENADAS}
    for regla in catalogo()["reglas"]:
        assert regla["descripcion"] == redactar(RESUMENES[regla["id"]], parametros())
        assert "{" not in regla["descripcion"] + regla["titulo"], regla["id"]


def test_el_catalogo_muestra_las_reglas_nuevas_con_fuentes_y_estados():
    texto = catalogo_markdown()
    cambios = texto[texto.index("## Reglas nuevas o cambiadas"):texto.index("## Cláusula")]
    for regla in ("Q3-recurso", "Q4-queja-sic", "P4-plazo-maximo", "B2-modificacion-unilateral",
                  "T2-aviso-previo"):
        assert f"`{regla}`" in cambios
    assert "(estado " in cambios
    assert "Ley 2578 de 2026" in texto and "— **U**" in texto
    assert "| tigo | Tigo | Colombia Móvil S.A. E.S.P." in texto and "| tigo_une |" in texto


def _reglas_de(celda: str) -> set[str]:
    """'P1, T1–T7' → {'P1', 'T1', …, 'T7'}."""
    salida: set[str] = set()
    for parte in celda.split(","):
        parte = parte.strip()
        if "–" in parte:
            desde, hasta = parte.split("–")
            salida |= {f"{desde[0]}{n}" for n in range(int(desde[1:]), int(hasta[1:]) + 1)}
        else:
            salida.add(parte)
    return salida


def test_el_readme_dice_que_significa_cumple_en_cada_regla():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    tabla = readme[readme.index("| `favorece_si_cumple` | rules |"):]
    filas = re.findall(r"^\| `(True|False|None)` \| ([^|]+) \|", tabla, re.MULTILINE)
    assert [valor for valor, _ in filas] == ["True", "False", "None"]
    escrito = {regla: {"True": True, "False": False, "None": None}[valor]
               for valor, celda in filas for regla in _reglas_de(celda)}
    assert escrito == {r.regla: r.favorece_si_cumple for r in REGLAS_ORDENADAS}


def test_solo_cumple_y_no_cumple_son_buenas_o_malas_noticias():
    for regla in REGLAS_ORDENADAS:
        for resultado in ("falta_informacion", "no_aplica", "no_cubierto"):
            assert regla.favorece(resultado) is None
        if regla.favorece_si_cumple is None:
            assert regla.favorece("cumple") is None and regla.favorece("no_cumple") is None
        else:
            assert regla.favorece("cumple") is regla.favorece_si_cumple
            assert regla.favorece("no_cumple") is (not regla.favorece_si_cumple)


def test_el_catalogo_dice_que_significa_cumple():
    texto = catalogo_markdown()
    p2 = texto[texto.index("### P2 — "):texto.index("### P3 — ")]
    assert "«cumple» no favorece al usuario" in p2
    b1 = texto[texto.index("### B1 — "):texto.index("### B2 — ")]
    assert "«cumple» favorece al usuario" in b1
