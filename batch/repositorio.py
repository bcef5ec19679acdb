"""Batch job state in the database: create, claim, finish, resume, cancel, progress.

Each row is processed at least once and at most once: a worker claims a row with a conditional
UPDATE that stores a fresh token, and its result (summary + documents) is written in one
transaction only if the row still carries that token. A row whose worker died stays `en_proceso`
until `reanudar` puts it back to `pendiente`; a late result from the dead claim is then discarded.

A batch goes `pendiente` → `en_curso` → `terminado` (or `cancelado`), each step one conditional
UPDATE, so it is finalised exactly once whoever stores the last result and in whatever order:
every result is followed by a closing statement that sees it, and nothing moves a finished batch
back. `Fila.reclamada` is when a row was last claimed or handed again to a runner: a batch with no
claim, result or hand-off for `PAUSA_DETENIDO` is stopped, and only then may the web resume it.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import exists, func, or_, select, update

from batch.conversion import FilaLeida
from batch.proceso import LIMITE_SEGUNDOS_FILA
from store.db import BaseDeDatos
from store.models import Documento, Fila, Lote, ahora

TERMINADOS = ("ok", "error", "cancelada")
ABIERTOS = ("pendiente", "en_curso")  # batch states that still take results
# A live worker stores or abandons a row within its time limit: past this, nobody is working.
PAUSA_DETENIDO = timedelta(seconds=LIMITE_SEGUNDOS_FILA + 60)


@dataclass(frozen=True)
class Progreso:
    """Counts of a batch's rows by state."""

    estado: str
    total: int
    pendientes: int
    en_proceso: int
    ok: int
    error: int
    canceladas: int
    ultima_actividad: datetime | None = None  # latest claim, result or hand-off (or creation)

    def detenido(self, pausa: timedelta = PAUSA_DETENIDO, momento: datetime | None = None) -> bool:
        """Whether the batch has rows left but nothing happened to it for `pausa`."""
        if self.terminado or self.estado not in ABIERTOS or self.ultima_actividad is None:
            return False
        return self.ultima_actividad < (momento or ahora()) - pausa

    @property
    def hechas(self) -> int:
        """Rows with their one result."""
        return self.ok + self.error + self.canceladas

    @property
    def terminado(self) -> bool:
        """Whether every row has its result."""
        return self.hechas == self.total


@dataclass(frozen=True)
class Duenos:
    """Who a batch belongs to: an organisation (and the account that made it), or no one but the
    uploading session and its private link (`clave`, stored as its fingerprint)."""

    archivo: str = ""
    origen: str = "web"
    organizacion_id: int | None = None
    cuenta_id: int | None = None
    clave: str | None = None


def huella(token: str) -> str:
    """A one-way fingerprint of an owner token (the token itself is never stored)."""
    return hashlib.sha256(token.encode()).hexdigest()


def crear_lote(bd: BaseDeDatos, filas: Iterable[FilaLeida], propietario: str,
               consentimiento: dict[str, Any], tipos: list[str] | None = None,
               evento: dict[str, Any] | None = None, combinado: bool = False,
               errores_archivo: list[dict[str, Any]] | None = None,
               duenos: Duenos | None = None) -> str:
    """Store a batch and its rows; invalid rows get their one (error) result right away."""
    # Hex, not URL-safe base64: an id starting with '-' reads as an option on the command line.
    lote_id = secrets.token_hex(24)
    duenos = duenos or Duenos()
    with bd.sesiones.begin() as s:
        lote = Lote(id=lote_id, propietario=huella(propietario), consentimiento=consentimiento,
                    tipos=tipos, evento=evento, combinado=combinado, estado="pendiente",
                    errores_archivo=errores_archivo or [], archivo=Path(duenos.archivo).name[:160],
                    origen=duenos.origen, organizacion_id=duenos.organizacion_id,
                    cuenta_id=duenos.cuenta_id,
                    clave=None if duenos.clave is None else huella(duenos.clave))
        s.add(lote)
        total = 0
        for leida in filas:
            total += 1
            valida = leida.caso is not None and not leida.errores  # a repeated row keeps its case
            s.add(Fila(
                lote_id=lote_id, numero=leida.numero,
                caso=None if leida.caso is None else leida.caso.model_dump(mode="json"),
                tipos=leida.tipos, estado="pendiente" if valida else "error",
                errores=None if valida else [vars(e) for e in leida.errores],
                terminada=None if valida else ahora(),
                referencia=leida.referencia or None, operador=leida.operador,
                ciudad=None if leida.ciudad is None else leida.ciudad[:120],
            ))
        lote.total = total
    return lote_id


