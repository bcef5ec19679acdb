"""Free text that can be printed on a letter: no control characters, no bidi overrides, no emoji in names.

NUL and the other C0/C1 controls do not print (or print as boxes) and can break the PDF and the text
letter; bidirectional overrides reorder what the reader sees against what is stored ("Trojan
Source"); lone surrogates cannot be encoded at all. Emoji have no place in a name printed on a formal
letter. Each check refuses the value with a Spanish message; the field's path comes from pydantic.
The single-line rule is also published as a JSON Schema `pattern`, so the OpenAPI document says
exactly what the API enforces.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from rules.texto import numero

# The same text is a Python and an ECMA-262 (JSON Schema) regular expression.
_BIDI = "\\u202a-\\u202e\\u2066-\\u2069"
_SEPARADORES = "\\u2028\\u2029"
_C0_C1 = "\\u0000-\\u001f\\u007f-\\u009f"
_C0_SALVO_LINEAS = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f"
_CLASE_LINEA = f"[^{_C0_C1}{_BIDI}{_SEPARADORES}\\ud800-\\udfff]*"
_CLASE_PARRAFO = f"[^{_C0_SALVO_LINEAS}{_BIDI}{_SEPARADORES}\\ud800-\\udfff]*"
PATRON_LINEA = f"^(?!\\s){_CLASE_LINEA}(?<!\\s)$"
"""One line of text: no control character (tab and newline included), no bidi override; as the API
takes it, no space at either end (forms and spreadsheets trim them first)."""
PATRON_PARRAFO = f"^(?!\\s){_CLASE_PARRAFO}(?<!\\s)$"
"""Paragraphs: tab, newline and carriage return allowed; no other control, no bidi override."""

_LINEA = re.compile(f"^{_CLASE_LINEA}$")
_PARRAFO = re.compile(f"^{_CLASE_PARRAFO}$")
_SALTOS = re.compile(r"[\t\n\r\u2028\u2029]")
_BIDI_RE = re.compile(f"[{_BIDI}]")

MENSAJE_CONTROL = ("Tiene caracteres de control invisibles que no se pueden imprimir en una carta. "
                   "Bórrelos y escriba el texto de nuevo.")
MENSAJE_SALTO = "Debe ir en una sola línea (sin saltos de línea ni tabuladores)."
MENSAJE_BIDI = ("Tiene caracteres invisibles que cambian el orden en que se ve el texto. Bórrelos y "
                "escriba el texto de nuevo.")
MENSAJE_EMOJI = "No puede llevar emoji ni símbolos gráficos; escríbalo solo con letras."


def _rechazar(texto: str, multilinea: bool) -> None:
    if _BIDI_RE.search(texto):
        raise PydanticCustomError("texto_bidi", MENSAJE_BIDI)
    if not multilinea and _SALTOS.search(texto):
        raise PydanticCustomError("texto_salto_de_linea", MENSAJE_SALTO)
    if not (_PARRAFO if multilinea else _LINEA).match(texto):
        raise PydanticCustomError("texto_control", MENSAJE_CONTROL)


def linea(texto: str | None) -> str | None:
    """Refuse control characters (newlines and tabs too) and bidi overrides in a one-line text."""
    if texto is not None:
        _rechazar(texto, multilinea=False)
    return texto


def parrafo(texto: str | None) -> str | None:
    """Refuse control characters other than tab/newline, and bidi overrides, in a longer text."""
    if texto is not None:
        _rechazar(texto, multilinea=True)
    return texto


def es_emoji(caracter: str) -> bool:
    """Whether a character is an emoji or a pictograph (or a piece of one: joiner, selector, tone)."""
    punto = ord(caracter)
    return (
        unicodedata.category(caracter) == "So"
        or 0x1F000 <= punto <= 0x1FAFF
        or punto in (0x200D, 0x20E3, 0xFE0E, 0xFE0F)
        or 0xE0020 <= punto <= 0xE007F  # tag characters (flag sequences)
    )


def sin_emoji(texto: str | None) -> str | None:
    """Refuse emoji and pictographs (names are printed on formal letters)."""
    if texto is not None and any(es_emoji(c) for c in texto):
        raise PydanticCustomError("texto_emoji", MENSAJE_EMOJI)
    return texto


TEXTO_LIBRE_MAXIMO = 20_000
"""Characters of free text (descriptions and the operator's reasons) one case may carry in all: about
seven pages of a letter. Each field has its own bound too; this one bounds their sum over many rows."""


def texto_libre(caso: Any) -> int:
    """Characters of the descriptions and reasons a case's letters quote."""
    textos = [f.descripcion for f in caso.fallas]
    textos += [c.descripcion for c in caso.cambios_unilaterales]
    textos += [g.descripcion for g in caso.gastos_adicionales]
    textos += [r.respuesta_motivos for r in caso.reclamaciones]
    return sum(len(t) for t in textos if t)


def revisar_texto_total(caso: Any) -> None:
    """Refuse a case whose free text, in all, is more than a letter can carry."""
    total = texto_libre(caso)
    if total > TEXTO_LIBRE_MAXIMO:
        raise PydanticCustomError(
            "texto_libre_excesivo",
            "Las descripciones del caso suman {total} caracteres; una carta admite hasta {maximo}. "
            "Acorte las descripciones de las fallas, los cambios, los gastos o las respuestas.",
            {"total": numero(total), "maximo": numero(TEXTO_LIBRE_MAXIMO)},
        )


PATRON_ANIOS = "^(199[0-9]|20[0-9]{2}|2100)-"
"""Dates and date-times from 1990 to 2100 (`rules.caso.ANIO_MINIMO`/`ANIO_MAXIMO`), as a pattern."""


def documentado(patron: str) -> Any:
    """A JSON Schema `pattern` for what a validator already enforces with its own Spanish message."""
    return Field(json_schema_extra={"pattern": patron})


# Each validator comes with the JSON Schema `pattern` that documents it (the validator enforces it,
# with its own Spanish message, so the pattern is not enforced a second time).
Linea = (AfterValidator(linea), Field(json_schema_extra={"pattern": PATRON_LINEA}))
"""A one-line text: `Annotated[str, Field(max_length=…), *Linea]`."""
Parrafo = (AfterValidator(parrafo), Field(json_schema_extra={"pattern": PATRON_PARRAFO}))
"""A text that may span lines: `Annotated[str, Field(max_length=…), *Parrafo]`."""
Nombre = (*Linea, AfterValidator(sin_emoji))
"""A name printed on a letter (one line, no emoji): `Annotated[str, Field(…), *Nombre]`."""
