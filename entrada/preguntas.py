"""Every question a subscriber can answer, declared once: Caso path, Spanish label, help with an
example, kind, when it is asked, and the spreadsheet column. Limits come from the `Caso` model."""

from __future__ import annotations

from dataclasses import dataclass, field

from entrada import opciones as op
from entrada.pregunta import Grupo, Pregunta

TRES = (("si", "Sí"), ("no", "No"), ("nose", "No sé"))
SI_NO = (("si", "Sí"), ("no", "No"))


def _op(mapa: dict[str, str], vacia: str = "") -> tuple[tuple[str, str], ...]:
    return ((("", vacia),) if vacia else ()) + tuple(mapa.items())


def _servicio(s: str, n: str) -> Pregunta:
    return Pregunta(f"contrato.valores_por_servicio.{s}", f"Valor mensual de {n.lower()}", "pesos",
                    opcional=True, ancho="medio", visible_si=f"contrato.servicios={s}", detalle=True,
                    ayuda="Mejora el cálculo de la compensación. En blanco si no lo sabe.")


CONTRATO: tuple[Pregunta | Grupo, ...] = (
    Pregunta("operador", "¿Con qué empresa tiene el contrato?", "opcion",
             opciones=_op(op.OPERADORES, "Elija la empresa")),
    Pregunta("operador_nombre", "Nombre de la empresa", "texto", visible_si="operador=otro",
             ayuda="Escríbalo como aparece en la factura, por ejemplo Emcali."),
    Pregunta("contrato.servicios", "¿Qué servicios incluye este contrato?", "lista",
             opciones=_op(op.SERVICIOS_FORMULARIO), ayuda="Marque todos los que tenga."),
    Pregunta("contrato.modalidad_movil", "El celular es…", "opcion", control="radio", opcional=True,
             opciones=_op(op.MODALIDADES), visible_si="contrato.servicios=movil",
             ayuda="Pospago: le llega una factura cada mes."),
    Pregunta("contrato.fecha_inicio", "¿Desde cuándo tiene el contrato?", "fecha", ancho="medio",
             ayuda="Por ejemplo 10/03/2026. Si no la sabe exacta, use la de su primera factura."),
    Pregunta("contrato.dia_corte", "Día de corte de la factura", "entero", ancho="corto",
             opcional=True,
             ayuda="Si la factura dice «periodo del 16 de octubre al 15 de noviembre», escriba 15. "
                   "En blanco si no lo sabe: le diremos qué cambia con ese dato."),
    Pregunta("contrato.valor_mensual", "¿Cuánto paga al mes?", "pesos", ancho="medio",
             ayuda="El total de la factura de este contrato, por ejemplo 189900."),
    Pregunta("contrato.numero", "Número de contrato, cuenta o línea", "texto", ancho="medio",
             opcional=True,
             ayuda="Aparece arriba en la factura. Si es un celular, puede ser el número de la línea. "
                   "En blanco si no lo sabe: las cartas irán sin él."),
    *(_servicio(s, n) for s, n in op.SERVICIOS_FORMULARIO.items()),
    Pregunta("contrato.direccion_servicio", "Dirección donde le prestan el servicio", "texto",
             opcional=True, detalle=True, autocompletar="street-address",
             ayuda="Solo si es distinta de su dirección de correspondencia."),
    Pregunta("contrato.a_distancia", "¿Contrató por teléfono, por internet o fuera de una tienda?",
             "tres", opciones=TRES, detalle=True,
             ayuda="Importa solo si el contrato es muy reciente (derecho de retracto)."),
    Pregunta("contrato.servicio_iniciado", "¿Ya le empezaron a prestar el servicio?", "tres",
             opciones=TRES, defecto="si", detalle=True,
             ayuda="Responda «No» si nunca se lo instalaron o activaron."),
)

