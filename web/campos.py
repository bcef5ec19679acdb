"""The form's questions: names (Caso paths), labels, plain-language help and choices, in one place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from web import etiquetas as et


@dataclass(frozen=True)
class Campo:
    """One question of the form; `nombre` is its Caso path (relative inside a repeating group)."""

    nombre: str
    etiqueta: str
    tipo: str  # texto | area | numero | pesos | fecha | hora | correo | telefono | seleccion | radio
    #            | tres (sí / no / no sé) | casillas | casilla
    ayuda: str = ""
    opciones: tuple[tuple[str, str], ...] = ()
    opcional: bool = False
    defecto: str = ""
    maximo: int | None = None
    autocompletar: str = "off"
    ancho: str = ""  # "" (full) | "corto" | "medio"
    # "campo=valor" or "campo!=valor": JavaScript shows the question only then; a leading "."
    # names a field of the same row.
    visible_si: str = ""


@dataclass(frozen=True)
class Grupo:
    """A repeating group (incidents, complaints…): rows the user can add and remove."""

    clave: str
    titulo: str
    fila: str  # "Falla" → "Falla 1", "Falla 2"
    agregar: str
    quitar: str
    campos: tuple[Campo, ...]
    ayuda: str = ""
    vacias: int = 1  # empty rows offered on a blank form (so the page works without JavaScript)
    maximo: int = 10
    visible_si: str = ""  # as in `Campo`; "campo=*" means "when any value is given"


@dataclass(frozen=True)
class Seccion:
    """A section of the form, in the order the user answers."""

    id: str
    titulo: str
    intro: str
    elementos: tuple[Campo | Grupo, ...] = field(default_factory=tuple)


def _opciones(mapa: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(mapa.items())


TRES = (("si", "Sí"), ("no", "No"), ("nose", "No sé"))
SI_NO = (("si", "Sí"), ("no", "No"))

CONTRATO = Seccion("contrato", "Su contrato", "Tenga a mano una factura: casi todo está ahí.", (
    Campo("operador", "¿Con qué empresa tiene el contrato?", "seleccion",
          opciones=(("", "Elija la empresa"), *_opciones(et.OPERADORES))),
    Campo("operador_nombre", "Nombre de la empresa", "texto", maximo=160, visible_si="operador=otro",
          ayuda="Escríbalo como aparece en la factura."),
    Campo("contrato.numero", "Número de contrato, cuenta o línea", "texto", maximo=40, ancho="medio",
          ayuda="Aparece arriba en la factura («número de cuenta» o «contrato»). "
                "Si es un celular, puede ser el número de la línea."),
    Campo("contrato.servicios", "¿Qué servicios incluye este contrato?", "casillas",
          opciones=_opciones(et.SERVICIOS_FORMULARIO), ayuda="Marque todos los que tenga."),
    Campo("contrato.modalidad_movil", "El celular es…", "radio", opcional=True,
          opciones=_opciones(et.MODALIDADES), visible_si="contrato.servicios=movil",
          ayuda="Solo si el contrato incluye celular. Pospago: le llega una factura cada mes."),
    Campo("contrato.fecha_inicio", "¿Desde cuándo tiene el contrato?", "fecha", ancho="medio",
          ayuda="El día en que lo firmó o le instalaron el servicio. Si no la sabe exacta, "
                "use la de su primera factura."),
    Campo("contrato.dia_corte", "Día de corte de la factura", "numero", ancho="corto",
          ayuda="El día del mes en que cierra cada periodo facturado. Si la factura dice "
                "«periodo del 16 de octubre al 15 de noviembre», el día de corte es 15."),
    Campo("contrato.valor_mensual", "¿Cuánto paga al mes?", "pesos", ancho="medio",
          ayuda="El total de la factura mensual de este contrato, en pesos (por ejemplo 189.900)."),
    Grupo("contrato.valores_por_servicio", "Si lo sabe: ¿cuánto paga por cada servicio?", "", "", "",
          tuple(Campo(s, f"Valor mensual de {n.lower()}", "pesos", opcional=True, ancho="medio",
                      visible_si=f"contrato.servicios={s}")
                for s, n in et.SERVICIOS_FORMULARIO.items()),
          ayuda="Mejora el cálculo de la compensación. Déjelo en blanco si no lo sabe.",
          visible_si="contrato.servicios=*"),
    Campo("contrato.direccion_servicio", "Dirección donde le prestan el servicio", "texto",
          opcional=True, maximo=200, autocompletar="street-address",
          ayuda="Solo si es distinta de su dirección de correspondencia."),
    Campo("contrato.a_distancia", "¿Contrató por teléfono, por internet o fuera de una tienda?",
          "tres", opciones=TRES, defecto="nose",
          ayuda="Importa solo si el contrato es muy reciente (derecho de retracto)."),
    Campo("contrato.servicio_iniciado", "¿Ya le empezaron a prestar el servicio?", "tres",
          opciones=TRES, defecto="si",
          ayuda="Responda «No» si nunca se lo instalaron o activaron."),
))

PERMANENCIA = Seccion(
    "permanencia", "Cláusula de permanencia",
    "La permanencia es el compromiso de quedarse un tiempo (por ejemplo 12 meses) a cambio de un "
    "beneficio, como un equipo más barato o la instalación gratis.", (
        Campo("permanencia.tiene", "¿Su contrato tiene cláusula de permanencia?", "radio",
              opciones=SI_NO, defecto="no",
              ayuda="Si la tiene, debieron darle un documento aparte con una tabla de lo que "
                    "cuesta irse cada mes. Si no está seguro, revise ese documento o su factura."),
        Campo("permanencia.fecha_inicio", "¿Desde cuándo corre la permanencia?", "fecha",
              ancho="medio", visible_si="permanencia.tiene=si",
              ayuda="Normalmente es la misma fecha del contrato."),
        Campo("permanencia.meses", "¿Por cuántos meses?", "numero", ancho="corto",
              visible_si="permanencia.tiene=si"),
        Campo("permanencia.beneficio", "¿Qué recibió a cambio?", "seleccion",
              opciones=_opciones(et.BENEFICIOS), defecto="desconocido",
              visible_si="permanencia.tiene=si"),
        Campo("permanencia.valor_beneficio", "¿Cuánto valía ese beneficio?", "pesos", opcional=True,
              ancho="medio", visible_si="permanencia.tiene=si",
              ayuda="Aparece en el documento de permanencia. Déjelo en blanco si no lo sabe."),
        Campo("permanencia.documento_separado",
              "¿Firmó la permanencia en un documento aparte del contrato?", "tres", opciones=TRES,
              defecto="nose", visible_si="permanencia.tiene=si"),
        Campo("permanencia.ofrecieron_plan_sin_permanencia",
              "¿Le ofrecieron el mismo plan sin permanencia?", "tres", opciones=TRES,
              defecto="nose", visible_si="permanencia.tiene=si",
              ayuda="Para servicios fijos, el operador debe ofrecerle también el plan sin "
                    "permanencia, para que usted elija."),
        Campo("permanencia.valor_exigido", "¿Cuánto le cobran por irse antes?", "pesos",
              opcional=True, ancho="medio", visible_si="permanencia.tiene=si",
              ayuda="Lo que el operador le dijo que debe pagar para terminar. En blanco si no sabe."),
        Campo("permanencia.meses_suspension_voluntaria",
              "¿Cuántos meses suspendió el servicio por decisión suya?", "numero", ancho="corto",
              defecto="0", visible_si="permanencia.tiene=si",
              ayuda="Por ejemplo, si pidió suspenderlo durante un viaje. Casi siempre es 0."),
    ))

FALLAS = Seccion(
    "fallas", "Las fallas del servicio",
    "Anote cada vez que se quedó sin servicio. Si una misma caída afectó varios servicios "
    "(por ejemplo internet y teléfono), anote una falla por cada servicio.", (
        Grupo("fallas", "Fallas", "Falla", "Agregar otra falla", "Quitar esta falla", (
            Campo("servicio", "Servicio que falló", "seleccion",
                  opciones=(("", "Elija el servicio"), *_opciones(et.SERVICIOS_FORMULARIO))),
            Campo("inicio_fecha", "Día en que empezó", "fecha", ancho="medio"),
            Campo("inicio_hora", "Hora aproximada", "hora", ancho="corto"),
            Campo("sigue", "Todavía sigue sin servicio", "casilla", opcional=True),
            Campo("fin_fecha", "Día en que volvió el servicio", "fecha", ancho="medio",
                  visible_si=".sigue!=si"),
            Campo("fin_hora", "Hora aproximada", "hora", ancho="corto", visible_si=".sigue!=si"),
            Campo("masiva", "Fue una falla masiva (afectó a muchos usuarios o a toda la zona)",
                  "casilla", opcional=True),
            Campo("reportada", "La reporté al operador", "casilla", opcional=True),
            Campo("cun", "CUN del reporte", "texto", opcional=True, maximo=40, ancho="medio",
                  ayuda="El código único numérico que el operador da al recibir un reporte o "
                        "queja (por SMS, correo o en la app). Solo tiene números y guiones, "
                        "por ejemplo 4563-24-0000123456."),
            Campo("descripcion", "¿Qué pasó?", "area", opcional=True, maximo=1000),
        ), vacias=2, maximo=40),
        Campo("compensacion_aplicada",
              "En la factura siguiente a la falla, ¿le descontaron la compensación?", "tres",
              opciones=(("si", "Sí"), ("no", "No"), ("nose", "No sé o todavía no llega")),
              defecto="nose"),
    ))

OTROS = Seccion("otros", "Otros problemas", "Déjelo en blanco si no le pasó.", (
    Grupo("cambios_unilaterales", "Cambios que el operador hizo sin su permiso", "Cambio",
          "Agregar otro cambio", "Quitar este cambio", (
              Campo("fecha", "Fecha del cambio", "fecha", ancho="medio"),
              Campo("descripcion", "¿Qué cambiaron?", "area", maximo=1000,
                    ayuda="Por ejemplo: «Subieron el plan de 149.900 a 189.900 sin avisarme»."),
          ), ayuda="Le subieron la tarifa, le cambiaron el plan o le cobran algo que no pidió."),
    Grupo("gastos_adicionales", "Gastos que le causó la falla", "Gasto", "Agregar otro gasto",
          "Quitar este gasto", (
              Campo("descripcion", "¿En qué gastó?", "area", maximo=1000,
                    ayuda="Por ejemplo: «Llamadas al centro de atención desde otra línea»."),
              Campo("valor", "Valor", "pesos", ancho="medio"),
          )),
))

RECLAMACIONES = Seccion(
    "reclamaciones", "Reclamaciones que ya presentó",
    "Peticiones, quejas o recursos que ya radicó ante el operador. Déjelo en blanco si todavía "
    "no ha reclamado.", (
        Grupo("reclamaciones", "Reclamaciones", "Reclamación", "Agregar otra reclamación",
              "Quitar esta reclamación", (
                  Campo("tipo", "Tipo", "seleccion", opciones=_opciones(et.TIPOS_PQR),
                        defecto="queja", ancho="medio"),
                  Campo("asunto", "Sobre qué", "seleccion", opciones=_opciones(et.ASUNTOS),
                        defecto="falla", ancho="medio"),
                  Campo("fecha_radicacion", "Fecha en que la presentó", "fecha", ancho="medio"),
                  Campo("canal", "Por dónde la presentó", "seleccion", opciones=_opciones(et.CANALES),
                        defecto="web", ancho="medio"),
                  Campo("cun", "CUN", "texto", opcional=True, maximo=40, ancho="medio",
                        ayuda="Aparece en la constancia de radicación, en el SMS o correo que le "
                              "llegó, o en la app del operador."),
                  Campo("pretensiones", "¿Qué pidió?", "casillas", opcional=True,
                        opciones=_opciones(et.PRETENSIONES)),
                  Campo("fecha_respuesta", "Fecha en que le notificaron la respuesta", "fecha",
                        opcional=True, ancho="medio", ayuda="En blanco si todavía no le responden."),
                  Campo("sentido_respuesta", "¿Cómo le respondieron?", "seleccion", opcional=True,
                        opciones=(("", "Todavía no responden"), *_opciones(et.SENTIDOS))),
                  Campo("respuesta_incompleta", "La respuesta no contestó todo lo que pedí",
                        "casilla", opcional=True),
                  Campo("respuesta_referencia", "Radicado de la respuesta", "texto", opcional=True,
                        maximo=60, ancho="medio",
                        ayuda="El número que trae la carta o el correo de respuesta, si lo tiene."),
                  Campo("respuesta_motivos", "¿Qué argumentó el operador?", "area", opcional=True,
                        maximo=1000, ayuda="En pocas palabras; sirve para el recurso."),
                  Campo("sap_cumplido", "Si no le respondieron a tiempo: ¿ya hizo lo que usted pidió?",
                        "tres", opciones=TRES, defecto="nose", opcional=True),
              )),
        Campo("solicitud_terminacion.ya", "¿Ya pidió terminar el contrato?", "radio",
              opciones=SI_NO, defecto="no"),
        Campo("solicitud_terminacion.fecha", "¿Cuándo lo pidió?", "fecha", ancho="medio",
              visible_si="solicitud_terminacion.ya=si"),
        Campo("solicitud_terminacion.canal", "¿Por dónde?", "seleccion",
              opciones=_opciones(et.CANALES), defecto="web", ancho="medio",
              visible_si="solicitud_terminacion.ya=si"),
        Campo("solicitud_terminacion.cun", "CUN de la solicitud", "texto", opcional=True, maximo=40,
              ancho="medio", visible_si="solicitud_terminacion.ya=si"),
    ))

PRETENSIONES = Seccion("pretensiones", "Qué quiere lograr", "Marque todo lo que quiera pedir.", (
    Campo("pretensiones", "Quiero…", "casillas", opcional=True, opciones=_opciones(et.PRETENSIONES)),
))

USUARIO = Seccion(
    "usuario", "Sus datos para las cartas",
    "Solo se usan para escribir sus cartas y no se guardan.", (
        Campo("usuario.nombre", "Nombre completo", "texto", maximo=120, autocompletar="name"),
        Campo("usuario.tipo_documento", "Tipo de documento", "seleccion",
              opciones=_opciones(et.DOCUMENTOS), defecto="CC", ancho="medio"),
        Campo("usuario.numero_documento", "Número de documento", "texto", maximo=20, ancho="medio",
              ayuda="Sin puntos ni espacios."),
        Campo("usuario.direccion", "Dirección para recibir respuestas", "texto", maximo=200,
              autocompletar="street-address"),
        Campo("usuario.ciudad", "Ciudad", "texto", maximo=120, ancho="medio",
              autocompletar="address-level2"),
        Campo("usuario.telefono", "Teléfono", "telefono", opcional=True, maximo=30, ancho="medio",
              autocompletar="tel"),
        Campo("usuario.correo", "Correo electrónico", "correo", opcional=True, maximo=254,
              autocompletar="email",
              ayuda="Para que el operador le notifique la respuesta por correo."),
    ))

FECHA = Seccion("fecha", "Fecha del cálculo", "Los plazos y las horas sin servicio se cuentan hasta esta "
                "fecha. Normalmente es hoy; cámbiela solo si quiere calcular a otra fecha.", (
    Campo("fecha_evaluacion", "Fecha del cálculo", "fecha", ancho="medio"),
))

SECCIONES: tuple[Seccion, ...] = (CONTRATO, PERMANENCIA, FALLAS, OTROS, RECLAMACIONES, PRETENSIONES,
                                  USUARIO, FECHA)
GRUPOS: dict[str, Grupo] = {e.clave: e for s in SECCIONES for e in s.elementos
                            if isinstance(e, Grupo) and e.fila}
SUBCAMPOS: dict[str, Grupo] = {e.clave: e for s in SECCIONES for e in s.elementos
                               if isinstance(e, Grupo) and not e.fila}


def _indice() -> dict[str, Campo]:
    campos: dict[str, Campo] = {}
    for seccion in SECCIONES:
        for e in seccion.elementos:
            if isinstance(e, Campo):
                campos[e.nombre] = e
            elif e.fila:
                campos.update({f"{e.clave}[].{c.nombre}": c for c in e.campos})
            else:
                campos.update({f"{e.clave}.{c.nombre}": c for c in e.campos})
    return campos


CAMPOS: dict[str, Campo] = _indice()


def campo(nombre: str) -> Campo | None:
    """The question behind a form name such as `fallas[2].fin_fecha` (None if unknown)."""
    return CAMPOS.get(_sin_indices(nombre))


def _sin_indices(nombre: str) -> str:
    return re.sub(r"\[\d+\]", "[]", nombre)


def etiqueta(nombre: str) -> str:
    """A label that says where a form field is: 'Falla 3 — Día en que volvió el servicio'."""
    c = campo(nombre)
    if c is None:
        return ""
    m = re.match(r"^(\w+)\[(\d+)\]\.", nombre)
    if m and m.group(1) in GRUPOS:
        return f"{GRUPOS[m.group(1)].fila} {int(m.group(2)) + 1} — {c.etiqueta}"
    return c.etiqueta


def campo_id(nombre: str) -> str:
    """The HTML id of a form field: `fallas[0].fin_fecha` → `campo-fallas-0-fin_fecha`."""
    return "campo-" + re.sub(r"[^A-Za-z0-9_]+", "-", nombre).strip("-")
