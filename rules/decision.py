"""The decision (`Decisión`): the engine's answer, exactly as in shared/spec/contract.md."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict

Resultado = Literal["cumple", "no_cumple", "falta_informacion", "no_aplica", "no_cubierto"]
Fuerza = Literal["solida", "requiere_prueba", "argumentable"]
Estado = Literal["V", "S", "U"]
TipoCarta = Literal["queja", "terminacion", "silencio_positivo", "recurso", "queja_sic"]
TipoPlazo = Literal[
    "respuesta_pqr", "cumplimiento_sap", "recurso", "queja_sic", "aviso_terminacion", "retracto",
    "terminacion_efectiva",
]

TIPOS_CARTA: tuple[TipoCarta, ...] = get_args(TipoCarta)  # the letter kinds, in this order everywhere


class Salida(BaseModel):
    """Base of every output model."""

    model_config = ConfigDict(frozen=True)


class Cita(Salida):
    """A legal source; `articulo` is printed only when the rulebook marks it V."""

    norma: str
    articulo: str | None = None
    estado: Estado
    url: str | None = None
    # Extension: what the source is, so a letter cites a press release or a SIC decision as such.
    tipo: Literal["norma", "comunicado", "decision", "doctrina"] = "norma"


class ParametroUsado(Salida):
    """A dated parameter value a rule used, with its source and status."""

    nombre: str
    valor: Any
    desde: date
    estado: Estado
    fuente: str


class Hallazgo(Salida):
    """One rule evaluated on the case, held or not, with the why."""

    id: str
    regla: str
    resultado: Resultado
    titulo: str
    explicacion: str
    citas: list[Cita]
    fuerza: Fuerza | None = None
    parametros: list[ParametroUsado] = []
    faltantes: list[str] = []
    # Extension: whether this finding is good (true) or bad (false) news for the user, because what
    # `cumple` means depends on how the rule is worded (P2–P4: the clause meets a requirement, bad
    # news; B1–B6: a ground to leave without paying, good news; P8 `no_cumple`: no defect found).
    # null: neither (no_aplica, falta_informacion, no_cubierto, or a rule that only counts).
    favorece_al_usuario: bool | None = None


class PermanenciaDecision(Salida):
    """May the operator collect anything for leaving early, and how much at most."""

    existe: bool
    exigible: bool | None  # None: only grounds that need proof or can be disputed
    fecha_fin: date | None = None
    valor_maximo: int | None = None
    fundamentos: list[str] = []
    # Extensions: how strong the strongest ground is, and the amount if no ground prospers.
    fuerza: Fuerza | None = None
    valor_proporcional: int | None = None
    meses_restantes: int | None = None


class TerminacionDecision(Salida):
    """Can the user end the contract, without penalty, and from when."""

    puede_terminar: bool | None  # None: the evaluation date is outside the engine's coverage
    sin_penalidad: bool | None
    fecha_limite_aviso: date | None = None
    fecha_efectiva: date | None = None
    fundamentos: list[str] = []
    # Extensions: the request date the dates were computed from, and the notice in force.
    fecha_solicitud: date | None = None
    dias_habiles_aviso: int | None = None
    fecha_corte: date | None = None
    # Extensions: the next period's deadline beside this one's, and the dates in one plain sentence.
    fecha_limite_aviso_siguiente: date | None = None
    explicacion: str | None = None


class CompensacionMes(Salida):
    """Unavailability of one service in one calendar month."""

    servicio: str
    mes: str
    horas: float
    umbral_horas: float | None
    supera_umbral: bool | None
    valor_estimado: int | None
    automatica: bool
    # Extensions: the merged incidents counted, and the monthly charge used.
    incidentes: int = 0
    cargo_mensual: int | None = None
    en_curso: bool = False


class CompensacionDecision(Salida):
    """Compensation owed for unavailability, per service and month (an estimate)."""

    procede: bool
    por_mes: list[CompensacionMes] = []
    valor_estimado_total: int = 0
    estado_formula: Estado = "U"
    formula: str | None = None


class Plazo(Salida):
    """A legal term with its concrete dates."""

    id: TipoPlazo
    cun: str | None = None
    desde: date
    vence: date | None = None
    dias_habiles: int | None = None
    vencido: bool | None = None
    consecuencia: str
    # Extensions: hours for terms counted in hours, the source's status, the ground's id.
    horas: int | None = None
    estado: Estado | None = None
    fundamento: str | None = None
    reclamacion: int | None = None
    # Extensions (§7): the date depends on a reading that is debatable (a weekend filing, a holiday
    # whose status is U); the holidays of status U that the count depended on; why, in words.
    debatible: bool = False
    festivos_por_confirmar: list[date] = []
    nota: str | None = None


CausaSilencio = Literal["sin_respuesta", "respuesta_tardia", "respuesta_incompleta"]


class SilencioPositivo(Salida):
    """Whether silencio administrativo positivo applies to one PQR."""

    cun: str | None = None
    aplica: bool
    desde: date | None = None
    causa: CausaSilencio | None = None
    reclamacion: int | None = None


EstadoTramite = Literal[
    "en_termino", "respondida_favorable", "respondida_parcial", "respondida_desfavorable",
    "respondida_incompleta", "recurso_en_termino", "recurso_extemporaneo", "en_firme", "apelada",
    "silencio_positivo", "incumplido", "cumplida",
]
AccionPaso = Literal["esperar", "presentar", "ninguna"]


class SiguientePaso(Salida):
    """The one next step of a complaint: what to file, where, by when, and on what ground."""

    accion: AccionPaso
    descripcion: str
    carta: TipoCarta | None = None
    ante: Literal["operador", "SIC"] | None = None
    desde: date | None = None
    hasta: date | None = None  # never earlier than the evaluation date
    fundamento: str
    estado: Estado


class Tramite(Salida):
    """One complaint (petición, queja, recurso) as a dated step of the procedure."""

    reclamacion: int
    tipo: str
    cun: str | None = None
    estado: EstadoTramite
    radicada: date
    vence_respuesta: date
    respondida: date | None = None
    vence_recurso: date | None = None
    sap_desde: date | None = None
    cumplimiento_vence: date | None = None
    recurre: int | None = None  # for a recurso: the complaint whose answer it attacks
    recurrida_por: int | None = None
    siguiente_paso: SiguientePaso


class Destinatario(Salida):
    """Who the letters to the operator are addressed to, from the operator and the services."""

    clave: str
    razon_social: str
    nit: str | None = None
    estado: Estado | None = None
    confirmar: bool = False
    motivo: str | None = None


ClaveSolicitud = Literal[
    "terminar", "sin_permanencia", "compensacion", "reembolso_gastos", "informacion_falla",
    "copia_contrato", "revertir_cambio",
]


class Solicitud(Salida):
    """One request of the user: its principal and subsidiary form, strength, and where it goes."""

    id: ClaveSolicitud
    principal: str
    subsidiaria: str | None = None
    fuerza: Fuerza | None = None
    fundamentos: list[str] = []
    cartas: list[TipoCarta] = []
    omitida: dict[str, str] = {}  # letter kind → why this request is not in it


class Decision(Salida):
    """The engine's answer to a `Caso`."""

    version_reglas: str
    fecha_evaluacion: date
    regimen: str
    permanencia: PermanenciaDecision
    terminacion: TerminacionDecision
    compensacion: CompensacionDecision
    plazos: list[Plazo] = []
    silencio_positivo: list[SilencioPositivo] = []
    hallazgos: list[Hallazgo] = []
    faltantes: list[str] = []
    cartas_sugeridas: list[TipoCarta] = []
    advertencias: list[str] = []
    # Extension: every letter kind the decision supports (suggested or not), and why not the rest.
    cartas_posibles: list[TipoCarta] = []
    cartas_no_disponibles: dict[str, str] = {}
    # Extension: the answer term of a new PQR filed on fecha_evaluacion (the letter Salida drafts).
    respuesta_nueva_pqr: Plazo | None = None
    # Extensions: the procedure, step by step; the addressee; the requests as a ledger, and which
    # requests each letter carries.
    procedimiento: list[Tramite] = []
    destinatario: Destinatario | None = None
    solicitudes: list[Solicitud] = []
    cartas_solicitudes: dict[str, list[str]] = {}

    def hallazgo(self, id_o_regla: str) -> Hallazgo | None:
        """Return the finding with this id or rulebook id (e.g. 'P1' or 'P1-movil-prohibida')."""
        for h in self.hallazgos:
            if h.id == id_o_regla or h.regla == id_o_regla:
                return h
        return None
