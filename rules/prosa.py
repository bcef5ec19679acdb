"""Law values as a sentence states them, read from the parameter file (rules/parametros.yaml).

Titles and summaries of the rules are written with `{nombre}` placeholders from `valores` (e.g. "firmado
desde el {movil_prohibida_desde}"), and explanations call the helpers below, so that a lawyer's
correction of a date, a term or a threshold in the parameter file reaches every sentence that states
it. No date, term or article number of the law is typed in prose.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any

from rules import texto
from rules.calendario import nombre_festivo
from rules.parametros import Parametros


def desde(p: Parametros, nombre: str, valor: Any) -> date:
    """The first date parameter `nombre` took `valor` (KeyError-like ValueError when it never did)."""
    for v in p.parametros[nombre].valores:
        if v.valor == valor:
            return v.desde
    raise ValueError(f"{nombre} never takes the value {valor!r}")


def actual(p: Parametros, nombre: str) -> Any:
    """The latest value of `nombre` in the file: what the law says now (titles and summaries)."""
    return p.parametros[nombre].valores[-1].valor


def norma_corta(p: Parametros, fuente: str) -> str:
    """'Res. CRC 3066 de 2011': a source's name up to its first parenthesis or comma."""
    return p.fuentes[fuente].norma.split(" (")[0].split(",")[0]


def fuentes_de_festivos(p: Parametros, dias: Iterable[date]) -> str:
    """'Ley 2578 de 2026': the sources of the holidays on `dias` (those the file dates on its own)."""
    nombres = []
    for dia in dias:
        fuente, _ = p.festivo(dia, nombre_festivo(dia) or "")
        nombre = norma_corta(p, fuente)
        if nombre not in nombres:
            nombres.append(nombre)
    return texto.lista(nombres)


def plazo(meses: int) -> str:
    """'un año' for 12 months (as Ley 1480 art. 41 words it), 'dos años', else '18 meses'."""
    if meses % 12:
        return texto.plural(meses, "mes", "meses")
    anios = meses // 12
    return "un año" if anios == 1 else f"{texto.en_letras(anios)} años"


@cache
def valores(p: Parametros) -> dict[str, str]:
    """Every law value a title or summary states, by placeholder name, as it reads in a sentence."""
    recurso = p.parametros["recurso_dias_habiles_seguro"].valores
    aviso = p.parametros["aviso_terminacion_dias_habiles"].valores
    return {
        "cobertura": texto.fecha(p.primera_fecha("cobertura_desde")),
        "anio_cobertura": str(p.primera_fecha("cobertura_desde").year),
        "regimen_inicial": norma_corta(p, p.parametros["regimen"].valores[0].valor),
        "regimen_actual_desde": texto.fecha(p.parametros["regimen"].valores[-1].desde),
        "movil_prohibida_desde": texto.fecha(desde(p, "permanencia_movil_prohibida", True)),
        "meses_maximo": str(actual(p, "permanencia_meses_maximo")),
        "plazo_maximo": plazo(actual(p, "permanencia_meses_maximo")),
        "suspension_meses": texto.plural(actual(p, "suspension_voluntaria_meses_por_anio"),
                                         "mes", "meses"),
        "aviso_dias": str(aviso[-1].valor),
        "aviso_dias_antes": str(aviso[0].valor),
        "aviso_norma": norma_corta(p, aviso[-1].fuente),
        "retracto_dias": str(actual(p, "retracto_dias_habiles")),
        "umbral_fijo": texto.numero(actual(p, "umbral_horas_internet_fijo")),
        "umbral_fijo_desde": str(p.primera_fecha("umbral_horas_internet_fijo").year),
        "umbral_television": texto.numero(actual(p, "umbral_horas_television")),
        "voz_movil_derogada_desde": texto.fecha(desde(p, "compensacion_automatica_voz_movil", False)),
        "voz_movil_norma": norma_corta(p, p.parametros["compensacion_automatica_voz_movil"]
                                       .valores[-1].fuente),
        "respuesta_dias": str(actual(p, "respuesta_pqr_dias_habiles")),
        "recurso_dias": str(actual(p, "recurso_dias_habiles")),
        "recurso_seguro_dias_antes": str(recurso[0].valor),
        "recurso_verificado_desde": texto.fecha(recurso[-1].desde),
    }


def redactar(plantilla: str, p: Parametros) -> str:
    """A title or summary with its `{nombre}` placeholders filled from the parameter file."""
    return plantilla.format_map(valores(p))
