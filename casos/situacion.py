"""Where a saved case stands: its status, the next deadline, overdue ones and the next letter.

Pure: it reads the `Caso`, the engine's `Decision` and the timeline, never the clock. Letters the
subscriber already filed are not offered again; deadlines that no longer matter (an appeal already
filed, the SIC complaint once made) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from presentacion import PRIORIDAD_CARTAS
from rules import Caso, Decision, Plazo, TipoCarta
from rules import texto as tx

ESTADOS: dict[str, str] = {
    "recurso_abierto": "Corre el plazo para presentar el recurso",
    "silencio_positivo": "El operador no respondió a tiempo: opera el silencio administrativo positivo",
    "terminacion_solicitada": "Terminación pedida: el contrato termina al final del periodo",
    "esperando_respuesta": "Esperando la respuesta del operador",
    "puede_ir_a_sic": "Puede acudir a la Superintendencia de Industria y Comercio",
    "ante_la_sic": "Queja presentada ante la Superintendencia de Industria y Comercio",
    "por_presentar": "Hay una carta por presentar",
    "en_seguimiento": "Sin plazos pendientes",
    "cerrado": "Caso cerrado",
}

ESTADOS_CORTOS: dict[str, str] = {
    "recurso_abierto": "Recurso en plazo",
    "silencio_positivo": "Silencio positivo",
    "terminacion_solicitada": "Terminación pedida",
    "esperando_respuesta": "Esperando respuesta",
    "puede_ir_a_sic": "Puede ir a la SIC",
    "ante_la_sic": "Ante la SIC",
    "por_presentar": "Carta por presentar",
    "en_seguimiento": "Sin plazos pendientes",
    "cerrado": "Cerrado",
}


@dataclass(frozen=True)
class Hecho:
    """One timeline event as the situation reads it."""

    tipo: str
    fecha: date
    datos: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Situacion:
    """The case's status, its deadlines that still matter, and what to do next."""

    estado: str
    plazos: list[Plazo]
    proximo: Plazo | None
    vencidos: list[Plazo]
    proxima_carta: TipoCarta | None
    carta_desde: date | None
    cartas_pendientes: list[TipoCarta]
    termina_el: date | None = None  # a termination requested: the day the contract ends

    @property
    def titulo(self) -> str:
        """The status in Spanish (with the day the contract ends once termination was requested)."""
        if self.estado == "terminacion_solicitada" and self.termina_el is not None:
            return f"Terminación pedida: el contrato termina el {tx.fecha(self.termina_el)}"
        return ESTADOS[self.estado]

    @property
    def vencido_desde(self) -> date | None:
        """The day after the oldest overdue deadline that still calls for action."""
        fechas = [p.vence for p in self.vencidos if p.vence is not None]
        return min(fechas) + timedelta(days=1) if fechas else None

    @property
    def urgencia(self) -> date | None:
        """Sort key of the dashboard: the oldest overdue deadline, else the next one (None when closed).

        Overdue deadlines are in the past and upcoming ones are not, so ascending order puts overdue
        cases first; "overdue on day D" is simply `urgencia < D`, even for a row evaluated days ago.
        """
        if self.estado == "cerrado":
            return None
        vencidas = [p.vence for p in self.vencidos if p.vence is not None]
        return min(vencidas) if vencidas else (self.proximo.vence if self.proximo else None)


def _radicadas(hechos: Iterable[Hecho]) -> dict[str, list[date]]:
    radicadas: dict[str, list[date]] = {}
    for h in hechos:
        if h.tipo == "carta_radicada":
            radicadas.setdefault(str(h.datos.get("carta")), []).append(h.fecha)
        elif h.tipo == "queja_sic_radicada":
            radicadas.setdefault("queja_sic", []).append(h.fecha)
    return radicadas


def _desde(radicadas: dict[str, list[date]], carta: str, dia: date) -> bool:
    """Whether letter `carta` was filed on or after `dia`."""
    return any(f >= dia for f in radicadas.get(carta, []))


def _recurso_radicado(caso: Caso, p: Plazo) -> bool:
    return any(r.tipo == "recurso" and r.fecha_radicacion >= p.desde for r in caso.reclamaciones)


