"""Rulebook §3: ending the contract (T1–T7). Act rules: the request's date applies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rules import prosa, texto
from rules.calendario import festivos_por_confirmar, restar_habiles, siguiente_corte, vencimiento
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
    corte: date | None  # the next billing cut-off after the request (None: prepaid, no cut-off)
    fecha_limite_aviso: date | None  # last day to ask so the contract ends at `corte` (this period)
    fecha_efectiva: date
    a_tiempo: bool  # the request met this period's notice
    limite_siguiente: date | None = None  # last day to ask for the next period's cut-off
    prepago: bool = False
    festivos_u: tuple[date, ...] = ()  # holidays of status U between the deadline and its cut-off

    @property
    def limite_vigente(self) -> date | None:
        """The deadline that still counts for the effective date (this period's or the next)."""
        return self.fecha_limite_aviso if self.a_tiempo else self.limite_siguiente


def solo_prepago(ctx: Contexto) -> bool:
    """§8: a prepaid mobile line alone has no billing cut-off, so T2's notice does not apply."""
    c = ctx.caso.contrato
    return c.servicios == ["movil"] and c.modalidad_movil == "prepago"


def calcular_terminacion(ctx: Contexto) -> CalculoTerminacion | None:
    """T2: a request ≥ N business days before the cut-off ends the contract at that cut-off."""
    solicitud = ctx.caso.solicitud_terminacion
    fecha = solicitud.fecha if solicitud is not None else ctx.hoy
    dias = ctx.p.entero("aviso_terminacion_dias_habiles", fecha)
    if dias is None:
        return None
    if solo_prepago(ctx):
        return CalculoTerminacion(fecha, solicitud is not None, dias, None, None, fecha, True,
                                  prepago=True)
    dia_corte = ctx.caso.contrato.dia_corte
    if dia_corte is None:
        return None  # the dates depend on the cut-off day; T2 and T3 say what is missing
    corte = siguiente_corte(fecha, dia_corte)
    limite = restar_habiles(corte, dias)
    a_tiempo = fecha <= limite
    siguiente = siguiente_corte(corte, dia_corte)
    efectiva = corte if a_tiempo else siguiente
    limite_siguiente = restar_habiles(siguiente, dias)
    # Counting back over a holiday of status U as a holiday gives the earlier, safer date (§7).
    vigente = limite if a_tiempo else limite_siguiente
    return CalculoTerminacion(fecha, solicitud is not None, dias, corte, limite, efectiva,
                              a_tiempo, limite_siguiente,
                              festivos_u=tuple(festivos_por_confirmar(vigente, efectiva)))


def explicar_fechas(calc: CalculoTerminacion) -> str:
    """The termination dates in one plain sentence (class 13 of issue 9)."""
    if calc.prepago:
        return ("Una línea prepago no tiene corte de facturación: la terminación no depende de un "
                "aviso previo al corte.")
    # Only a prepaid line lacks a cut-off, and with it the deadlines.
    assert calc.fecha_limite_aviso is not None and calc.limite_siguiente is not None
    limite, efectiva = texto.fecha(calc.fecha_limite_aviso), texto.fecha(calc.fecha_efectiva)
    if calc.ya_solicitada:
        return (f"La pidió el {texto.fecha(calc.fecha_solicitud)}: el contrato termina el "
                f"{efectiva}.")
    if calc.a_tiempo:
        return (f"Si la pide a más tardar el {limite}, termina el {efectiva}; si la pide después, "
                f"termina en el corte siguiente (para ese corte, pídala a más tardar el "
                f"{texto.fecha(calc.limite_siguiente)}).")
    return (f"Para este periodo ya pasó el {limite}; si la pide hoy, termina el {efectiva} "
            f"(para ese corte, pídala a más tardar el {texto.fecha(calc.limite_siguiente)}).")


def sin_dia_de_corte(ctx: Contexto, fecha: date) -> Veredicto | None:
    """Without the cut-off day the termination date cannot be computed: say so and what it depends on."""
    dias = ctx.p.entero("aviso_terminacion_dias_habiles", fecha)
    if ctx.caso.contrato.dia_corte is not None or dias is None:
        return None
    return Veredicto(
        "falta_informacion",
        f"Sin el día de corte de la factura no se puede calcular en qué fecha termina el contrato: "
        f"pedida con al menos {texto.plural(dias, 'día hábil', 'días hábiles')} de anticipación "
        "al corte, la terminación surte efecto en ese corte; si no, en el siguiente. El día de corte "
        "aparece en la factura.",
        fecha=fecha, faltantes=["contrato.dia_corte"],
    )


def quiere_terminar(ctx: Contexto) -> bool:
    """Whether the user asks to end the contract (or already did)."""
    caso = ctx.caso
    return bool(QUIERE_TERMINAR & set(caso.pretensiones)) or caso.solicitud_terminacion is not None


@regla(
    "T1-cualquier-momento",
    "Puede terminar el contrato en cualquier momento, por cualquier canal y sin dar razones",
    CAPITULO,
    (REGIMEN, "SIC-ETB"),
    favorece_si_cumple=True,
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
    favorece_si_cumple=True,
)
def t2_aviso(ctx: Contexto) -> Veredicto:
    """Notice: 3 business days before the cut-off (10 before Res. 4625/2014); else the next period."""
    calc = ctx.terminacion
    fecha = (ctx.caso.solicitud_terminacion.fecha if ctx.caso.solicitud_terminacion else ctx.hoy)
    if calc is None and (v := sin_dia_de_corte(ctx, fecha)) is not None:
        return v
    if calc is None:
        return no_cubierto(ctx, "La solicitud de terminación", fecha)
    if calc.prepago:
        return Veredicto("no_aplica", "Su línea es prepago: no tiene corte de facturación, así que "
                         "el aviso previo al corte no se le aplica; la terminación no depende de "
                         "una fecha de corte.", fecha=calc.fecha_solicitud)
    # Only a prepaid line lacks a cut-off, and with it the deadline.
    assert calc.corte is not None and calc.fecha_limite_aviso is not None
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
    if calc.festivos_u and not calc.ya_solicitada:
        leyes = prosa.fuentes_de_festivos(ctx.p, calc.festivos_u)
        explicacion += (" Esa fecha cuenta como festivo el " + texto.lista(
            texto.fecha(d) for d in calc.festivos_u) + f" ({leyes}, por confirmar): si no lo fuera, "
            "tendría un día más; use la fecha más temprana.")
    return Veredicto("cumple", explicacion, fuerza="solida", fecha=calc.fecha_solicitud,
                     parametros=[usado])


@regla(
    "T3-sin-cobros-posteriores",
    "Después de la terminación no pueden facturarle más periodos",
    CAPITULO,
    (REGIMEN, "SIC-ETB"),
    favorece_si_cumple=True,
)
def t3_sin_cobros(ctx: Contexto) -> Veredicto:
    """No charges for periods after termination; consumption owed, equipment and a permanence owed remain."""
    calc = ctx.terminacion
    if calc is None and quiere_terminar(ctx) and (v := sin_dia_de_corte(ctx, ctx.hoy)) is not None:
        return v
    if calc is None and ctx.caso.contrato.dia_corte is None and ctx.cubierto(ctx.hoy):
        return Veredicto("no_aplica", "Usted no ha pedido terminar el contrato.", fecha=ctx.hoy)
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
    favorece_si_cumple=True,
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
    favorece_si_cumple=True,
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
    "En contratos a distancia hay {retracto_dias} días hábiles para retractarse, si el servicio no ha "
    "empezado",
    CAPITULO,
    ("L1480-47",),
    ("retracto_dias_habiles",),
    favorece_si_cumple=True,
)
def t6_retracto(ctx: Contexto) -> Veredicto:
    """Retracto: 5 business days for distance contracts, unless provision already began with consent."""
    contrato = ctx.caso.contrato
    inicio = contrato.fecha_inicio
    usado = ctx.usado("retracto_dias_habiles", inicio)
    if usado is None:
        ley = prosa.norma_corta(ctx.p, ctx.p.parametros["retracto_dias_habiles"].valores[0].fuente)
        return Veredicto("no_aplica", f"El contrato es anterior a la {ley}.", fecha=inicio)
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
    favorece_si_cumple=True,
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
