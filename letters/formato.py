"""The letters' Jinja filters and globals: the shared Spanish voice of `rules.texto`, by filter name."""

from __future__ import annotations

from rules.texto import (
    capitalizar,
    duracion,
    en_letras,
    fecha,
    fecha_hora,
    frase,
    horas,
    lista,
    mes,
    monto,
    numero,
    palabra,
    pesos,
    pesos_en_letras,
    plural,
    sin_punto,
)

# Older name kept for callers: the long date is `rules.texto.fecha`.
fecha_larga = fecha

__all__ = [
    "FILTROS", "GLOBALES", "capitalizar", "duracion", "en_letras", "fecha_hora", "fecha_larga", "frase",
    "horas", "lista", "mes", "monto", "numero", "palabra", "pesos", "pesos_en_letras", "plural",
    "sin_punto",
]

FILTROS = {
    "mes": mes,
    "sin_punto": sin_punto,
    "frase": frase,
    "fecha": fecha,
    "fecha_hora": fecha_hora,
    "numero": numero,
    "pesos": pesos,
    "en_letras": pesos_en_letras,
    "monto": monto,
    "horas": horas,
    "duracion": duracion,
    "lista": lista,
    "capitalizar": capitalizar,
}
GLOBALES = {"plural": plural, "palabra": palabra}
