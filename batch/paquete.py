"""The pack (zip) of a finished batch, built once by the worker that finished it and stored, so the
download is ready the moment the batch ends."""

from __future__ import annotations

import io
from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from batch.informe import escribir_zip
from store.db import BaseDeDatos
from store.models import Paquete


@dataclass(frozen=True)
class Contenido:
    """What a pack holds, for the finished page."""

    cartas: int
    impresion: bool
    informes: list[str]


def preparar_paquete(bd: BaseDeDatos, lote_id: str) -> bool:
    """Build and store the batch's zip unless someone already did or is doing it; True if built here.

    A pack whose builder died stays unfinished: the download then builds the zip on the spot.
    """
    try:
        with bd.sesiones.begin() as s:
            s.add(Paquete(lote_id=lote_id, listo=False, nombres=[]))
    except IntegrityError:
        return False  # another worker claimed it
    destino = io.BytesIO()
    nombres = escribir_zip(bd, lote_id, destino)
    with bd.sesiones.begin() as s:
        s.execute(update(Paquete).where(Paquete.lote_id == lote_id)
                  .values(listo=True, contenido=destino.getbuffer(), nombres=nombres))
    return True


def paquete_listo(bd: BaseDeDatos, lote_id: str) -> bytes | None:
    """The stored zip, if it is ready."""
    with bd.sesiones() as s:
        paquete = s.get(Paquete, lote_id)
        return paquete.contenido if paquete is not None and paquete.listo else None


def contenido_paquete(bd: BaseDeDatos, lote_id: str) -> Contenido | None:
    """What the ready pack holds (None while it is being built or was never built)."""
    with bd.sesiones() as s:
        paquete = s.get(Paquete, lote_id)
        if paquete is None or not paquete.listo:
            return None
        nombres = list(paquete.nombres)
    return Contenido(cartas=sum(n.startswith("cartas/") for n in nombres),
                     impresion="impresion.pdf" in nombres,
                     informes=[n for n in nombres if not n.startswith("cartas/") and n != "impresion.pdf"])


def estado_paquete(bd: BaseDeDatos, lote_id: str) -> str:
    """`listo`, `preparando` (a worker is building it) or `no` (never started: built on download)."""
    with bd.sesiones() as s:
        paquete = s.get(Paquete, lote_id)
        return "no" if paquete is None else ("listo" if paquete.listo else "preparando")
