"""Helpers for the letters' tests: build a scenario, render it, read the PDF's text."""

from __future__ import annotations

import io
import re
from functools import cache

from pypdf import PdfReader

from letters import render_pdf, render_text
from rules import Caso, Decision, evaluar, validar_caso
from tests.letters.escenarios import ESCENARIOS


def normalizar(texto: str) -> str:
    """Undo automatic hyphenation (U+2010 at a line end), rejoin numbers broken after a hyphen
    (a CUN or a NIT at a line end), and collapse whitespace."""
    texto = re.sub("\u2010\\s*\n", "", texto)
    texto = re.sub(r"(?<=\d-)\s*\n(?=\d)", "", texto)
    return " ".join(texto.split())


def texto_pdf(pdf: bytes) -> str:
    """All the text of a PDF, normalised."""
    lector = PdfReader(io.BytesIO(pdf))
    return normalizar("\n".join(p.extract_text() for p in lector.pages))


@cache
def caso_y_decision(nombre: str) -> tuple[Caso, Decision]:
    """A scenario validated and evaluated (cached: models are frozen)."""
    caso = validar_caso(ESCENARIOS[nombre][0]())
    return caso, evaluar(caso)


@cache
def pdf_de(nombre: str, tipo: str) -> bytes:
    """The PDF of one scenario and kind (cached across tests)."""
    caso, decision = caso_y_decision(nombre)
    return render_pdf(caso, decision, tipo)


@cache
def texto_de(nombre: str, tipo: str) -> str:
    """The plain text of one scenario and kind, normalised."""
    caso, decision = caso_y_decision(nombre)
    return normalizar(render_text(caso, decision, tipo))
