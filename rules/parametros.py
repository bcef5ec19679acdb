"""The dated, cited parameter file: loaded and validated once, looked up by the date of the facts."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from stdnum.co import nit as co_nit

from rules.decision import Cita, Estado, ParametroUsado

ARCHIVO = Path(__file__).with_name("parametros.yaml")


class ParametrosInvalidos(RuntimeError):
    """The parameter file is wrong: the engine refuses to start."""


class _Estricto(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Fuente(_Estricto):
    """A legal source as the rulebook gives it."""

    norma: str = Field(min_length=3)
    articulo: str | None = None
    estado: Estado
    url: str | None = Field(default=None, pattern=r"^https://")
    tipo: Literal["norma", "comunicado", "decision", "doctrina"] = "norma"

    @model_validator(mode="after")
    def _articulo_solo_verificado(self) -> Fuente:
        if self.articulo is not None and self.estado != "V":
            raise ValueError("an article number may only be given for a V (verified) source")
        return self


class ValorFechado(_Estricto):
    """A parameter value in force from `desde`."""

    desde: date
    valor: Any
    fuente: str
    estado: Estado


class Parametro(_Estricto):
    """A parameter and its history of values."""

    descripcion: str = Field(min_length=3)
    unidad: Literal["fecha", "fuente", "booleano", "meses", "dias_habiles", "horas", "factor"]
    valores: list[ValorFechado] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordenado(self) -> Parametro:
        fechas = [v.desde for v in self.valores]
        if fechas != sorted(fechas) or len(set(fechas)) != len(fechas):
            raise ValueError("values must be in strictly increasing `desde` order")
        for v in self.valores:
            _revisar_unidad(self.unidad, v.valor)
        return self


_TIPO_DE_UNIDAD: dict[str, type | tuple[type, ...]] = {
    "fecha": date, "fuente": str, "booleano": bool, "meses": int,
    "dias_habiles": int, "horas": (int, float), "factor": (int, float),
}


def _revisar_unidad(unidad: str, valor: Any) -> None:
    esperado = _TIPO_DE_UNIDAD[unidad]
    if not isinstance(valor, esperado) or (unidad != "booleano" and isinstance(valor, bool)):
        raise ValueError(f"value {valor!r} is not a {unidad}")


class OperadorDatos(_Estricto):
    """An operator's legal identity for addressing letters."""

    marca: str
    razon_social: str
    nit: str = Field(pattern=r"^\d{9}$")
    dv: str | None = Field(default=None, pattern=r"^\d$")
    estado: Estado
    servicios_fijos: str | None = None  # another operator key that contracts the fixed services


class FestivoPosterior(_Estricto):
    """A holiday created after Ley 51 de 1983, recognised by its name in the holiday calendar."""

    nombre_contiene: str = Field(min_length=3)
    desde: date
    fuente: str
    estado: Estado


class Festivos(_Estricto):
    """The legal basis of the holiday calendar, and the holidays with their own source."""

    fuente: str
    estado: Estado
    posteriores: list[FestivoPosterior] = []


class ArchivoParametros(_Estricto):
    """The whole parameter file."""

    version: str = Field(pattern=r"^co-telecom/\d{4}-\d{2}$")
    fuentes: dict[str, Fuente]
    parametros: dict[str, Parametro]
    festivos: Festivos
    operadores: dict[str, OperadorDatos]

    @model_validator(mode="after")
    def _referencias(self) -> ArchivoParametros:
        for nombre, parametro in self.parametros.items():
            for v in parametro.valores:
                if v.fuente not in self.fuentes:
                    raise ValueError(f"{nombre}: unknown source {v.fuente!r}")
                if parametro.unidad == "fuente" and v.valor not in self.fuentes:
                    raise ValueError(f"{nombre}: unknown source {v.valor!r}")
        con_fuente: list[Festivos | FestivoPosterior] = [self.festivos, *self.festivos.posteriores]
        for f in con_fuente:
            if f.fuente not in self.fuentes:
                raise ValueError(f"festivos: unknown source {f.fuente!r}")
        for clave, op in self.operadores.items():
            if op.servicios_fijos is not None and op.servicios_fijos not in self.operadores:
                raise ValueError(f"operador {clave}: unknown operator {op.servicios_fijos!r}")
            calculado = co_nit.calc_check_digit(op.nit)
            if op.dv is not None and op.dv != calculado:
                raise ValueError(f"operador {clave}: NIT check digit {op.dv} != computed {calculado}")
        return self


