"""The interview's pages and the helpers that name a form field (id, label, page) for the views."""

from __future__ import annotations

import re

from entrada import BLOQUE_DE, BLOQUES, GRUPOS, PREGUNTAS, Bloque, Grupo, Pregunta

__all__ = [
    "BLOQUES",
    "GRUPOS",
    "PASOS",
    "PREGUNTAS",
    "SUBCAMPOS",
    "Bloque",
    "Grupo",
    "Pregunta",
    "campo",
    "campo_id",
    "etiqueta",
    "paso_de",
]

PASOS: tuple[Bloque, ...] = BLOQUES


def sin_indices(nombre: str) -> str:
    """`fallas[2].fin` → `fallas[].fin`."""
    return re.sub(r"\[\d+\]", "[]", nombre)


def campo(nombre: str) -> Pregunta | None:
    """The question behind a form name such as `fallas[2].fin` (None if unknown)."""
    return PREGUNTAS.get(sin_indices(nombre))


def paso_de(nombre: str | None) -> str | None:
    """The page (step id) that asks a form field."""
    return BLOQUE_DE.get(sin_indices(nombre)) if nombre else None


def etiqueta(nombre: str) -> str:
    """A label that says where a form field is: 'Falla 2 — ¿Cuándo volvió el servicio?'."""
    c = campo(nombre)
    if c is None:
        return ""
    m = re.match(r"^(\w+)\[(\d+)\]\.", nombre)
    if m and m.group(1) in GRUPOS:
        return f"{GRUPOS[m.group(1)].fila} {int(m.group(2)) + 1} — {c.etiqueta}"
    return c.etiqueta


def campo_id(nombre: str) -> str:
    """The HTML id of a form field: `fallas[0].fin` → `campo-fallas-0-fin`."""
    return "campo-" + re.sub(r"[^A-Za-z0-9_]+", "-", nombre).strip("-")


class _Subgrupo:
    """A question asked as several fields (one per service), named by its Caso path."""

    def __init__(self, titulo: str) -> None:
        self.titulo = titulo


SUBCAMPOS: dict[str, _Subgrupo] = {
    "contrato.valores_por_servicio": _Subgrupo("Si lo sabe: ¿cuánto paga por cada servicio?")}