def lote_de(bd: BaseDeDatos, lote_id: str, propietario: str | None = None) -> Lote | None:
    """The batch, if it exists (and belongs to `propietario` when one is given)."""
    with bd.sesiones() as s:
        lote = s.get(Lote, lote_id)
        if lote is None or (propietario is not None
                            and not secrets.compare_digest(lote.propietario, huella(propietario))):
            return None
        return lote


def pendientes(bd: BaseDeDatos, lote_id: str) -> list[int]:
    """Ids of the rows still waiting to be processed, in spreadsheet order."""
    with bd.sesiones() as s:
        return list(s.scalars(select(Fila.id).where(Fila.lote_id == lote_id,
                                                    Fila.estado == "pendiente")
                              .order_by(Fila.numero)))


def marcar_en_curso(bd: BaseDeDatos, lote_id: str) -> None:
    """Record that a new batch's rows were handed to a runner (never reopens a finished one)."""
    with bd.sesiones.begin() as s:
        s.execute(update(Lote).where(Lote.id == lote_id, Lote.estado == "pendiente")
                  .values(estado="en_curso"))


def reclamar(bd: BaseDeDatos, fila_id: int) -> tuple[str, Fila] | None:
    """Claim a pending row of a live batch; return (token, row) or None if someone else has it."""
    ficha = secrets.token_hex(16)
    vivo = select(Lote.id).where(Lote.estado != "cancelado").scalar_subquery()
    with bd.sesiones.begin() as s:
        hecho = s.execute(
            update(Fila)
            .where(Fila.id == fila_id, Fila.estado == "pendiente", Fila.lote_id.in_(vivo))
            .values(estado="en_proceso", ficha=ficha, reclamada=ahora(), intentos=Fila.intentos + 1)
        )
        if hecho.rowcount != 1:
            return None
        fila = s.get(Fila, fila_id)
        assert fila is not None
        s.expunge(fila)
        return ficha, fila


def terminar(bd: BaseDeDatos, fila_id: int, ficha: str, estado: str, resumen: dict[str, Any] | None,
             documentos: list[tuple[str, str, bytes, str | None]],
             errores: list[dict[str, Any]] | None = None) -> bool:
    """Store a claimed row's one result atomically; False if the claim was lost meanwhile."""
    with bd.sesiones.begin() as s:
        hecho = s.execute(
            update(Fila)
            .where(Fila.id == fila_id, Fila.ficha == ficha, Fila.estado == "en_proceso")
            .values(estado=estado, ficha=None, resumen=resumen, errores=errores, terminada=ahora())
        )
        if hecho.rowcount != 1:
            return False  # the claim was lost: nothing was changed
        s.add_all(Documento(fila_id=fila_id, nombre=n, tipo=t, contenido=c, texto=x)
                  for n, t, c, x in documentos)
    with bd.sesiones() as s:
        lote_id = s.scalar(select(Fila.lote_id).where(Fila.id == fila_id))
    cerrar_si_termino(bd, lote_id)  # type: ignore[arg-type]
    return True


def cerrar_si_termino(bd: BaseDeDatos, lote_id: str) -> bool:
    """Mark the batch `terminado` once no row is waiting or in progress; True for the one caller
    whose statement did it.

    One statement (the check and the change together): whoever stores the last result runs it
    after that result is committed, so it sees every result and the batch closes exactly once.
    """
    falta = exists().where(Fila.lote_id == lote_id, Fila.estado.in_(("pendiente", "en_proceso")))
    with bd.sesiones.begin() as s:
        hecho = s.execute(update(Lote).where(Lote.id == lote_id, Lote.estado.in_(ABIERTOS), ~falta)
                          .values(estado="terminado"))
        return hecho.rowcount == 1


