"""The case (`Caso`): one subscriber's situation, exactly as in shared/spec/contract.md."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Annotated, Literal

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from rules.coherencia import problemas_de_fechas
from rules.texto_seguro import PATRON_ANIOS, Linea, Nombre, Parrafo, documentado, revisar_texto_total
from rules.tiempo import BOGOTA as BOGOTA  # re-exported: other packages import it from here
from rules.tiempo import en_bogota as en_bogota
from rules.tiempo import fin_del_dia as fin_del_dia

TipoDocumento = Literal["CC", "CE", "PA", "NIT", "PPT"]
Operador = Literal["claro", "movistar", "tigo", "tigo_une", "etb", "wom", "otro"]
Servicio = Literal["internet_fijo", "telefonia_fija", "television", "movil"]
ModalidadMovil = Literal["pospago", "prepago"]
Beneficio = Literal[
    "subsidio_equipo", "financiacion_equipo", "descuento_conexion", "descuento_tarifa",
    "ninguno", "desconocido",
]
TipoReclamacion = Literal["peticion", "queja", "recurso"]
Asunto = Literal["falla", "facturacion", "terminacion", "permanencia", "compensacion", "otro"]
Canal = Literal["oficina", "web", "telefono", "redes_sociales", "correo", "app"]
Sentido = Literal["favorable", "parcial", "desfavorable"]
Pretension = Literal[
    "terminar_sin_penalidad", "terminar", "compensacion", "reembolso_gastos",
    "informacion_falla", "copia_contrato", "revertir_cambio",
]

SERVICIOS_FIJOS: frozenset[str] = frozenset({"internet_fijo", "telefonia_fija", "television"})

Pesos = Annotated[int, Field(ge=0, le=10_000_000_000)]
TextoCorto = Annotated[str, Field(min_length=1, max_length=120), *Linea]
TextoLargo = Annotated[str, Field(min_length=1, max_length=1000), *Parrafo]
_CUN = re.compile(r"^[0-9][0-9 -]*[0-9]$")
ANIO_MINIMO, ANIO_MAXIMO = 1990, 2100
_DOCUMENTO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{2,19}$")
_SEPARADORES_DOCUMENTO = re.compile(r"[.,\s]")


def _error(tipo: str, mensaje: str) -> PydanticCustomError:
    return PydanticCustomError(tipo, mensaje)


def _revisar_cun(valor: str) -> str:
    if not _CUN.match(valor):
        raise _error("cun_invalido", "El CUN solo lleva números (y guiones o espacios).")
    return valor


Cun = Annotated[
    str, Field(min_length=4, max_length=40), AfterValidator(_revisar_cun), documentado(_CUN.pattern)
]


def _en_rango(valor: date) -> date:
    if not ANIO_MINIMO <= valor.year <= ANIO_MAXIMO:
        raise _error("fecha_fuera_de_rango",
                     f"La fecha debe estar entre los años {ANIO_MINIMO} y {ANIO_MAXIMO}.")
    return valor


def _sin_numeros(tipo: type[date]) -> BeforeValidator:
    """Refuse a number as a date (pydantic would read 1793752800 as Unix time; the form and batch
    refuse it). A text is parsed here exactly as strict JSON reads it, since the API's strict mode
    refuses a Python `str` once a validator has run."""
    lector = TypeAdapter(tipo)

    def revisar(valor: object) -> object:
        numero = isinstance(valor, int | float) and not isinstance(valor, bool)
        if numero or (isinstance(valor, str) and valor.strip().isdigit()):
            raise _error("fecha_como_numero",
                         "Escriba la fecha como texto ISO 8601 (por ejemplo 2026-11-03 o "
                         "2026-11-03T19:40), no como un número.")
        if isinstance(valor, str):
            try:
                return lector.validate_json(json.dumps(valor), strict=True)
            except ValidationError:
                return valor  # the field's own check reports it, in its own words
        return valor

    return BeforeValidator(revisar)


SinNumeroFecha, SinNumeroFechaHora = _sin_numeros(date), _sin_numeros(datetime)
Fecha = Annotated[date, SinNumeroFecha, AfterValidator(_en_rango), documentado(PATRON_ANIOS)]


class Modelo(BaseModel):
    """Base of every input model: strict names, no echo of personal data in errors."""

    model_config = ConfigDict(
        extra="forbid", hide_input_in_errors=True, str_strip_whitespace=True, frozen=True,
        use_attribute_docstrings=True,
    )


class Usuario(Modelo):
    """The subscriber, as printed on the letters."""

    nombre: Annotated[str, Field(min_length=1, max_length=120), *Nombre]
    """Nombre completo del usuario, como aparecerá en las cartas."""
    tipo_documento: TipoDocumento
    """Tipo de documento: CC (cédula), CE (cédula de extranjería), PA (pasaporte), NIT o PPT."""
    numero_documento: Annotated[str, Field(min_length=3, max_length=20), documentado(_DOCUMENTO.pattern)]
    """Número del documento de identidad, sin espacios."""
    direccion: Annotated[str, Field(min_length=3, max_length=200), *Linea]
    """Dirección para notificaciones."""
    ciudad: Annotated[str, Field(min_length=1, max_length=120), *Nombre]
    """Ciudad o municipio del usuario (encabeza las cartas)."""
    telefono: Annotated[str | None, Field(max_length=30), *Linea] = None
    """Teléfono de contacto (opcional)."""
    correo: Annotated[str | None, Field(max_length=254), *Linea] = None
    """Correo electrónico para notificaciones (opcional)."""

    @field_validator("numero_documento", mode="before")
    @classmethod
    def _sin_puntos(cls, valor: object) -> object:
        # '52.123.456' is how a cédula is often written; the form and batch store '52123456'.
        return _SEPARADORES_DOCUMENTO.sub("", valor) if isinstance(valor, str) else valor

    @field_validator("numero_documento")
    @classmethod
    def _documento(cls, valor: str) -> str:
        if not _DOCUMENTO.match(valor):
            raise _error("documento_invalido", "El número de documento solo lleva letras y números.")
        return valor

    @field_validator("telefono")
    @classmethod
    def _telefono(cls, valor: str | None) -> str | None:
        if not valor:
            return None
        try:
            numero = phonenumbers.parse(valor, "CO")
        except phonenumbers.NumberParseException:
            numero = None
        if numero is None or not phonenumbers.is_possible_number(numero):
            raise _error("telefono_invalido", "El teléfono no parece un número válido.")
        return valor

    @field_validator("correo")
    @classmethod
    def _correo(cls, valor: str | None) -> str | None:
        if not valor:
            return None
        try:
            return validate_email(valor, check_deliverability=False).normalized
        except EmailNotValidError:
            raise _error("correo_invalido", "El correo electrónico no es válido.") from None


class Contrato(Modelo):
    """The contract with the operator."""

    # Extension: optional (a person may not know it; the letters then go without it).
    numero: Annotated[str | None, Field(min_length=1, max_length=40), *Linea] = None
    """Número de cuenta, de contrato o de la línea (vacío: no lo sabe)."""
    servicios: Annotated[list[Servicio], Field(min_length=1, max_length=4)]
    """Servicios del contrato: internet_fijo, telefonia_fija, television, movil."""
    modalidad_movil: ModalidadMovil | None = None
    """Solo si hay servicio móvil: pospago o prepago."""
    fecha_inicio: Fecha
    """Fecha en que empezó el contrato (AAAA-MM-DD)."""
    # Extension: optional (a person may not know it; the termination date then stays open).
    dia_corte: Annotated[int | None, Field(ge=1, le=31)] = None
    """Día del mes en que cierra la factura (día de corte), de 1 a 31; aparece en la factura
    (vacío: no lo sabe)."""
    valor_mensual: Pesos
    """Lo que paga al mes, en pesos enteros."""
    direccion_servicio: Annotated[str | None, Field(max_length=200), *Linea] = None
    """Dirección donde se presta el servicio fijo (opcional)."""
    # Extensions to the contract document (see README):
    valores_por_servicio: dict[Servicio, Pesos] | None = None
    """Valor mensual de cada servicio, si lo conoce (mejora la estimación de la compensación)."""
    servicio_iniciado: bool | None = None
    """¿Empezó a prestarse el servicio? (vacío: no sabe)."""
    a_distancia: bool | None = None
    """¿Contrató por teléfono o internet? (vacío: no sabe)."""
    fecha_limite_instalacion: Fecha | None = None
    """Último día pactado para instalar o activar el servicio (opcional)."""

    @field_validator("servicios")
    @classmethod
    def _sin_repetidos(cls, valor: list[str]) -> list[str]:
        if len(set(valor)) != len(valor):
            raise _error("servicio_repetido", "Hay un servicio repetido.")
        return valor

    @model_validator(mode="after")
    def _coherente(self) -> Contrato:
        if self.modalidad_movil is not None and "movil" not in self.servicios:
            raise _error(
                "modalidad_sin_movil",
                "La modalidad móvil solo se indica cuando el contrato incluye servicio móvil.",
            )
        for servicio in self.valores_por_servicio or {}:
            if servicio not in self.servicios:
                raise _error(
                    "valor_servicio_ajeno",
                    "Hay un valor para un servicio que no está en el contrato.",
                )
        return self


class Permanencia(Modelo):
    """The minimum-permanence clause, when there is one."""

    fecha_inicio: Fecha
    """Fecha en que empezó la cláusula de permanencia."""
    meses: Annotated[int, Field(ge=1, le=60)]
    """Duración pactada de la permanencia, en meses."""
    beneficio: Beneficio = "desconocido"
    """Beneficio recibido a cambio de la permanencia (subsidio o financiación del equipo,
    descuento en la conexión o en la tarifa, ninguno, o desconocido)."""
    valor_beneficio: Pesos | None = None
    """Valor del beneficio en pesos (vacío: no sabe)."""
    documento_separado: bool | None = None
    """¿La permanencia consta en un documento aparte firmado por usted? (vacío: no sabe)."""
    ofrecieron_plan_sin_permanencia: bool | None = None
    """¿Le ofrecieron el mismo plan sin permanencia? (vacío: no sabe)."""
    valor_exigido: Pesos | None = None
    """Lo que el operador le cobra por retirarse, en pesos (opcional)."""
    meses_suspension_voluntaria: Annotated[int, Field(ge=0, le=24)] = 0
    """Meses en que suspendió voluntariamente el servicio."""


class Falla(Modelo):
    """One service failure (incident)."""

    servicio: Servicio
    """Servicio que falló."""
    inicio: Annotated[datetime, SinNumeroFechaHora, documentado(PATRON_ANIOS)]
    """Inicio de la falla: fecha y hora (hora de Colombia si no indica zona)."""
    fin: Annotated[datetime | None, SinNumeroFechaHora, documentado(PATRON_ANIOS)] = None
    """Fin de la falla: fecha y hora (vacío: sigue sin servicio)."""
    masiva: bool | None = False
    """¿Fue una falla masiva (afectó a muchos usuarios)? (vacío: no sabe)."""
    reportada: bool = False
    """¿Reportó la falla al operador?"""
    cun: Cun | None = None
    """CUN que le dieron al reportar la falla (opcional)."""
    descripcion: Annotated[str | None, Field(max_length=1000), *Parrafo] = None
    """Qué pasó, en sus palabras (opcional)."""

    @field_validator("inicio", "fin")
    @classmethod
    def _bogota(cls, valor: datetime | None) -> datetime | None:
        if valor is None:
            return None
        _en_rango(valor.date())
        return en_bogota(valor)

    @model_validator(mode="after")
    def _orden(self) -> Falla:
        if self.fin is not None and self.fin < self.inicio:
            raise _error("fin_antes_de_inicio", "El fin de la falla es anterior a su inicio.")
        return self


class Reclamacion(Modelo):
    """A PQR already filed with the operator."""

    tipo: TipoReclamacion = "queja"
    """Tipo de PQR presentada: peticion, queja o recurso."""
    asunto: Asunto = "falla"
    """Asunto: falla, facturacion, terminacion, permanencia, compensacion u otro."""
    fecha_radicacion: Fecha
    """Fecha en que la presentó."""
    canal: Canal = "web"
    """Canal: oficina, web, telefono, redes_sociales, correo o app."""
    cun: Cun | None = None
    """CUN (código único numérico) que le dio el operador."""
    pretensiones: Annotated[list[Pretension], Field(max_length=10)] = []
    """Lo que pidió en esa reclamación."""
    fecha_respuesta: Fecha | None = None
    """Fecha en que le notificaron la respuesta (vacío: no han respondido)."""
    sentido_respuesta: Sentido | None = None
    """Sentido de la respuesta: favorable, parcial o desfavorable."""
    # Extension: the operator's answer did not address every request.
    respuesta_incompleta: bool = False
    """¿La respuesta dejó sin resolver algo de lo que pidió?"""
    respuesta_referencia: Annotated[str | None, Field(max_length=60), *Linea] = None
    """Número o radicado de la respuesta del operador (opcional)."""
    respuesta_motivos: Annotated[str | None, Field(max_length=1000), *Parrafo] = None
    """Razones que dio el operador en su respuesta, en pocas palabras (opcional)."""
    sap_cumplido: bool | None = None
    """Si operó el silencio positivo: ¿el operador ya cumplió lo pedido? (vacío: no sabe)."""

    @model_validator(mode="after")
    def _respuesta(self) -> Reclamacion:
        if self.fecha_respuesta is not None and self.fecha_respuesta < self.fecha_radicacion:
            raise _error(
                "respuesta_antes_de_radicacion",
                "La fecha de respuesta es anterior a la fecha de radicación.",
            )
        if self.sentido_respuesta is not None and self.fecha_respuesta is None:
            raise _error(
                "sentido_sin_fecha",
                "Indique la fecha en que le notificaron la respuesta.",
            )
        if self.fecha_respuesta is not None and self.sentido_respuesta is None:
            raise _error(
                "fecha_sin_sentido",
                "Indique si la respuesta fue favorable, parcial o desfavorable.",
            )
        return self


class CambioUnilateral(Modelo):
    """A change of plan, price or services the user did not accept."""

    fecha: Fecha
    """Fecha del cambio que usted no autorizó."""
    descripcion: TextoLargo
    """Qué cambiaron (plan, precio, servicios)."""
    # Extension (§9, labels are not proof): the facts that make a change unilateral.
    previsto_en_contrato: bool | None = None
    """¿El contrato preveía ese cambio (por ejemplo, un reajuste anual)? (vacío: no sabe)."""
    notificado: bool | None = None
    """¿Se lo avisaron antes, como exige el contrato? (vacío: no sabe)."""


class GastoAdicional(Modelo):
    """A cost the failure caused (e.g. calls from another line)."""

    descripcion: TextoLargo
    """Qué gasto le causó la falla."""
    valor: Pesos
    """Valor del gasto en pesos."""


class SolicitudTerminacion(Modelo):
    """A termination request already made."""

    fecha: Fecha
    """Fecha en que pidió la terminación."""
    canal: Canal = "web"
    """Canal por el que la pidió."""
    cun: Cun | None = None
    """CUN de la solicitud (opcional)."""


class Caso(Modelo):
    """One subscriber's situation: the input of `evaluar`."""

    fecha_evaluacion: Fecha
    """Fecha en que se aplica la ley (normalmente hoy)."""
    usuario: Usuario
    """Datos del usuario para las cartas."""
    operador: Operador
    """Operador: claro, movistar, tigo, tigo_une, etb, wom u otro."""
    operador_nombre: Annotated[str | None, Field(max_length=160), *Nombre] = None
    """Nombre del operador cuando es «otro»."""
    contrato: Contrato
    """El contrato con el operador."""
    permanencia: Permanencia | None = None
    """La cláusula de permanencia mínima, si la hay."""
    # Extension: whether there is a clause, when the user does not know (None: `permanencia` says it).
    hay_permanencia: Literal["si", "no", "no_se"] | None = None
    """¿El contrato tiene cláusula de permanencia? si, no o no_se (vacío: la dice `permanencia`)."""
    fallas: Annotated[list[Falla], Field(max_length=200)] = []
    """Fallas del servicio."""
    reclamaciones: Annotated[list[Reclamacion], Field(max_length=50)] = []
    """Peticiones, quejas o recursos ya presentados al operador."""
    cambios_unilaterales: Annotated[list[CambioUnilateral], Field(max_length=50)] = []
    """Cambios de plan, precio o servicios que usted no aceptó."""
    gastos_adicionales: Annotated[list[GastoAdicional], Field(max_length=50)] = []
    """Gastos que le causó la falla (por ejemplo, llamadas desde otra línea)."""
    solicitud_terminacion: SolicitudTerminacion | None = None
    """La solicitud de terminación, si ya la hizo."""
    pretensiones: Annotated[list[Pretension], Field(max_length=10)] = []
    """Lo que quiere pedir: terminar sin penalidad, terminar, compensación, reembolso de gastos,
    información sobre la falla, copia del contrato o revertir un cambio."""
    # Extension: the next bill showed the compensation (None: unknown).
    compensacion_aplicada: bool | None = None
    """¿La compensación ya apareció en su factura? (vacío: no sabe)."""

    @model_validator(mode="after")
    def _texto_que_cabe(self) -> Caso:
        revisar_texto_total(self)
        return self

    @model_validator(mode="after")
    def _permanencia_coherente(self) -> Caso:
        if self.permanencia is not None and self.hay_permanencia in ("no", "no_se"):
            raise PydanticCustomError(
                "permanencia_contradictoria",
                "Dio los datos de la cláusula de permanencia pero respondió que no la tiene o que no "
                "sabe; corrija una de las dos respuestas.")
        return self

    @model_validator(mode="after")
    def _fechas_coherentes(self) -> Caso:
        problemas = list(problemas_de_fechas(self))
        if problemas:
            # One error carrying every located problem; rules.errores expands it per field.
            raise PydanticCustomError(
                "datos_inconsistentes",
                "Hay {cuantos} dato(s) inconsistente(s).",
                {"cuantos": len(problemas), "problemas": problemas},
            )
        return self

    def servicios_fijos(self) -> list[str]:
        """Fixed services in the contract, in contract order."""
        return [s for s in self.contrato.servicios if s in SERVICIOS_FIJOS]

    def tiene_movil(self) -> bool:
        """Whether the contract includes a mobile line."""
        return "movil" in self.contrato.servicios
