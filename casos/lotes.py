"""Batch jobs land as cases: the valid rows of a batch become saved cases of an organisation."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import select

from casos import repositorio
from casos.textos import TEXTO_LOTE, VERSION_POLITICA
from presentacion import hoy_en_bogota
from rules import CasoInvalido, validar_caso
from store.casos import CasoGuardado, LoteOrganizacion, Organizacion
from store.db import BaseDeDatos
from store.models import Fila, Lote, ahora

registro = logging.getLogger(__name__)


class LoteNoImportable(ValueError):
    """The batch does not exist, or belongs to another organisation."""


def desde_lote(
    bd: BaseDeDatos,
    lote_id: str,
    organizacion_id: int,
    *,
    declarante: str | None = None,
    cuenta_id: int | None = None,
    hoy: date | None = None,
) -> int:
    """Save each valid row of a batch as a case of the organisation; return how many were added.

    Only a batch of this organisation, or of none (anonymous or command-line), is imported.
    Idempotent: rows already imported are skipped; repeated rows were never cases. The caller must
    hold the organisation's attestation that each subscriber authorised the follow-up
    (`TEXTO_LOTE`); it is recorded with every case, beside the batch's own attestation.
    """
    hoy = hoy or hoy_en_bogota()
    with bd.sesiones.begin() as s:
        lote = s.get(Lote, lote_id)
        if lote is None or s.get(Organizacion, organizacion_id) is None:
            raise LoteNoImportable("El lote o la organización no existen.")
        if lote.organizacion_id is not None and lote.organizacion_id != organizacion_id:
            raise LoteNoImportable("El lote pertenece a otra organización.")
        enlace = s.get(LoteOrganizacion, lote_id)
        if enlace is not None and enlace.organizacion_id != organizacion_id:
            raise LoteNoImportable("El lote pertenece a otra organización.")
        if enlace is None:
            enlace = LoteOrganizacion(
                lote_id=lote_id, organizacion_id=organizacion_id, importado=ahora(), casos=0
            )
            s.add(enlace)
        hechas = set(s.scalars(select(CasoGuardado.fila_numero).where(CasoGuardado.lote_id == lote_id)))
        quien = declarante or str((lote.consentimiento or {}).get("declarante", ""))
        nuevos = 0
        # SQLAlchemy 2.1's select() rows reach mypy as Row[*tuple[Any, ...]], which it unpacks as
        # `object`: cast to the selected columns' types.
        filas = cast("Sequence[tuple[int, dict[str, Any] | None]]", s.execute(
            select(Fila.numero, Fila.caso)
            .where(Fila.lote_id == lote_id, Fila.caso.is_not(None), Fila.estado != "error")
            .order_by(Fila.numero)
        ).all())
        for numero, datos in filas:
            if numero in hechas or datos is None:  # invalid rows keep JSON null
                continue
            try:
                caso = validar_caso(datos)
            except CasoInvalido:
                continue
            autorizacion = repositorio.Autorizacion(
                "seguimiento",
                TEXTO_LOTE,
                VERSION_POLITICA,
                "lote",
                cuenta_id=cuenta_id,
                detalle={"declarante": quien, "lote": lote_id, "atestacion_del_lote": lote.consentimiento},
            )
            repositorio.crear(
                s, caso, [autorizacion], hoy, organizacion_id=organizacion_id, lote=(lote_id, numero)
            )
            nuevos += 1
        enlace.casos += nuevos
    registro.info("lote %s: %d casos importados en la organización %d", lote_id, nuevos, organizacion_id)
    return nuevos