def reanudar(bd: BaseDeDatos, lote_id: str, pausa: timedelta | None = None) -> list[int]:
    """Put rows left `en_proceso` by a dead run back to `pendiente`; return the rows to send.

    With `pausa` (the web), only a stopped batch is resumed: if anything was claimed, stored or
    handed off within `pausa`, nothing changes and nothing is returned, so a second press (or a
    press while workers run) is a no-op. Without it (the CLI, whose own runner has stopped) the
    batch is resumed at once. A finished or cancelled batch is never resumed.
    """
    momento = ahora()
    with bd.sesiones.begin() as s:
        # Lock the batch first (a row lock on PostgreSQL, the write lock on SQLite): concurrent
        # presses queue here, and each one below sees what the previous one committed.
        abierto = s.execute(update(Lote).where(Lote.id == lote_id, Lote.estado.in_(ABIERTOS))
                            .values(estado=Lote.estado))
        if abierto.rowcount != 1:
            return []
        if pausa is not None:
            corte = momento - pausa
            reciente = s.scalar(select(Fila.id).where(
                Fila.lote_id == lote_id, or_(Fila.reclamada > corte, Fila.terminada > corte)).limit(1))
            creado = s.scalar(select(Lote.creado).where(Lote.id == lote_id))
            if reciente is not None or (creado is not None and creado > corte):
                return []
        s.execute(update(Fila).where(Fila.lote_id == lote_id, Fila.estado == "en_proceso")
                  .values(estado="pendiente", ficha=None))
        ids = list(s.scalars(select(Fila.id).where(Fila.lote_id == lote_id, Fila.estado == "pendiente")
                             .order_by(Fila.numero)))
        # Handed off again now: the batch counts as moving, so a second press does nothing.
        s.execute(update(Fila).where(Fila.lote_id == lote_id, Fila.estado == "pendiente")
                  .values(reclamada=momento))
        s.execute(update(Lote).where(Lote.id == lote_id).values(estado="en_curso"))
    return ids


def cancelar(bd: BaseDeDatos, lote_id: str) -> None:
    """Stop a batch that is still open: rows not yet claimed get a `cancelada` result."""
    with bd.sesiones.begin() as s:
        hecho = s.execute(update(Lote).where(Lote.id == lote_id, Lote.estado.in_(ABIERTOS))
                          .values(estado="cancelado"))
        if hecho.rowcount == 1:
            s.execute(update(Fila).where(Fila.lote_id == lote_id, Fila.estado == "pendiente")
                      .values(estado="cancelada", terminada=ahora()))


def progreso(bd: BaseDeDatos, lote_id: str) -> Progreso:
    """Counts of the batch's rows by state."""
    with bd.sesiones() as s:
        lote = s.get(Lote, lote_id)
        cuentas = dict(s.execute(select(Fila.estado, func.count()).where(Fila.lote_id == lote_id)
                                 .group_by(Fila.estado)).all())
        reclamada, terminada = s.execute(select(func.max(Fila.reclamada), func.max(Fila.terminada))
                                         .where(Fila.lote_id == lote_id)).one()
    momentos = [m for m in (lote.creado if lote else None, reclamada, terminada) if m is not None]
    return Progreso(
        estado=lote.estado if lote else "desconocido", total=lote.total if lote else 0,
        pendientes=cuentas.get("pendiente", 0), en_proceso=cuentas.get("en_proceso", 0),
        ok=cuentas.get("ok", 0), error=cuentas.get("error", 0),
        canceladas=cuentas.get("cancelada", 0), ultima_actividad=max(momentos, default=None),
    )


@dataclass(frozen=True)
class LoteListado:
    """One line of a batch listing."""

    id: str
    archivo: str
    filas: int
    estado: str
    dueno: str
    creado: datetime
    origen: str
    importado: bool


def listar(bd: BaseDeDatos, organizacion_id: int | None = None, limite: int = 200) -> list[LoteListado]:
    """Batches, newest first (only an organisation's when one is given), with their owner's name."""
    from store.casos import LoteOrganizacion, Organizacion

    consulta = (select(Lote, Organizacion.nombre, LoteOrganizacion.lote_id)
                .outerjoin(Organizacion, Organizacion.id == Lote.organizacion_id)
                .outerjoin(LoteOrganizacion, LoteOrganizacion.lote_id == Lote.id)
                .order_by(Lote.creado.desc(), Lote.id).limit(limite))
    if organizacion_id is not None:
        consulta = consulta.where(Lote.organizacion_id == organizacion_id)
    with bd.sesiones() as s:
        return [LoteListado(lote.id, lote.archivo, lote.total, lote.estado,
                            org or ("línea de comandos" if lote.origen == "cli" else "enlace privado"),
                            lote.creado, lote.origen, importado is not None)
                for lote, org, importado in s.execute(consulta).all()]


def por_clave(bd: BaseDeDatos, clave: str) -> str | None:
    """The id of the batch a private link's token opens, if any."""
    with bd.sesiones() as s:
        return s.scalar(select(Lote.id).where(Lote.clave == huella(clave)))
