"""A yes/no question in Spanish: "s", "sí", "si" say yes; "n", "no" or nothing say no."""

from __future__ import annotations

import unicodedata

import click

RESPUESTAS_SI = frozenset({"s", "si", "y", "yes"})
RESPUESTAS_NO = frozenset({"", "n", "no"})


def _normalizada(respuesta: str) -> str:
    sin_tildes = unicodedata.normalize("NFKD", respuesta.strip().lower())
    return "".join(c for c in sin_tildes if not unicodedata.combining(c))


def interpretar(respuesta: str) -> bool | None:
    """True for yes, False for no (an empty answer is no), None when the answer is neither."""
    normal = _normalizada(respuesta)
    if normal in RESPUESTAS_SI:
        return True
    if normal in RESPUESTAS_NO:
        return False
    return None


def confirmar(pregunta: str, err: bool = False) -> bool:
    """Ask `pregunta` until the answer is yes or no; the default (Enter) is no."""
    while True:
        respuesta = click.prompt(f"{pregunta} [s/N]", default="", show_default=False, err=err)
        decision = interpretar(respuesta)
        if decision is not None:
            return decision
        click.echo("Responda «s» (sí) o «n» (no).", err=err)
