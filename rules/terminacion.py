"""Rulebook §3: ending the contract (T1–T7). Act rules: the request's date applies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rules import texto
from rules.calendario import restar_habiles, siguiente_corte, vencimiento
from rules.contexto import Contexto
from rules.regimen import no_cubierto
from rules.registro import REGIMEN, Veredicto, regla

CAPITULO = "Terminación del contrato"
QUIERE_TERMINAR = frozenset({"terminar", "terminar_sin_penalidad"})


@dataclass(frozen=True)
class CalculoTerminacion:
    """When a termination asked on `fecha_solicitud` takes effect."""

    fecha_solicitud: date
    ya_solicitada: bool
    dias_habiles: int
    corte: date  # the next billing cut-off after the request
    fecha_limite_aviso: date  # last day to ask so the contract ends on `fecha_efectiva`
    fecha_efectiva: date
    a_tiempo: bool  # the request met this period's notice


def calcular_terminacion(ctx: Contexto) -> CalculoTerminacion | None:
    """T2: a request ≥ N business days before the cut-off ends the contract at that cut-off."""
    solicitud = ctx.caso.solicitud_terminacion
    fecha = solicitud.fecha if solicitud is not None else ctx.hoy
    dias = ctx.valor("aviso_terminacion_dias_habiles", fecha)
    if dias is None:
        return None
    dia_corte = ctx.caso.contrato.dia_corte
    corte = siguiente_corte(fecha, dia_corte)
    a_tiempo = fecha <= restar_habiles(corte, int(dias))
    efectiva = corte if a_tiempo else siguiente_corte(corte, dia_corte)
    limite = restar_habiles(efectiva, int(dias))
    return CalculoTerminacion(fecha, solicitud is not None, int(dias), corte, limite, efectiva,
                              a_tiempo)


def quiere_terminar(ctx: Contexto) -> bool:
    """Whether the user asks to end the contract (or already did)."""
    caso = ctx.caso
    return bool(QUIERE_TERMINAR & set(caso.pretensiones)) or caso.solicitud_terminacion is not None


@regla(
    "T1-cualquier-momento",
    "Puede terminar el contrato en cualquier momento, por cualquier canal y sin dar razones",
    CAPITULO,
    (REGIMEN, "SIC-ETB"),
)
def t1_cualquier_momento(ctx: Contexto) -> Veredicto:
    """The user may end the contract at any time, through any attention channel, without reasons."""
    if not ctx.cubierto(ctx.hoy):
        return no_cubierto(ctx, "La fecha de evaluación", ctx.hoy)
    return Veredicto(
        "cumple",
        "Puede pedir la terminación por la oficina, la página web, las redes sociales o la línea "
        "gratuita, sin explicar por qué. El operador no puede oponerse, pedirle que esté al día en "
        "los pagos, exigirle ir a una oficina ni pedirle la solicitud por escrito.",
        fuerza="solida", fecha=ctx.hoy,
    )


@regla(
    "T2-aviso-previo",
    "Pedida con la anticipación exigida antes del corte, la terminación surte efecto en ese corte",
    CAPITULO,
    (REGIMEN, "RES-4625-2014", "MODELO-CONTRATO"),
    ("aviso_terminacion_dias_habiles",),
)
def t2_aviso(ctx: Contexto) -> Veredicto:
    """Notice: 3 business days before the cut-off (10 before Res. 4625/2014); else the next period."""
    calc = ctx.terminacion
    fecha = (ctx.caso.solicitud_terminacion.fecha if ctx.caso.solicitud_terminacion else ctx.hoy)
    if calc is None:
        return no_cubierto(ctx, "La solicitud de terminación", fecha)
    usado = ctx.usado("aviso_terminacion_dias_habiles", calc.fecha_solicitud)
    dias = texto.plural(calc.dias_habiles, "día hábil", "días hábiles")
    corte = texto.fecha(calc.corte)
    if calc.ya_solicitada:
        inicio = f"Pidió la terminación el {texto.fecha(calc.fecha_solicitud)}"
    else:
        inicio = f"Si la pide hoy ({texto.fecha(calc.fecha_solicitud)})"
    if calc.a_tiempo:
        explicacion = (f"{inicio}, con al menos {dias} antes del corte del {corte}: el contrato "
                       f"termina el {texto.fecha(calc.fecha_efectiva)}.")
        if not calc.ya_solicitada:
            explicacion += (f" El último día para pedirla a tiempo es el "
                            f"{texto.fecha(calc.fecha_limite_aviso)}; mejor hágalo antes.")
    else:
        faltan = "faltaban" if calc.ya_solicitada else "faltan"
        explicacion = (f"{inicio}, {faltan} menos de {dias} para el corte del {corte}: el contrato "
                       f"termina en el corte siguiente, el {texto.fecha(calc.fecha_efectiva)}.")
    return Veredicto("cumple", explicacion, fuerza="solida", fecha=calc.fecha_solicitud,
                     parametros=[usado])


@regla(
    "T3-sin-cobros-posteriores",
    "Después de la terminación no pueden facturarle más periodos",
    CAPITULO,
    (REGIMEN, "SIC-ETB"),
)
def t3_sin_cobros(ctx: Contexto) -> Veredicto:
    """No charges for periods after termination; consumption owed, equipment and a permanence owed remain."""
    calc = ctx.terminacion
    if calc is None:
        return no_cubierto(ctx, "La solicitud de terminación", ctx.hoy)
    if not quiere_terminar(ctx):
        return Veredicto("no_aplica", "Usted no ha pedido terminar el contrato.", fecha=ctx.hoy)
    return Veredicto(
        "cumple",
        f"Desde el {texto.fecha(calc.fecha_efectiva)} no pueden cobrarle más mensualidades. Sí pueden "
        "cobrar consumos pendientes, los equipos que deba devolver y una permanencia que de verdad "
        "se deba.",
        fuerza="solida", fecha=calc.fecha_solicitud,
    )


@regla(
    "T4-terminacion-parcial",
    "En un paquete puede cancelar solo algunos servicios",
    CAPITULO,
    (REGIMEN, "MODELO-CONTRATO"),
)
def t4_parcial(ctx: Contexto) -> Veredicto:
    """In a bundle the user may cancel only some services, under the same notice rule."""
    servicios = ctx.caso.contrato.servicios
    if len(servicios) < 2:
        return Veredicto("no_aplica", "El contrato tiene un solo servicio.", fecha=ctx.hoy)
    if not ctx.cubierto(ctx.hoy):
        return no_cubierto(ctx, "La fecha de evaluación", ctx.hoy)
    nombres = texto.lista(texto.servicio(s) for s in servicios)
    return Veredicto(
        "cumple",
        f"Su contrato agrupa {nombres}: puede cancelar solo alguno de ellos, con el mismo aviso "
        "antes del corte.",
        fuerza="solida", fecha=ctx.hoy,
    )


@regla(
    "T5-servicio-no-iniciado",
    "Si el servicio nunca se instaló en el plazo pactado, puede terminar y pedir la devolución",
    CAPITULO,
    ("MODELO-CONTRATO",),
)
def t5_no_iniciado(ctx: Contexto) -> Veredicto:
    """If the operator never started the service within the agreed term, termination and refund."""
    contrato = ctx.caso.contrato
    if contrato.servicio_iniciado is True or (contrato.servicio_iniciado is None and ctx.caso.fallas):
        return Veredicto("no_cumple", "El servicio sí empezó a prestarse.",
                         fecha=contrato.fecha_inicio)
    if contrato.servicio_iniciado is None:
        return Veredicto("no_aplica", "No indicó que el servicio nunca se haya instalado.",
                         fecha=contrato.fecha_inicio)
    limite = contrato.fecha_limite_instalacion
    if limite is None:
        return Veredicto(
            "falta_informacion",
            "Usted indica que el servicio no ha empezado. Si el plazo de instalación pactado ya "
            "venció, puede pedir la terminación y la devolución de lo pagado: falta saber ese plazo.",
            fecha=contrato.fecha_inicio, faltantes=["contrato.fecha_limite_instalacion"],
        )
    if ctx.hoy <= limite:
        return Veredicto(
            "no_cumple",
            f"El plazo de instalación vence el {texto.fecha(limite)}: todavía está corriendo.",
            fecha=contrato.fecha_inicio,
        )
    return Veredicto(
        "cumple",
        f"El plazo de instalación venció el {texto.fecha(limite)} y el servicio no ha empezado: "
        "puede pedir la terminación y la devolución de lo pagado.",
        fuerza="solida", fecha=contrato.fecha_inicio,
    )


@regla(
    "T6-retracto",
    "En contratos a distancia hay 5 días hábiles para retractarse, si el servicio no ha empezado",
    CAPITULO,
    ("L1480-47",),
    ("retracto_dias_habiles",),
)
def t6_retracto(ctx: Contexto) -> Veredicto:
    """Retracto: 5 business days for distance contracts, unless provision already began with consent."""
    contrato = ctx.caso.contrato
    inicio = contrato.fecha_inicio
    usado = ctx.usado("retracto_dias_habiles", inicio)
    if usado is None:
        return Veredicto("no_aplica", "El contrato es anterior a la Ley 1480 de 2011.", fecha=inicio)
    vence = vencimiento(inicio, int(usado.valor))
    if ctx.hoy > vence:
        return Veredicto(
            "no_aplica",
            f"El plazo de retracto, si lo hubo, venció el {texto.fecha(vence)}.",
            fecha=inicio, parametros=[usado],
        )
    if contrato.a_distancia is False:
        return Veredicto("no_aplica", "El contrato no se celebró a distancia.", fecha=inicio)
    if contrato.a_distancia is None:
        return Veredicto(
            "falta_informacion",
            f"Si contrató por teléfono o internet, puede retractarse hasta el {texto.fecha(vence)}, "
            "siempre que el servicio no haya empezado: falta saber cómo contrató.",
            fecha=inicio, parametros=[usado], faltantes=["contrato.a_distancia"],
        )
    if contrato.servicio_iniciado is False:
        return Veredicto(
            "cumple",
            f"Contrató a distancia y el servicio no ha empezado: puede retractarse hasta el "
            f"{texto.fecha(vence)}.",
            fuerza="solida", fecha=inicio, parametros=[usado],
        )
    if contrato.servicio_iniciado is None:
        return Veredicto(
            "falta_informacion",
            f"Contrató a distancia: puede retractarse hasta el {texto.fecha(vence)} si el servicio no "
            "ha empezado a prestarse con su consentimiento. Falta saber si ya empezó.",
            fecha=inicio, parametros=[usado], faltantes=["contrato.servicio_iniciado"],
        )
    return Veredicto(
        "no_cumple",
        "Contrató a distancia, pero el retracto no procede cuando el servicio ya empezó a prestarse "
        "con su consentimiento.",
        fecha=inicio, parametros=[usado],
    )


@regla(
    "T7-portabilidad",
    "La mora no impide portar el número móvil a otro operador",
    CAPITULO,
    ("RES-7151-2023",),
    ("portabilidad_sin_bloqueo_por_mora",),
)
def t7_portabilidad(ctx: Contexto) -> Veredicto:
    """Mobile number portability cannot be refused for arrears since Res. 7151/2023."""
    if not ctx.caso.tiene_movil():
        return Veredicto("no_aplica", "El contrato no incluye servicio móvil.", fecha=ctx.hoy)
    usado = ctx.usado("portabilidad_sin_bloqueo_por_mora", ctx.hoy)
    if usado is None:
        return Veredicto(
            "falta_informacion",
            "Desde la Res. CRC 7151 de 2023 la mora no impide portar el número; Salida no tiene "
            "confirmada la fecha exacta en que empezó a regir.",
            fecha=ctx.hoy,
        )
    return Veredicto(
        "cumple",
        "Puede llevarse su número a otro operador aunque tenga saldos pendientes; la deuda sigue "
        "existiendo.",
        fuerza="solida", fecha=ctx.hoy, parametros=[usado],
    )
