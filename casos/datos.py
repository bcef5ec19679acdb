"""Data subjects' rights and retention (Ley 1581 de 2012): export, delete, purge. Logs carry ids only."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from casos.evaluacion import titular
from store.casos import CasoGuardado, Consentimiento
from store.db import olvidar_al_confirmar
from store.models import Combinado, Documento, Fila, Lote, Paquete, ahora

registro = logging.getLogger(__name__)


def _iso(valor: date | datetime | None) -> str | None:
    return None if valor is None else valor.isoformat()


def exportar_caso(s: Session, guardado: CasoGuardado) -> dict[str, Any]:
    """Everything stored about one saved case, as JSON-ready data."""
    autorizaciones = s.scalars(
        select(Consentimiento).where(Consentimiento.caso_id == guardado.id).order_by(Consentimiento.id)
    )
    return {
        "caso_actual": guardado.caso,
        "caso_guardado": guardado.caso_base,
        "eventos": [
            {"tipo": e.tipo, "fecha": _iso(e.fecha), "datos": e.datos, "registrado": _iso(e.creado)}
            for e in guardado.eventos
        ],
        "autorizaciones": [
            {
                "finalidad": a.finalidad,
                "texto": a.texto,
                "version_politica": a.version_politica,
                "otorgada": _iso(a.otorgado),
                "medio": a.medio,
                "revocada": _iso(a.revocado),
            }
            for a in autorizaciones
        ],
        "correo_avisos": guardado.correo_avisos,
        "creado": _iso(guardado.creado),
        "ultima_actividad": _iso(guardado.actualizado),
        "estado": guardado.estado,
        "cerrado": guardado.cerrado,
    }


def _es_del_titular(caso: dict[str, Any] | None, huella: str) -> bool:
    return caso is not None and titular(caso) == huella


def _filas_del_titular(s: Session, huella: str) -> list[Fila]:
    """Batch rows of this data subject (rows keep the case as JSON: scanned, not indexed)."""
    filas = s.scalars(select(Fila).where(Fila.caso.is_not(None)).execution_options(yield_per=500))
    return [f for f in filas if _es_del_titular(f.caso, huella)]


@dataclass(frozen=True)
class Titular:
    """A data subject, named by document type and number."""

    tipo_documento: str
    numero_documento: str

    @property
    def huella(self) -> str:
        """The index the saved cases carry."""
        return titular(
            {"usuario": {"tipo_documento": self.tipo_documento, "numero_documento": self.numero_documento}}
        )


def exportar_titular(s: Session, quien: Titular) -> dict[str, Any]:
    """Everything about one data subject: saved cases and batch rows (with their letters' names)."""
    casos = s.scalars(
        select(CasoGuardado).where(CasoGuardado.titular == quien.huella).order_by(CasoGuardado.id)
    )
    filas = _filas_del_titular(s, quien.huella)
    return {
        "casos_guardados": [exportar_caso(s, c) for c in casos],
        "filas_de_lotes": [
            {
                "lote": f.lote_id,
                "fila": f.numero,
                "caso": f.caso,
                "resumen": f.resumen,
                "cartas": [d.nombre for d in f.documentos],
            }
            for f in filas
        ],
    }


def borrar_titular(s: Session, quien: Titular) -> tuple[int, int]:
    """Delete one data subject everywhere; returns (cases deleted, batch rows emptied)."""
    casos = list(s.scalars(select(CasoGuardado.id).where(CasoGuardado.titular == quien.huella)))
    if casos:
        s.execute(delete(CasoGuardado).where(CasoGuardado.id.in_(casos)))
    filas = _filas_del_titular(s, quien.huella)
    for f in filas:
        _vaciar_fila(s, f)
    olvidar_al_confirmar(s)
    for caso_id in casos:
        registro.info("caso %d borrado (derechos del titular)", caso_id)
    for f in filas:
        registro.info("fila %d del lote %s vaciada (derechos del titular)", f.id, f.lote_id)
    return len(casos), len(filas)


def _vaciar_fila(s: Session, fila: Fila) -> None:
    """Remove a row's personal data and letters, and every combined PDF and pack that held them."""
    s.execute(delete(Documento).where(Documento.fila_id == fila.id))
    s.execute(delete(Paquete).where(Paquete.lote_id == fila.lote_id))  # rebuilt without it on download
    for combinado in s.scalars(select(Combinado).where(Combinado.lote_id == fila.lote_id)):
        if any(p and p[0] == fila.numero for p in combinado.paginas or []):
            s.delete(combinado)
    fila.caso = None
    fila.resumen = None
    fila.referencia = fila.ciudad = None
    fila.errores = [{"fila": fila.numero, "columna": "", "mensaje": "Datos borrados a pedido del titular."}]
    if fila.estado in ("pendiente", "en_proceso"):
        fila.estado = "cancelada"


def recalcular_huellas(s: Session) -> int:
    """Recompute every saved case's `titular` from its stored document (after the key changed, or
    from the old unkeyed SHA-256); return how many changed."""
    cambiados = 0
    for guardado in s.scalars(select(CasoGuardado).execution_options(yield_per=500)):
        huella = titular(guardado.caso_base)
        if guardado.titular != huella:
            guardado.titular = huella
            cambiados += 1
    return cambiados


@dataclass(frozen=True)
class Retencion:
    """How long data is kept, in days (from configuration)."""

    casos: int
    cerrados: int
    lotes: int


TABLAS_PURGADAS = ["casos", "eventos", "consentimientos", "casos_pqr", "recordatorios", "lotes",
                   "lotes_organizacion", "filas", "documentos", "combinados"]
"""Tables a purge deletes from (directly or by cascade): VACUUM runs on them afterwards."""


def purgar(s: Session, plazos: Retencion, simular: bool = False) -> tuple[list[int], list[str]]:
    """Delete cases idle longer than their retention and old batches; return their ids."""
    momento = ahora()
    condicion = or_(
        CasoGuardado.actualizado < momento - timedelta(days=plazos.casos),
        (CasoGuardado.cerrado.is_(True))
        & (CasoGuardado.actualizado < momento - timedelta(days=plazos.cerrados)),
    )
    casos = list(s.scalars(select(CasoGuardado.id).where(condicion).order_by(CasoGuardado.id)))
    lotes = list(s.scalars(select(Lote.id).where(Lote.creado < momento - timedelta(days=plazos.lotes))))
    if simular:
        return casos, lotes
    olvidar_al_confirmar(s)
    if casos:
        s.execute(delete(CasoGuardado).where(CasoGuardado.id.in_(casos)))
    if lotes:
        s.execute(delete(Lote).where(Lote.id.in_(lotes)))
    for caso_id in casos:
        registro.info("caso %d borrado (retención)", caso_id)
    for lote_id in lotes:
        registro.info("lote %s borrado (retención)", lote_id)
    return casos, lotes