@dataclass(frozen=True)
class Operador:
    """An operator as letters address it; `nit` includes the computed check digit."""

    clave: str
    marca: str
    razon_social: str
    nit: str
    estado: Estado
    servicios_fijos: str | None = None


class Parametros:
    """Lookups into the validated parameter file."""

    def __init__(self, archivo: ArchivoParametros) -> None:
        self.version = archivo.version
        self.fuentes = archivo.fuentes
        self.parametros = archivo.parametros
        self.festivos = archivo.festivos
        self._fechas = {n: [v.desde for v in p.valores] for n, p in archivo.parametros.items()}
        self._citas = {k: Cita(norma=f.norma, articulo=f.articulo, estado=f.estado, url=f.url,
                             tipo=f.tipo)
                       for k, f in archivo.fuentes.items()}
        self.operadores = {
            clave: Operador(clave, op.marca, op.razon_social, _nit_formateado(op.nit), op.estado,
                            op.servicios_fijos)
            for clave, op in archivo.operadores.items()
        }

    def vigente(self, nombre: str, fecha: date) -> ValorFechado | None:
        """The value of `nombre` in force on `fecha`, or None when none was in force yet."""
        i = bisect.bisect_right(self._fechas[nombre], fecha)
        return self.parametros[nombre].valores[i - 1] if i else None

    def _valor(self, nombre: str, fecha: date, tipos: tuple[type, ...], que_es: str) -> Any:
        """The value in force, checked against `tipos` (a bool is never taken for a number)."""
        v = self.vigente(nombre, fecha)
        if v is None:
            return None
        if not isinstance(v.valor, tipos) or (isinstance(v.valor, bool) and bool not in tipos):
            raise TypeError(f"parameter {nombre!r} is not {que_es}: {v.valor!r}")
        return v.valor

    def entero(self, nombre: str, fecha: date) -> int | None:
        """The whole-number value (months, business days, hours) of `nombre` in force on `fecha`."""
        valor: int | None = self._valor(nombre, fecha, (int,), "a whole number")
        return valor

    def numero(self, nombre: str, fecha: date) -> float | None:
        """The numeric value (hours, factor) of `nombre` in force on `fecha`."""
        valor = self._valor(nombre, fecha, (int, float), "a number")
        return None if valor is None else float(valor)

    def booleano(self, nombre: str, fecha: date) -> bool | None:
        """The yes/no value of `nombre` in force on `fecha`."""
        valor: bool | None = self._valor(nombre, fecha, (bool,), "a yes/no value")
        return valor

    def clave(self, nombre: str, fecha: date) -> str | None:
        """The source key that `nombre` (a parameter of unit `fuente`) gives on `fecha`."""
        valor: str | None = self._valor(nombre, fecha, (str,), "a source key")
        return valor

    def usado(self, nombre: str, fecha: date) -> ParametroUsado | None:
        """Like `vigente`, as the record a finding carries."""
        v = self.vigente(nombre, fecha)
        if v is None:
            return None
        return ParametroUsado(nombre=nombre, valor=v.valor, desde=v.desde, estado=v.estado,
                              fuente=self.fuentes[v.fuente].norma)

    def primera_fecha(self, nombre: str) -> date:
        """The first date `nombre` has a value."""
        return self._fechas[nombre][0]

    def festivo(self, dia: date, nombre: str) -> tuple[str, Estado]:
        """The source key and status of the holiday `nombre` on `dia`."""
        for f in self.festivos.posteriores:
            if dia >= f.desde and f.nombre_contiene.lower() in nombre.lower():
                return f.fuente, f.estado
        return self.festivos.fuente, self.festivos.estado

    def cita(self, fuente: str) -> Cita:
        """The citation of a source key."""
        return self._citas[fuente]


def _nit_formateado(base: str) -> str:
    return f"{base[:3]}.{base[3:6]}.{base[6:]}-{co_nit.calc_check_digit(base)}"


def cargar(ruta: Path | str = ARCHIVO) -> Parametros:
    """Load and validate a parameter file; raise `ParametrosInvalidos` with the reason."""
    try:
        datos = yaml.safe_load(Path(ruta).read_text(encoding="utf-8"))
        return Parametros(ArchivoParametros.model_validate(datos))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ParametrosInvalidos(f"Archivo de parámetros inválido ({ruta}): {exc}") from exc


@cache
def parametros() -> Parametros:
    """The project's parameter file, loaded once per process."""
    return cargar()
