"""The one Jinja environment for letters (autoescape, StrictUndefined) and the letters' stylesheets."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined

from letters import formato

ORDINALES = (
    "primer", "segund", "tercer", "cuart", "quint", "sext", "séptim", "octav", "noven", "décim",
    "undécim", "duodécim", "decimotercer", "decimocuart", "decimoquint", "decimosext",
    "decimoséptim", "decimoctav", "decimonoven", "vigésim",
)


def ordinal(n: int, genero: str = "o") -> str:
    """'PRIMERO' / 'PRIMERA' for n = 1 (gender 'o' or 'a'); a plain number past twenty."""
    if 1 <= n <= len(ORDINALES):
        return (ORDINALES[n - 1] + genero).upper()
    return str(n)


@cache
def entorno() -> Environment:
    """The letters' Jinja environment, built once per process."""
    env = Environment(
        loader=PackageLoader("letters", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(formato.FILTROS)
    env.filters["ordinal"] = ordinal
    env.globals.update(formato.GLOBALES)
    return env


@cache
def hoja_de_estilo(tipo: str) -> str:
    """The print stylesheet of letter `tipo`: the shared base followed by the kind's own rules."""
    carpeta = files("letters") / "templates" / "css"
    base = (carpeta / "base.css").read_text(encoding="utf-8")
    propia = (carpeta / f"{tipo}.css").read_text(encoding="utf-8")
    return base + "\n" + propia