def situacion(caso: Caso, decision: Decision, hechos: list[Hecho], cerrado: bool = False) -> Situacion:
    """The situation of a saved case evaluated as of `decision.fecha_evaluacion`."""
    hoy = decision.fecha_evaluacion
    radicadas = _radicadas(hechos)
    terminado = any(h.tipo == "contrato_terminado" for h in hechos)
    pedida = caso.solicitud_terminacion is not None and not terminado
    sap_abiertos = [
        s.desde
        for s in decision.silencio_positivo
        if s.aplica
        and s.desde
        and not _desde(radicadas, "silencio_positivo", s.desde)
        and not _cumplido(caso, s.reclamacion)
    ]
    recursos = [p for p in decision.plazos if p.id == "recurso" and not _recurso_radicado(caso, p)]
    sic_hecha = bool(radicadas.get("queja_sic"))

    hechas = {
        "silencio_positivo": not sap_abiertos,
        "recurso": not [p for p in recursos if not p.vencido],
        "queja_sic": sic_hecha,
        "terminacion": terminado or pedida,
    }
    pendientes = [c for c in PRIORIDAD_CARTAS if c in decision.cartas_sugeridas and not hechas.get(c, False)]

    plazos = []
    for p in decision.plazos:
        if p.id == "respuesta_pqr" and _respondida_a_tiempo(caso, p):
            continue  # answered: that term no longer matters
        if p.id == "recurso" and p not in recursos:
            continue
        if p.id in ("queja_sic", "cumplimiento_sap") and sic_hecha:
            continue
        if p.id == "cumplimiento_sap" and _cumplido(caso, p.reclamacion):
            continue
        if p.id == "aviso_terminacion" and "terminacion" not in pendientes:
            continue
        if p.id == "terminacion_efectiva" and not pedida:
            continue  # the contract ended and the subscriber recorded it
        plazos.append(p)

    vencidos = [p for p in plazos if p.vencido and _accionable(caso, p, radicadas)]
    termina = next((p.vence for p in plazos if p.id == "terminacion_efectiva"), None)
    futuros = [p for p in plazos if p.vence is not None and not p.vencido and p.vence >= hoy]
    proximo = min(futuros, key=lambda p: p.vence or hoy) if futuros else None
    carta = pendientes[0] if pendientes else None
    return Situacion(
        estado=_estado(caso, hoy, cerrado, pendientes, plazos, sic_hecha, termina is not None),
        plazos=plazos,
        proximo=proximo,
        vencidos=vencidos,
        proxima_carta=carta,
        carta_desde=_carta_desde(carta, decision, sap_abiertos, recursos),
        cartas_pendientes=pendientes,
        termina_el=termina,
    )


def _cumplido(caso: Caso, indice: int | None) -> bool:
    """Whether the subscriber recorded that the operator carried out what silencio positivo granted."""
    return indice is not None and bool(caso.reclamaciones[indice].sap_cumplido)


def _respondida_a_tiempo(caso: Caso, p: Plazo) -> bool:
    r = caso.reclamaciones[p.reclamacion] if p.reclamacion is not None else None
    return (
        r is not None
        and r.fecha_respuesta is not None
        and p.vence is not None
        and r.fecha_respuesta <= p.vence
    )


def _accionable(caso: Caso, p: Plazo, radicadas: dict[str, list[date]]) -> bool:
    """An overdue deadline the subscriber can still act on (silencio positivo, the SIC)."""
    if p.id == "respuesta_pqr" and p.vence is not None:
        r = caso.reclamaciones[p.reclamacion] if p.reclamacion is not None else None
        if (
            r is not None
            and r.sentido_respuesta == "favorable"
            and not r.respuesta_incompleta
            and r.fecha_respuesta is not None
            and r.fecha_respuesta <= p.vence
        ):
            return False
        if _cumplido(caso, p.reclamacion):
            return False
        return not _desde(radicadas, "silencio_positivo", p.vence + timedelta(days=1))
    if p.id == "terminacion_efectiva":
        return True  # past the day it ends and not recorded as ended: check the bill, or complain
    return p.id == "cumplimiento_sap" and not radicadas.get("queja_sic")


def _estado(
    caso: Caso,
    hoy: date,
    cerrado: bool,
    pendientes: Sequence[str],
    plazos: list[Plazo],
    sic_hecha: bool,
    terminacion_pedida: bool = False,
) -> str:
    if cerrado:
        return "cerrado"
    if "recurso" in pendientes:
        return "recurso_abierto"
    if "silencio_positivo" in pendientes:
        return "silencio_positivo"
    if terminacion_pedida:
        return "terminacion_solicitada"
    corriendo = [
        p
        for p in plazos
        if p.id == "respuesta_pqr"
        and not p.vencido
        and p.vence
        and p.vence >= hoy
        and p.reclamacion is not None
        and caso.reclamaciones[p.reclamacion].fecha_respuesta is None
    ]
    if corriendo:
        return "esperando_respuesta"
    if "queja_sic" in pendientes:
        return "puede_ir_a_sic"
    if sic_hecha:
        return "ante_la_sic"
    if pendientes or not caso.reclamaciones:
        return "por_presentar"
    return "en_seguimiento"


def _carta_desde(
    carta: str | None, decision: Decision, sap: list[date], recursos: list[Plazo]
) -> date | None:
    """The day the next letter became available (None: it always was)."""
    if carta == "silencio_positivo" and sap:
        return min(sap)
    if carta == "recurso" and recursos:
        return min(p.desde for p in recursos)
    if carta == "queja_sic":
        return next((p.desde for p in decision.plazos if p.id == "queja_sic"), None)
    return None
