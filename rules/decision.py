"""The decision (`Decisión`): the engine's answer, exactly as in shared/spec/contract.md."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

Resultado = Literal["cumple", "no_cumple", "falta_informacion", "no_aplica", "no_cubierto"]
Fuerza = Literal["solida", "requiere_prueba", "argumentable"]
Estado = Literal["V", "S", "U"]
TipoCarta = Literal["queja", "terminacion", "silencio_positivo", "recurso", "queja_sic"]
TipoPlazo = Literal[
    "respuesta_pqr", "cumplimiento_sap", "recurso", "queja_sic", "aviso_terminacion", "retracto"
]

TIPOS_CARTA: tuple[str, ...] = ("queja", "terminacion", "silencio_positivo", "recurso", "queja_sic")


class Salida(BaseModel):
    """Base of every output model."""

    model_config = ConfigDict(frozen=True)


class Cita(Salida):
    """A legal source; `articulo` is printed only when the rulebook marks it V."""

    norma: str
    articulo: str | None = None
    estado: Estado
    url: str | None = None


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


class SilencioPositivo(Salida):
    """Whether silencio administrativo positivo applies to one PQR."""

    cun: str | None = None
    aplica: bool
    desde: date | None = None
    causa: Literal["sin_respuesta", "respuesta_tardia", "respuesta_incompleta"] | None = None
    reclamacion: int | None = None


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

    def hallazgo(self, id_o_regla: str) -> Hallazgo | None:
        """Return the finding with this id or rulebook id (e.g. 'P1' or 'P1-movil-prohibida')."""
        for h in self.hallazgos:
            if h.id == id_o_regla or h.regla == id_o_regla:
                return h
        return None