PERMANENCIA: tuple[Pregunta | Grupo, ...] = (
    Pregunta("permanencia.tiene", "¿Su contrato tiene cláusula de permanencia?", "tres",
             opciones=TRES, en_modelo=False, exigir="Elija Sí, No o No sé.",
             ayuda="Si la tiene, le dieron un documento con una tabla de lo que cuesta irse cada mes. "
                   "Si no está seguro, responda «No sé»."),
    Pregunta("permanencia.meses", "¿Por cuántos meses?", "entero", ancho="corto",
             visible_si="permanencia.tiene=si", ayuda="Por ejemplo 12."),
    Pregunta("permanencia.fecha_inicio", "¿Desde cuándo corre la permanencia?", "fecha",
             ancho="medio", opcional=True, visible_si="permanencia.tiene=si",
             ayuda="En blanco si es la misma fecha del contrato."),
    Pregunta("permanencia.valor_exigido", "¿Cuánto le cobran por irse antes?", "pesos",
             opcional=True, ancho="medio", visible_si="permanencia.tiene=si",
             ayuda="Lo que el operador le dijo que debe pagar, por ejemplo 350000. En blanco si no sabe."),
    Pregunta("permanencia.beneficio", "¿Qué recibió a cambio?", "opcion",
             opciones=_op(op.BENEFICIOS), defecto="desconocido", visible_si="permanencia.tiene=si"),
    Pregunta("permanencia.valor_beneficio", "¿Cuánto valía ese beneficio?", "pesos", opcional=True,
             ancho="medio", visible_si="permanencia.tiene=si", detalle=True,
             ayuda="Aparece en el documento de permanencia, por ejemplo 480000."),
    Pregunta("permanencia.documento_separado",
             "¿Firmó la permanencia en un documento aparte del contrato?", "tres", opciones=TRES,
             visible_si="permanencia.tiene=si", detalle=True),
    Pregunta("permanencia.ofrecieron_plan_sin_permanencia",
             "¿Le ofrecieron el mismo plan sin permanencia?", "tres", opciones=TRES,
             visible_si="permanencia.tiene=si", detalle=True),
    Pregunta("permanencia.meses_suspension_voluntaria",
             "¿Cuántos meses suspendió el servicio por decisión suya?", "entero", ancho="corto",
             defecto="0", visible_si="permanencia.tiene=si", detalle=True,
             ayuda="Por ejemplo, durante un viaje. Casi siempre es 0."),
)

FALLAS: tuple[Pregunta | Grupo, ...] = (
    Grupo("fallas", "Cada vez que se quedó sin servicio", "Falla", "Agregar otra falla",
          "Quitar esta falla", (
              Pregunta("servicios", "¿Qué servicios se cayeron?", "lista",
                       opciones=_op(op.SERVICIOS_FORMULARIO), en_modelo=False,
                       exigir="Marque qué servicios se cayeron.",
                       ayuda="Si una misma caída afectó varios servicios, márquelos todos aquí."),
              Pregunta("inicio", "¿Cuándo empezó?", "fecha_hora", ancho="medio",
                       ayuda="Día y hora aproximada, por ejemplo 03/11/2026 19:40."),
              Pregunta("sigue", "Todavía sigue sin servicio", "casilla", opcional=True,
                       en_modelo=False),
              Pregunta("fin", "¿Cuándo volvió el servicio?", "fecha_hora", ancho="medio",
                       visible_si=".sigue!=si", ayuda="Por ejemplo 04/11/2026 07:10."),
              Pregunta("masiva", "¿Afectó a muchos usuarios o a toda la zona?", "tres",
                       opciones=TRES),
              Pregunta("cun", "CUN del reporte", "cun", opcional=True, ancho="medio",
                       ayuda="El código que el operador da al recibir un reporte, por ejemplo "
                             "4563-24-0000123456."),
              Pregunta("descripcion", "¿Qué pasó?", "area", opcional=True),
          ), ayuda="Una fila por caída. En blanco si no tuvo fallas."),
    Grupo("gastos_adicionales", "Gastos que le causó la falla", "Gasto", "Agregar otro gasto",
          "Quitar este gasto", (
              Pregunta("descripcion", "¿En qué gastó?", "texto",
                       ayuda="Por ejemplo: «Llamadas al centro de atención desde otra línea»."),
              Pregunta("valor", "Valor", "pesos", ancho="medio", ayuda="Por ejemplo 12000."),
          ), ayuda="En blanco si no tuvo gastos."),
    Pregunta("compensacion_aplicada",
             "En la factura siguiente a la falla, ¿le descontaron la compensación?", "tres",
             opciones=(("si", "Sí"), ("no", "No"), ("nose", "No sé o todavía no llega"))),
    Grupo("cambios_unilaterales", "Cambios que el operador hizo sin su permiso", "Cambio",
          "Agregar otro cambio", "Quitar este cambio", (
              Pregunta("fecha", "Fecha del cambio", "fecha", ancho="medio"),
              Pregunta("descripcion", "¿Qué cambiaron?", "area",
                       ayuda="Por ejemplo: «Subieron el plan de 149.900 a 189.900 sin avisarme»."),
          ), ayuda="Le subieron la tarifa, le cambiaron el plan o le cobran algo que no pidió.",
          detalle=True),
)

