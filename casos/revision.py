"""The daily run over every open case: evaluate it again as of today, update what changed, and collect
the reminders that fall due. Cases are read in chunks by id; evaluation runs on every core."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from sqlalchemy import select, update

from casos.evaluacion import derivados, evaluar_guardado, fecha_valida
from casos.situacion import Hecho, Situacion
from presentacion import redaccion
from rules import CasoInvalido
from rules import texto as tx
from store.casos import CasoGuardado, Evento
from store.db import BaseDeDatos

TANDA = 2000
COLUMNAS = (
    "estado",
    "proxima_carta",
    "proximo_plazo",
    "proximo_vence",
    "vencido_desde",
    "urgencia",
    "plazos",
    "evaluado",
)


@dataclass(frozen=True)
class Aviso:
    """One reminder item of one case."""

    caso_id: int
    clave: str
    texto: str


@dataclass
class Revision:
    """What a run did."""

    casos: int = 0
    cambiados: int = 0
    errores: int = 0
    segundos: float = 0.0
    avisos: list[Aviso] = field(default_factory=list)

    @property
    def por_segundo(self) -> float:
        """Cases evaluated per second."""
        return self.casos / self.segundos if self.segundos else 0.0


def avisos_de(caso_id: int, s: Situacion, hoy: date, dias_antes: tuple[int, ...]) -> list[Aviso]:
    """Reminders due today: deadlines `dias_antes` days ahead, and a letter available from today."""
    if s.estado == "cerrado":
        return []
    avisos = []
    for p in s.plazos:
        if p.vence is None or p.vencido:
            continue
        dias = (p.vence - hoy).days
        if dias in dias_antes:
            texto = (
                f"{redaccion.titulo(p, con_cun=False)}: vence {redaccion.en_dias(dias)}, el "
                f"{tx.fecha(p.vence)}. {redaccion.consecuencia(p)} {redaccion.certeza(p)}"
            ).strip()
            avisos.append(Aviso(caso_id, f"{p.id}:{p.reclamacion}:{p.vence.isoformat()}:{dias}", texto))
    if s.proxima_carta and s.carta_desde == hoy:
        avisos.append(
            Aviso(
                caso_id,
                f"carta:{s.proxima_carta}:{hoy.isoformat()}",
                f"Desde hoy puede presentar {redaccion.CARTAS_CORTAS[s.proxima_carta]}; "
                "la carta está lista para descargar.",
            )
        )
    return avisos


def _evaluar(
    tarea: tuple[
        int, dict[str, Any], list[tuple[str, date, dict[str, Any]]], dict[str, Any], date, tuple[int, ...]
    ],
) -> tuple[int, dict[str, Any] | None, list[Aviso], bool]:
    """One case: (id, changed columns or None, reminders, failed)."""
    caso_id, caso, eventos, antes, hoy, dias = tarea
    try:
        fecha, _ = fecha_valida(caso, None, hoy)
        ev = evaluar_guardado(caso, [Hecho(*e) for e in eventos], False, fecha)
    except (CasoInvalido, OverflowError, ValueError):
        return caso_id, None, [], True
    nuevos = {k: v for k, v in derivados(ev).items() if k in COLUMNAS}
    cambio = None if all(_igual(antes.get(k), v) for k, v in nuevos.items() if k != "evaluado") else nuevos
    return caso_id, cambio, avisos_de(caso_id, ev.situacion, hoy, dias), False


def _igual(a: Any, b: Any) -> bool:
    if isinstance(b, date) and isinstance(a, str):
        return a == b.isoformat()
    return bool(a == b)


def _tandas(bd: BaseDeDatos, hoy: date, dias: tuple[int, ...]) -> Iterator[list[tuple]]:
    ultimo = 0
    c = CasoGuardado
    while True:
        with bd.sesiones() as s:
            filas = s.execute(
                select(
                    c.id,
                    c.caso,
                    c.estado,
                    c.proxima_carta,
                    c.proximo_plazo,
                    c.proximo_vence,
                    c.vencido_desde,
                    c.urgencia,
                    c.plazos,
                )
                .where(c.cerrado.is_(False), c.id > ultimo)
                .order_by(c.id)
                .limit(TANDA)
            ).all()
            if not filas:
                return
            ids = [f[0] for f in filas]
            eventos: dict[int, list[tuple[str, date, dict[str, Any]]]] = {}
            # SQLAlchemy 2.1's select() rows reach mypy as Row[*tuple[Any, ...]], which it unpacks as
            # `object`: cast to the selected columns' types.
            filas_eventos = cast("Iterable[tuple[int, str, date, dict[str, Any] | None]]", s.execute(
                select(Evento.caso_id, Evento.tipo, Evento.fecha, Evento.datos)
                .where(Evento.caso_id.in_(ids))
                .order_by(Evento.id)
            ))
            for caso_id, tipo, fecha, datos in filas_eventos:
                eventos.setdefault(caso_id, []).append((tipo, fecha, datos or {}))
        ultimo = ids[-1]
        yield [
            (f[0], f[1], eventos.get(f[0], []), dict(zip(COLUMNAS, f[2:], strict=False)), hoy, dias)
            for f in filas
        ]


def revisar(
    bd: BaseDeDatos,
    hoy: date,
    dias_antes: tuple[int, ...] = (3, 1, 0),
    procesos: int | None = None,
    escribir: bool = True,
) -> Revision:
    """Evaluate every open case as of `hoy`; write the derived columns that changed; collect reminders."""
    procesos = procesos if procesos is not None else (os.cpu_count() or 1)
    resultado = Revision()
    inicio = time.perf_counter()
    grupo: Executor | None = ProcessPoolExecutor(procesos) if procesos > 1 else None
    try:
        for tanda in _tandas(bd, hoy, dias_antes):
            salida = grupo.map(_evaluar, tanda, chunksize=100) if grupo else map(_evaluar, tanda)
            cambios = []
            for caso_id, cambio, avisos, fallo in salida:
                resultado.casos += 1
                resultado.errores += fallo
                resultado.avisos.extend(avisos)
                if cambio is not None:
                    cambios.append({"id": caso_id, **cambio})
            if cambios and escribir:
                with bd.sesiones.begin() as s:
                    s.execute(update(CasoGuardado), cambios)
            resultado.cambiados += len(cambios)
    finally:
        if grupo is not None:
            grupo.shutdown()
    resultado.segundos = time.perf_counter() - inicio
    return resultado
