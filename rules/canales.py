"""Where to file (rulebook Q1, Q4): the operators' PQR channels and the SIC's, as dated, sourced data."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rules.decision import Estado
from rules.parametros import ParametrosInvalidos

ARCHIVO = Path(__file__).with_name("canales.yaml")


class _Estricto(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Canal(_Estricto):
    """One way to file, with the source it was read in and that source's status."""

    nombre: str = Field(min_length=3)
    url: str | None = Field(default=None, pattern=r"^https://")
    fuente: str = Field(min_length=3)
    estado: Estado


class Canales(_Estricto):
    """Every operator's channels, those all operators must offer, and the SIC's."""

    consultado: date
    operadores: dict[str, list[Canal]]
    todos: list[Canal] = Field(min_length=1)
    sic: list[Canal] = Field(min_length=1)

    def del_operador(self, clave: str) -> list[Canal]:
        """The channels of the operator `clave` (the addressee's key), then those all must offer."""
        return [*self.operadores.get(clave, []), *self.todos]


@cache
def canales(ruta: Path | str = ARCHIVO) -> Canales:
    """The validated channel file; a mistake in it stops start-up like one in parametros.yaml."""
    try:
        return Canales.model_validate(yaml.safe_load(Path(ruta).read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as e:
        raise ParametrosInvalidos(f"{ruta}: {e}") from e