RECLAMACIONES: tuple[Pregunta | Grupo, ...] = (
    Pregunta("reclamaciones.hay", "¿Ya reclamó al operador?", "tres", opciones=SI_NO,
             en_modelo=False, exigir="Elija Sí o No.",
             ayuda="Una petición, queja o reclamo, por cualquier canal."),
    Grupo("reclamaciones", "Sus reclamaciones", "Reclamación", "Agregar otra reclamación",
          "Quitar esta reclamación", (
              Pregunta("fecha_radicacion", "¿Cuándo reclamó?", "fecha", ancho="medio",
                       ayuda="Por ejemplo 05/11/2026."),
              Pregunta("canal", "¿Por dónde?", "opcion", opciones=_op(op.CANALES, "Elija el canal"),
                       ancho="medio", exigir="Elija por dónde reclamó."),
              Pregunta("cun", "CUN", "cun", opcional=True, ancho="medio",
                       ayuda="Aparece en el SMS, el correo o la app, por ejemplo 4563-24-0000123456."),
              Pregunta("respondida", "¿Ya le respondieron?", "tres",
                       opciones=(("si", "Sí, me respondieron"), ("no", "Todavía no")),
                       en_modelo=False, exigir="Diga si ya le respondieron."),
              Pregunta("fecha_respuesta", "¿Cuándo le notificaron la respuesta?", "fecha",
                       ancho="medio", visible_si=".respondida=si"),
              Pregunta("sentido_respuesta", "¿Cómo le respondieron?", "opcion", control="radio",
                       opciones=_op(op.SENTIDOS), visible_si=".respondida=si"),
              Pregunta("respuesta_incompleta", "La respuesta no contestó todo lo que pedí",
                       "casilla", opcional=True, visible_si=".respondida=si"),
              Pregunta("respuesta_referencia", "Radicado de la respuesta", "texto", opcional=True,
                       ancho="medio", visible_si=".respondida=si"),
              Pregunta("respuesta_motivos", "¿Qué argumentó el operador?", "area", opcional=True,
                       visible_si=".respondida=si", ayuda="En pocas palabras; sirve para el recurso."),
              Pregunta("sap_cumplido", "Si no le respondieron a tiempo: ¿ya hizo lo que usted pidió?",
                       "tres", opciones=TRES, visible_si=".respondida!=si"),
              Pregunta("tipo", "Tipo", "opcion", opciones=_op(op.TIPOS_PQR), defecto="queja",
                       ancho="medio"),
              Pregunta("asunto", "Sobre qué", "opcion", opciones=_op(op.ASUNTOS), defecto="falla",
                       ancho="medio"),
          ), visible_si="reclamaciones.hay=si"),
    Pregunta("solicitud_terminacion.ya", "¿Ya pidió terminar el contrato?", "tres",
             opciones=SI_NO, en_modelo=False, detalle=True),
    Pregunta("solicitud_terminacion.fecha", "¿Cuándo lo pidió?", "fecha", ancho="medio",
             visible_si="solicitud_terminacion.ya=si", detalle=True),
    Pregunta("solicitud_terminacion.canal", "¿Por dónde?", "opcion",
             opciones=_op(op.CANALES, "Elija el canal"), ancho="medio",
             visible_si="solicitud_terminacion.ya=si", detalle=True),
    Pregunta("solicitud_terminacion.cun", "CUN de la solicitud", "cun", opcional=True,
             ancho="medio", visible_si="solicitud_terminacion.ya=si", detalle=True),
)

