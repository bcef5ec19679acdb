"""The dashboard's queries: an organisation's cases by status, overdue first, with filters.

Every query starts from `organizacion_id = :org`: another organisation's rows are never read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from casos.situacion import ESTADOS
from presentacion import etiquetas as et
from store.casos import CasoGuardado, LoteOrganizacion

POR_PAGINA = 50


@dataclass(frozen=True)
class Filtros:
    """The dashboard's filters (invalid values are ignored)."""

    estado: str = ""
    operador: str = ""
    ciudad: str = ""
    desde: date | None = None
    hasta: date | None = None
    pagina: int = 1

    @classmethod
    def de(cls, args: Any) -> Filtros:
        """Read the filters from the query string."""

        def _fecha(nombre: str) -> date | None:
            try:
                return date.fromisoformat(args.get(nombre, ""))
            except ValueError:
                return None

        pagina = args.get("pagina", "1")
        return cls(
            estado=args.get("estado", "") if args.get("estado", "") in ESTADOS else "",
            operador=args.get("operador", "") if args.get("operador", "") in et.OPERADORES else "",
            ciudad=args.get("ciudad", "")[:120],
            desde=_fecha("desde"),
            hasta=_fecha("hasta"),
            pagina=min(int(pagina), 100_000) if pagina.isdigit() and int(pagina) > 0 else 1,
        )

    def enlace(self, **cambios: Any) -> dict[str, Any]:
        """Query-string arguments for a link with some filters changed."""
        f = replace(self, **cambios)
        args = {
            "estado": f.estado,
            "operador": f.operador,
            "ciudad": f.ciudad,
            "desde": f.desde.isoformat() if f.desde else "",
            "hasta": f.hasta.isoformat() if f.hasta else "",
            "pagina": f.pagina if f.pagina > 1 else "",
        }
        return {k: v for k, v in args.items() if v}


@dataclass(frozen=True)
class FilaPanel:
    """One case in the dashboard's list."""

    id: int
    nombre: str
    operador: str
    ciudad: str
    estado: str
    proxima_carta: str | None
    proximo_plazo: str | None
    proximo_vence: date | None
    vencido_desde: date | None
    urgencia: date | None
    creado: datetime
    lote: bool


# A row of `listar`'s details query, in its column order.
_FilaBD = tuple[int, str | None, str, str, str, str | None, str | None, date | None, date | None, date | None,
                datetime, str | None]


def _condiciones(organizacion_id: int, f: Filtros) -> list[ColumnElement[bool]]:
    c = CasoGuardado
    condiciones: list[ColumnElement[bool]] = [c.organizacion_id == organizacion_id]
    if f.estado:
        condiciones.append(c.estado == f.estado)
    if f.operador:
        condiciones.append(c.operador == f.operador)
    if f.ciudad:
        condiciones.append(c.ciudad == f.ciudad)
    if f.desde:
        condiciones.append(c.creado >= datetime.combine(f.desde, time()))
    if f.hasta:
        condiciones.append(c.creado < datetime.combine(f.hasta + timedelta(days=1), time()))
    return condiciones


def listar(
    s: Session, organizacion_id: int, f: Filtros, total: int | None = None
) -> tuple[list[FilaPanel], int]:
    """One page of the organisation's cases, overdue first, then by the next deadline; and how many match.

    `total`: the organisation's count when already known (used only when no filter is set).
    """
    c = CasoGuardado
    condiciones = _condiciones(organizacion_id, f)
    if total is None or len(condiciones) > 1:
        total = s.scalar(select(func.count()).select_from(c).where(*condiciones)) or 0
    # The page's ids first (an index scan in dashboard order), then only those rows' details: rows
    # skipped by the offset never have their case document read.
    pagina = (
        select(c.id)
        .where(*condiciones)
        .order_by(c.urgencia.asc().nulls_last(), c.id.asc())
        .limit(POR_PAGINA)
        .offset((f.pagina - 1) * POR_PAGINA)
    )
    ids = list(s.scalars(pagina))
    detalles = select(
        c.id,
        c.caso["usuario"]["nombre"].as_string(),
        c.operador,
        c.ciudad,
        c.estado,
        c.proxima_carta,
        c.proximo_plazo,
        c.proximo_vence,
        c.vencido_desde,
        c.urgencia,
        c.creado,
        c.lote_id,
    ).where(c.organizacion_id == organizacion_id, c.id.in_(ids))
    # SQLAlchemy 2.1's select() rows reach mypy as Row[*tuple[Any, ...]], which it unpacks as
    # `object`: cast to the selected columns' types.
    filas_bd = cast("Iterable[_FilaBD]", s.execute(detalles)) if ids else ()
    por_id = {r[0]: r for r in filas_bd}
    filas = [
        FilaPanel(id_, nombre or "", operador, ciudad, estado, carta, plazo, vence, vencido, urgencia,
                  creado, lote_id is not None)
        for (id_, nombre, operador, ciudad, estado, carta, plazo, vence, vencido, urgencia, creado,
             lote_id) in (por_id[i] for i in ids)
    ]
    return filas, total


@dataclass(frozen=True)
class Resumen:
    """The organisation's totals: cases by status, how many are overdue, and their cities."""

    por_estado: dict[str, int]
    vencidos: int
    ciudades: list[str]

    @property
    def total(self) -> int:
        """All the organisation's cases."""
        return sum(self.por_estado.values())


def resumen(s: Session, organizacion_id: int, hoy: date) -> Resumen:
    """Counts by status, overdue cases and the list of cities, in one pass over the organisation's rows."""
    c = CasoGuardado
    consulta = (
        select(c.estado, c.ciudad, func.count(), func.sum(case((c.urgencia < hoy, 1), else_=0)))
        .where(c.organizacion_id == organizacion_id)
        .group_by(c.estado, c.ciudad)
    )
    cuentas: dict[str, int] = {}
    vencidos, ciudades = 0, set()
    # Typed by hand: see `listar`.
    filas = cast("Iterable[tuple[str, str, int, int | None]]", s.execute(consulta))
    for estado, ciudad, n, atrasados in filas:
        cuentas[estado] = cuentas.get(estado, 0) + n
        vencidos += int(atrasados or 0)
        ciudades.add(ciudad)
    return Resumen({e: cuentas.get(e, 0) for e in ESTADOS}, vencidos, sorted(ciudades)[:500])


def lotes(s: Session, organizacion_id: int) -> list[LoteOrganizacion]:
    """The batches imported into the organisation, newest first."""
    return list(
        s.scalars(
            select(LoteOrganizacion)
            .where(LoteOrganizacion.organizacion_id == organizacion_id)
            .order_by(LoteOrganizacion.importado.desc())
            .limit(50)
        )
    )
