"""The input boundary: every question a person answers, declared once, and one set of converters.

The web interview, the form ↔ `Caso` mapping and error placement are generated from `PREGUNTAS`;
the batch door reads every spreadsheet cell with `convertir` and `dentro_de_limites`, so both
accept the same spellings and say the same Spanish message; `nombre_columna` names its columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from entrada import conversion
from entrada.columnas import GRUPOS_COLUMNA, nombre_columna
from entrada.conversion import ErrorEntrada, normalizar
from entrada.modelo import Campo, Limites, campos, limites
from entrada.pregunta import Grupo, Pregunta
from entrada.preguntas import BLOQUE_DE, BLOQUES, GRUPOS, PREGUNTAS, Bloque

__all__ = ["BLOQUES", "BLOQUE_DE", "GRUPOS", "GRUPOS_COLUMNA", "PREGUNTAS", "Bloque", "Campo", "ErrorEntrada",
           "Grupo", "Limites", "Pregunta", "campos", "convertir", "convertir_respuesta", "dentro_de_limites",
           "limites", "nombre_columna", "normalizar"]


def convertir(tipo: str, valor: str | Sequence[str], opciones: Sequence[str] = ()) -> Any:
    """Read one answer of a kind (`pesos`, `fecha`, `fecha_hora`, `tres`, `opcion`, `lista`…).

    Raises `ErrorEntrada` with a Spanish message and an example when the spelling is refused.
    """
    if tipo == "lista":
        return conversion.lista(valor, opciones)
    texto = valor if isinstance(valor, str) else ",".join(valor)
    if tipo == "opcion":
        return conversion.opcion(texto, opciones)
    if tipo in ("casilla", "si_no"):
        return conversion.tres(texto) is True
    return conversion.CONVERSORES[tipo](texto)


def convertir_respuesta(p: Pregunta, valor: str | Sequence[str]) -> Any:
    """Read the answer to `p` and check the model's limits (length, minimum, maximum)."""
    return dentro_de_limites(convertir(p.tipo, valor, [c for c, _ in p.opciones if c]), p.limites)


def dentro_de_limites(resultado: Any, lim: Limites) -> Any:
    """`resultado` unchanged if it is within the model's limits; otherwise `ErrorEntrada`."""
    if isinstance(resultado, str) and lim.maximo_largo and len(resultado) > lim.maximo_largo:
        raise ErrorEntrada(f"Escriba como máximo {lim.maximo_largo} caracteres "
                           f"(lleva {len(resultado)}).")
    if isinstance(resultado, int) and not isinstance(resultado, bool):
        # The model's own words (rules.errores), so that the API says the same.
        if lim.minimo is not None and resultado < lim.minimo:
            raise ErrorEntrada(f"Debe ser mayor o igual a {lim.minimo}.")
        if lim.maximo is not None and resultado > lim.maximo:
            raise ErrorEntrada(f"Debe ser menor o igual a {lim.maximo}.")
    return resultado