PRETENSIONES: tuple[Pregunta | Grupo, ...] = (
    Pregunta("pretensiones", "Quiero…", "lista", opcional=True, opciones=_op(op.PRETENSIONES),
             ayuda="Marcamos lo que se deduce de sus respuestas; cambie lo que no quiera pedir."),
)

USUARIO: tuple[Pregunta | Grupo, ...] = (
    Pregunta("usuario.nombre", "Nombre completo", "nombre", autocompletar="name",
             ayuda="Como aparecerá en las cartas, por ejemplo Ana María Pérez Gómez."),
    Pregunta("usuario.tipo_documento", "Tipo de documento", "opcion", opciones=_op(op.DOCUMENTOS),
             defecto="CC", ancho="medio"),
    Pregunta("usuario.numero_documento", "Número de documento", "documento", ancho="medio",
             ayuda="Por ejemplo 52123456 (los puntos se quitan solos)."),
    Pregunta("usuario.direccion", "Dirección para recibir respuestas", "texto",
             autocompletar="street-address", ayuda="Por ejemplo Calle 45 # 12-30, apto 402."),
    Pregunta("usuario.ciudad", "Ciudad", "nombre", ancho="medio", autocompletar="address-level2"),
    Pregunta("usuario.telefono", "Teléfono", "telefono", opcional=True, ancho="medio",
             autocompletar="tel"),
    Pregunta("usuario.correo", "Correo electrónico", "correo", opcional=True, autocompletar="email",
             ayuda="Para que el operador le notifique la respuesta por correo."),
    Pregunta("fecha_evaluacion", "Fecha del cálculo", "fecha", ancho="medio", detalle=True,
             ayuda="Los plazos se cuentan hasta esta fecha. Normalmente es hoy."),
)


@dataclass(frozen=True)
class Bloque:
    """A topic of the interview: one page."""

    id: str
    titulo: str
    intro: str
    elementos: tuple[Pregunta | Grupo, ...] = field(default_factory=tuple)


BLOQUES: tuple[Bloque, ...] = (
    Bloque("contrato", "Su contrato", "Tenga a mano una factura: casi todo está ahí.", CONTRATO),
    Bloque("permanencia", "Permanencia",
           "La permanencia es el compromiso de quedarse un tiempo (por ejemplo 12 meses) a cambio de "
           "un beneficio, como un equipo más barato o la instalación gratis.", PERMANENCIA),
    Bloque("fallas", "Las fallas", "Cuándo se quedó sin servicio y qué le costó.", FALLAS),
    Bloque("reclamaciones", "Lo que ya hizo", "Si ya reclamó, su carta sigue desde ahí.",
           RECLAMACIONES),
    Bloque("pretensiones", "Qué quiere lograr", "Una sola vez: vale para todas sus cartas.",
           PRETENSIONES),
    Bloque("usuario", "Sus datos para las cartas",
           "Solo se usan para escribir sus cartas.", USUARIO),
)


def _indice() -> tuple[dict[str, Pregunta], dict[str, Grupo], dict[str, str]]:
    preguntas: dict[str, Pregunta] = {}
    grupos: dict[str, Grupo] = {}
    bloque_de: dict[str, str] = {}
    for b in BLOQUES:
        for e in b.elementos:
            if isinstance(e, Grupo):
                grupos[e.clave] = e
                for c in e.campos:
                    preguntas[f"{e.clave}[].{c.nombre}"] = c
                    bloque_de[f"{e.clave}[].{c.nombre}"] = b.id
            else:
                preguntas[e.nombre] = e
                bloque_de[e.nombre] = b.id
    return preguntas, grupos, bloque_de


PREGUNTAS, GRUPOS, BLOQUE_DE = _indice()
