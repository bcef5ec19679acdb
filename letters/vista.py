"""The letter's view model: the facts of a Caso and the conclusions of its Decisión, ready to print.

Nothing here decides anything legal: it selects, orders and labels what the case reports and what
the decision concluded, so that the templates only format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from letters import etiquetas
from rules import Caso, Decision
from rules.decision import CompensacionDecision, PermanenciaDecision, TerminacionDecision
from rules.parametros import parametros


@dataclass(frozen=True)
class Item:
    """One numbered entry of a letter (a fact, a ground or a request): a kind and its data."""

    clave: str
    datos: dict[str, Any] = field(default_factory=dict)
    subsidiaria: bool = False


@dataclass(frozen=True)
class Operador:
    """The operator as the letter names it."""

    nombre: str
    nit: str | None
    marca: str | None


@dataclass(frozen=True)
class Usuario:
    """The subscriber who signs."""

    nombre: str
    documento: str
    documento_abrev: str
    numero_documento: str
    direccion: str
    ciudad: str
    telefono: str | None
    correo: str | None


@dataclass(frozen=True)
class Contrato:
    """The contract, with labelled services."""

    numero: str | None
    servicios: list[str]
    claves: list[str]
    modalidad_movil: str | None
    fecha_inicio: date
    valor_mensual: int
    direccion_servicio: str | None


@dataclass(frozen=True)
class Falla:
    """One reported incident, as a row of the incidents table."""

    servicio: str
    inicio: datetime
    fin: datetime | None
    horas: float | None
    masiva: bool | None
    reportada: bool
    cun: str | None
    descripcion: str | None


@dataclass(frozen=True)
class MesFalla:
    """Hours without one service in one month, from the decision."""

    servicio: str
    el_servicio: str
    mes: str
    horas: float
    umbral: float | None
    supera: bool | None
    valor: int | None
    en_curso: bool


@dataclass(frozen=True)
class Reclamacion:
    """A PQR already filed, with the deadlines the decision computed for it."""

    indice: int
    tipo: str
    fecha: date
    canal: str
    cun: str | None
    pretensiones: list[str]
    claves: list[str]
    fecha_respuesta: date | None
    sentido: str | None
    incompleta: bool
    vence: date | None = None
    dias_habiles: int | None = None
    sap: bool = False
    sap_desde: date | None = None
    sap_causa: str | None = None
    cumplimiento_vence: date | None = None
    cumplimiento_horas: int | None = None
    recurso_vence: date | None = None
    recurso_dias: int | None = None
    vencido: bool = False
    femenino: bool = True
    referencia: str | None = None
    motivos: str | None = None
    sap_cumplido: bool | None = None
    estado: str | None = None  # the step's state in the decision's procedure


@dataclass(frozen=True)
class Carta:
    """Everything a letter template prints."""

    tipo: str
    titulo: str
    ciudad: str
    fecha: date
    operador: Operador
    usuario: Usuario
    contrato: Contrato
    cuns: list[str]
    fallas: list[Falla]
    meses: list[MesFalla]
    reclamaciones: list[Reclamacion]
    hechos: list[Item]
    fundamentos: list[Item]
    pretensiones: list[Item]
    anexos: list[Item]
    objeto: Reclamacion | None
    respuesta: Item | None
    aviso: str
    permanencia: PermanenciaDecision
    terminacion: TerminacionDecision
    compensacion: CompensacionDecision


def operador(caso: Caso, decision: Decision | None = None) -> Operador:
    """The addressee the decision chose (operator and services, §8), or the name the user typed."""
    if caso.operador == "otro":
        return Operador(nombre=caso.operador_nombre or "", nit=None, marca=None)
    clave = decision.destinatario.clave if decision and decision.destinatario else caso.operador
    datos = parametros().operadores[clave]
    return Operador(nombre=datos.razon_social, nit=datos.nit, marca=datos.marca)


def usuario(caso: Caso) -> Usuario:
    """The subscriber with the document type spelled out."""
    u = caso.usuario
    nombre_doc, abrev = etiquetas.DOCUMENTOS[u.tipo_documento]
    return Usuario(u.nombre, nombre_doc, abrev, u.numero_documento, u.direccion, u.ciudad,
                   u.telefono, u.correo)


def contrato(caso: Caso) -> Contrato:
    """The contract with its services in words."""
    c = caso.contrato
    return Contrato(
        numero=c.numero, servicios=[etiquetas.servicio(s) for s in c.servicios],
        claves=list(c.servicios),
        modalidad_movil=etiquetas.MODALIDADES.get(c.modalidad_movil or ""),
        fecha_inicio=c.fecha_inicio, valor_mensual=c.valor_mensual,
        direccion_servicio=c.direccion_servicio,
    )


def fallas(caso: Caso) -> list[Falla]:
    """Reported incidents in chronological order; an open incident has no end and no duration."""
    filas = []
    for f in sorted(caso.fallas, key=lambda f: (f.inicio, f.servicio)):
        horas = None if f.fin is None else round((f.fin - f.inicio).total_seconds() / 3600, 2)
        filas.append(Falla(etiquetas.servicio(f.servicio), f.inicio, f.fin, horas, f.masiva,
                           f.reportada, f.cun, f.descripcion))
    return filas


def meses(decision: Decision) -> list[MesFalla]:
    """Hours without service per service and month, as the decision counted them."""
    return [
        MesFalla(etiquetas.servicio(m.servicio), etiquetas.el_servicio(m.servicio), m.mes, m.horas,
                 m.umbral_horas, m.supera_umbral, m.valor_estimado, m.en_curso)
        for m in decision.compensacion.por_mes
    ]


def reclamaciones(caso: Caso, decision: Decision) -> list[Reclamacion]:
    """PQRs filed, each with the answer, silencio positivo and appeal dates of the decision."""
    plazos: dict[tuple[int, str], Any] = {
        (p.reclamacion, p.id): p for p in decision.plazos if p.reclamacion is not None
    }
    saps = {s.reclamacion: s for s in decision.silencio_positivo if s.reclamacion is not None}
    estados = {t.reclamacion: t.estado for t in decision.procedimiento}
    salida = []
    for i, r in enumerate(caso.reclamaciones):
        respuesta, cumplimiento, recurso = (plazos.get((i, k)) for k in
                                            ("respuesta_pqr", "cumplimiento_sap", "recurso"))
        sap = saps.get(i)
        salida.append(Reclamacion(
            indice=i, tipo=etiquetas.TIPOS_PQR[r.tipo], fecha=r.fecha_radicacion,
            canal=etiquetas.CANALES[r.canal], cun=r.cun,
            pretensiones=[etiquetas.PRETENSIONES[p] for p in r.pretensiones],
            claves=list(r.pretensiones), fecha_respuesta=r.fecha_respuesta,
            sentido=etiquetas.SENTIDOS.get(r.sentido_respuesta or ""),
            incompleta=r.respuesta_incompleta,
            vence=respuesta.vence if respuesta else None,
            dias_habiles=respuesta.dias_habiles if respuesta else None,
            vencido=bool(respuesta and respuesta.vencido), femenino=r.tipo != "recurso",
            sap=bool(sap and sap.aplica), sap_desde=sap.desde if sap else None,
            sap_causa=sap.causa if sap else None,
            cumplimiento_vence=cumplimiento.vence if cumplimiento else None,
            cumplimiento_horas=cumplimiento.horas if cumplimiento else None,
            recurso_vence=recurso.vence if recurso and not recurso.vencido else None,
            recurso_dias=recurso.dias_habiles if recurso else None,
            referencia=r.respuesta_referencia, motivos=r.respuesta_motivos, sap_cumplido=r.sap_cumplido,
            estado=estados.get(i),
        ))
    return salida


def cuns(caso: Caso) -> list[str]:
    """Every CUN the case reports, once, in order of appearance."""
    todos = [r.cun for r in caso.reclamaciones] + [f.cun for f in caso.fallas]
    if caso.solicitud_terminacion is not None:
        todos.append(caso.solicitud_terminacion.cun)
    return list(dict.fromkeys(c for c in todos if c))
