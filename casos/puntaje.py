"""The operator scorecard: from an organisation's complaints, how operators answer them.

A complaint counts as "evaluable" once answered or once its term ran out; "in time" means answered on
or before the engine's deadline; silencio positivo means no answer, a late one or an incomplete one.
The figures describe the organisation's own cases, not the whole market.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from batch.salida_segura import celda_segura
from presentacion import etiquetas as et
from rules import texto as tx
from store.casos import PqrResumen

MUESTRA_MINIMA = 20  # below this, a share is shown with a warning


@dataclass
class Cifras:
    """Counts of complaints of one operator (and month)."""

    radicadas: int = 0
    en_curso: int = 0
    a_tiempo: int = 0
    tarde: int = 0
    sin_respuesta: int = 0
    incompletas: int = 0
    favorables: int = 0
    parciales: int = 0
    desfavorables: int = 0

    def sumar(self, otra: Cifras) -> None:
        """Add another set of counts to this one."""
        for nombre in vars(self):
            setattr(self, nombre, getattr(self, nombre) + getattr(otra, nombre))

    @property
    def evaluables(self) -> int:
        """Complaints answered or whose term ran out."""
        return self.radicadas - self.en_curso

    @property
    def silencio(self) -> int:
        """Complaints with silencio positivo (no answer, late, or incomplete in time)."""
        return self.sin_respuesta + self.tarde + self.incompletas

    def parte(self, valor: int) -> float | None:
        """A share of the evaluable complaints (None when there are none)."""
        return valor / self.evaluables if self.evaluables else None


@dataclass
class Operador:
    """One operator's totals and months."""

    clave: str
    total: Cifras = field(default_factory=Cifras)
    meses: dict[str, Cifras] = field(default_factory=dict)

    @property
    def nombre(self) -> str:
        """The brand's name."""
        return et.OPERADORES.get(self.clave, self.clave)


def puntaje(s: Session, organizacion_id: int, hoy: date) -> list[Operador]:
    """Per operator and month of filing, the counts the scorecard draws (operators by volume)."""
    p = PqrResumen
    respondida = p.respondida.is_not(None)

    def contar(condicion: ColumnElement[bool]) -> ColumnElement[int]:
        return func.sum(case((condicion, 1), else_=0))

    consulta = (
        select(
            p.operador,
            p.radicada,
            func.count(),
            contar(and_(p.respondida.is_(None), p.vence >= hoy)),
            contar(and_(respondida, p.respondida <= p.vence)),
            contar(and_(respondida, p.respondida > p.vence)),
            contar(and_(p.respondida.is_(None), p.vence < hoy)),
            contar(
                and_(respondida, p.respondida <= p.vence, p.incompleta.is_(True), p.sentido != "favorable")
            ),
            contar(p.sentido == "favorable"),
            contar(p.sentido == "parcial"),
            contar(p.sentido == "desfavorable"),
        )
        .where(p.organizacion_id == organizacion_id, p.radicada <= hoy)
        .group_by(p.operador, p.radicada)
    )
    operadores: dict[str, Operador] = {}
    for fila in s.execute(consulta):
        operador, radicada, *numeros = fila
        cifras = Cifras(*(int(n or 0) for n in numeros))
        op = operadores.setdefault(operador, Operador(operador))
        op.total.sumar(cifras)
        op.meses.setdefault(radicada.strftime("%Y-%m"), Cifras()).sumar(cifras)
    for op in operadores.values():
        op.meses = dict(sorted(op.meses.items()))
    return sorted(operadores.values(), key=lambda o: (-o.total.radicadas, o.clave))


def porcentaje(valor: float | None) -> str:
    """'87 %' or '—'."""
    return "—" if valor is None else f"{round(valor * 100)} %"


CABECERA = [
    "operador",
    "mes",
    "radicadas",
    "en_curso",
    "evaluables",
    "respondidas_a_tiempo",
    "respondidas_tarde",
    "sin_respuesta",
    "incompletas",
    "silencio_positivo",
    "favorables",
    "parciales",
    "desfavorables",
    "porcentaje_a_tiempo",
    "porcentaje_silencio_positivo",
]


def _filas(operadores: list[Operador]) -> Iterator[list[object]]:
    for op in operadores:
        for mes, c in [*op.meses.items(), ("total", op.total)]:
            a_tiempo = c.parte(c.a_tiempo)
            silencio = c.parte(c.silencio)
            yield [
                op.nombre,
                mes,
                c.radicadas,
                c.en_curso,
                c.evaluables,
                c.a_tiempo,
                c.tarde,
                c.sin_respuesta,
                c.incompletas,
                c.silencio,
                c.favorables,
                c.parciales,
                c.desfavorables,
                "" if a_tiempo is None else tx.numero(round(a_tiempo * 100, 1)),
                "" if silencio is None else tx.numero(round(silencio * 100, 1)),
            ]


def csv_puntaje(operadores: list[Operador]) -> bytes:
    """The scorecard as CSV (UTF-8 with BOM, `;`, formula-safe cells), one line per operator and month."""
    salida = io.StringIO()
    escritor = csv.writer(salida, delimiter=";", lineterminator="\r\n")
    escritor.writerow(CABECERA)
    for fila in _filas(operadores):
        escritor.writerow([celda_segura(v) for v in fila])
    return ("\ufeff" + salida.getvalue()).encode("utf-8")
