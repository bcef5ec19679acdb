"""Rulebook §2: the minimum-permanence clause (P1–P8). Formation rules: the clause's date applies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rules import texto
from rules.calendario import meses_completos, sumar_meses
from rules.caso import Permanencia
from rules.contexto import Contexto
from rules.regimen import no_cubierto
from rules.registro import REGIMEN, Veredicto, regla

CAPITULO = "Cláusula de permanencia mínima"
BENEFICIOS = {
    "subsidio_equipo": "subsidio del equipo",
    "financiacion_equipo": "financiación del equipo",
    "descuento_conexion": "descuento en el cargo de conexión",
    "descuento_tarifa": "descuento en la tarifa",
}


@dataclass(frozen=True)
class CalculoPermanencia:
    """The clause's end date and the most that may be collected on leaving at `fecha_salida`."""

    fecha_fin: date
    fecha_salida: date
    meses_restantes: int
    valor_lineal: int | None
    valor_proporcional: int | None


def fecha_fin(permanencia: Permanencia) -> date:
    """End of the term: start + agreed months + months of voluntary suspension (P7)."""
    return sumar_meses(
        permanencia.fecha_inicio, permanencia.meses + permanencia.meses_suspension_voluntaria
    )


def meses_restantes(permanencia: Permanencia, salida: date) -> int:
    """Billing months of the clause still missing when the contract ends on `salida`."""
    total = permanencia.meses + permanencia.meses_suspension_voluntaria
    faltan = total - meses_completos(permanencia.fecha_inicio, salida)
    return max(0, min(permanencia.meses, faltan))


def monto_lineal(valor_beneficio: int, permanencia: Permanencia, salida: date) -> int:
    """P5: benefit × months remaining / months agreed (linear amortisation), 0 once ended."""
    restantes = meses_restantes(permanencia, salida)
    return (valor_beneficio * restantes * 2 + permanencia.meses) // (2 * permanencia.meses)


def calcular_permanencia(ctx: Contexto) -> CalculoPermanencia | None:
    """The clause's figures when leaving on the termination's effective date."""
    perm = ctx.caso.permanencia
    if perm is None:
        return None
    term = ctx.terminacion
    salida = term.fecha_efectiva if term is not None else ctx.hoy
    lineal = None if perm.valor_beneficio is None else monto_lineal(perm.valor_beneficio, perm, salida)
    tope = lineal
    if perm.valor_exigido is not None:
        tope = perm.valor_exigido if lineal is None else min(lineal, perm.valor_exigido)
    restantes = meses_restantes(perm, salida)
    if restantes == 0:
        tope = 0
    elif lineal is None:
        tope = None  # without the benefit's value the lawful cap is unknown
    return CalculoPermanencia(fecha_fin(perm), salida, restantes, lineal, tope)


def _solo_conexion(ctx: Contexto) -> bool:
    """Res. 4930/2016: a fixed-service clause then could only cover the connection charge."""
    perm = ctx.caso.permanencia
    return (perm is not None and bool(ctx.caso.servicios_fijos())
            and ctx.valor("permanencia_fija_solo_conexion", perm.fecha_inicio) is True)


def _sin_clausula(ctx: Contexto) -> Veredicto | None:
    perm = ctx.caso.permanencia
    if perm is None:
        return Veredicto("no_aplica", "El contrato no tiene cláusula de permanencia.")
    if not ctx.cubierto(perm.fecha_inicio):
        return no_cubierto(ctx, "La cláusula de permanencia", perm.fecha_inicio)
    return None


@regla(
    "P1-movil-prohibida",
    "La permanencia en un contrato móvil firmado desde el 1 de julio de 2014 está prohibida",
    CAPITULO,
    ("RES-4444-2014", "SIC-BOLETIN-2017"),
    ("permanencia_movil_prohibida",),
)
def p1_movil(ctx: Contexto) -> Veredicto:
    """Mobile contracts signed on or after 2014-07-01 may not carry a permanence clause."""
    if (v := _sin_clausula(ctx)) is not None:
        return v
    perm = ctx.caso.permanencia
    assert perm is not None
    if not ctx.caso.tiene_movil():
        return Veredicto("no_aplica", "El contrato no incluye servicio móvil.")
    inicio = perm.fecha_inicio
    usados = [ctx.usado("permanencia_movil_prohibida", inicio)]
    equipo = (" Las cuotas del equipo, si lo compró a plazos, son una deuda aparte; el operador no "
              "puede condicionar el beneficio del equipo a que usted se quede.")
    if not ctx.valor("permanencia_movil_prohibida", inicio):
        fin = fecha_fin(perm)
        return Veredicto(
            "no_cumple",
            f"La cláusula se pactó el {texto.fecha(inicio)}, antes del 1 de julio de 2014, cuando aún "
            f"se permitía en contratos móviles. Rige hasta el {texto.fecha(fin)} y no puede "
            "renovarse." + equipo,
            fecha=inicio, parametros=usados,
        )
    if ctx.caso.servicios_fijos():
        return Veredicto(
            "no_cumple",
            f"La cláusula se pactó el {texto.fecha(inicio)}. Desde el 1 de julio de 2014 no puede "
            "haber permanencia por el servicio móvil; como su contrato también tiene servicios "
            "fijos, la permanencia solo puede referirse a estos, y no le pueden cobrar nada por la "
            "parte móvil." + equipo + (" Si el equipo subsidiado es el celular, ese beneficio no puede "
            "amarrarse a la permanencia." if perm.beneficio in ("subsidio_equipo", "financiacion_equipo")
            else ""),
            fecha=inicio, parametros=usados,
        )
    return Veredicto(
        "cumple",
        f"La cláusula se pactó el {texto.fecha(inicio)} en un contrato solo móvil. Desde el 1 de "
        "julio de 2014 la permanencia está prohibida en contratos móviles: no le pueden cobrar nada "
        "por ella." + equipo,
        fuerza="solida", fecha=inicio, parametros=usados,
    )


@regla(
    "P2-beneficio-y-alternativa",
    "En servicios fijos, la permanencia exige un beneficio real y una oferta sin permanencia",
    CAPITULO,
    ("L1480-41", "CRC-FAQ-PERMANENCIA"),
)
def p2_requisitos(ctx: Contexto) -> Veredicto:
    """A fixed-service clause needs a real benefit and an offer of the same service without it."""
    if (v := _sin_clausula(ctx)) is not None:
        return v
    perm = ctx.caso.permanencia
    assert perm is not None
    if not ctx.caso.servicios_fijos():
        return Veredicto("no_aplica", "El contrato no tiene servicios fijos (véase la regla P1).")
    fallas, faltan = [], []
    if perm.beneficio == "ninguno":
        fallas.append("usted no recibió ningún beneficio a cambio")
    elif perm.beneficio == "desconocido":
        faltan.append("permanencia.beneficio")
    if perm.ofrecieron_plan_sin_permanencia is False:
        fallas.append("no le ofrecieron el mismo servicio sin permanencia")
    elif perm.ofrecieron_plan_sin_permanencia is None:
        faltan.append("permanencia.ofrecieron_plan_sin_permanencia")
    if fallas:
        return Veredicto("no_cumple", f"La cláusula no cumple: {texto.lista(fallas)}.",
                         fecha=perm.fecha_inicio, faltantes=faltan)
    if faltan:
        return Veredicto(
            "falta_informacion",
            "Para saber si la cláusula es válida falta saber "
            + texto.lista(_pregunta(f) for f in faltan) + ".",
            fecha=perm.fecha_inicio, faltantes=faltan,
        )
    beneficio = BENEFICIOS.get(perm.beneficio, perm.beneficio)
    return Veredicto(
        "cumple",
        f"Recibió un beneficio ({beneficio}) y le ofrecieron un plan sin permanencia.",
        fecha=perm.fecha_inicio,
    )


def _pregunta(campo: str) -> str:
    return {
        "permanencia.beneficio": "qué beneficio recibió a cambio",
        "permanencia.ofrecieron_plan_sin_permanencia": "si le ofrecieron el plan sin permanencia",
        "permanencia.documento_separado": "si firmó la permanencia en un documento aparte",
        "permanencia.valor_beneficio": "cuánto valía el beneficio",
    }[campo]


@regla(
    "P3-documento-separado",
    "La permanencia debe constar en un documento aparte, aceptado expresamente, con su tabla de valores",
    CAPITULO,
    ("CRC-FAQ-PERMANENCIA", "MODELO-CONTRATO"),
)
def p3_documento(ctx: Contexto) -> Veredicto:
    """The clause must be a separate document stating the benefit and the amount for each month."""
    if (v := _sin_clausula(ctx)) is not None:
        return v
    perm = ctx.caso.permanencia
    assert perm is not None
    if perm.documento_separado is None:
        return Veredicto(
            "falta_informacion",
            "Falta saber si la permanencia consta en un documento aparte del contrato, firmado por "
            "usted, con el valor del beneficio y lo que pagaría cada mes si se retira.",
            fecha=perm.fecha_inicio, faltantes=["permanencia.documento_separado"],
        )
    if not perm.documento_separado:
        return Veredicto(
            "no_cumple",
            "Usted indica que la permanencia no consta en un documento aparte aceptado por usted: "
            "falta una formalidad que la regulación exige.",
            fecha=perm.fecha_inicio,
        )
    return Veredicto(
        "cumple",
        "La permanencia consta en un documento aparte. Los valores de esa tabla no son una multa y "
        "nunca pueden superar el saldo del beneficio.",
        fecha=perm.fecha_inicio,
    )


@regla(
    "P4-plazo-maximo",
    "La permanencia no puede superar un año",
    CAPITULO,
    ("L1480-41",),
    ("permanencia_meses_maximo",),
)
def p4_plazo(ctx: Contexto) -> Veredicto:
    """Maximum term: 12 months (Ley 1480 art. 41); a longer term is flagged for review."""
    if (v := _sin_clausula(ctx)) is not None:
        return v
    perm = ctx.caso.permanencia
    assert perm is not None
    usado = ctx.usado("permanencia_meses_maximo", perm.fecha_inicio)
    if usado is None:
        return Veredicto(
            "no_aplica",
            f"La cláusula se pactó el {texto.fecha(perm.fecha_inicio)}, antes de que rigiera la Ley "
            "1480 de 2011 (12 de abril de 2012); Salida no evalúa su plazo máximo.",
            fecha=perm.fecha_inicio,
        )
    if perm.meses <= usado.valor:
        return Veredicto(
            "cumple", f"Se pactaron {texto.plural(perm.meses, 'mes', 'meses')}: dentro del máximo "
            f"de {usado.valor}.", fecha=perm.fecha_inicio, parametros=[usado],
        )
    return Veredicto(
        "no_cumple",
        f"Se pactaron {perm.meses} meses, más que el máximo legal de {usado.valor}. Algunas fuentes "
        "admiten plazos mayores cuando se financia el equipo de internet (dato por confirmar): "
        "pida que un abogado lo revise.",
        fuerza="argumentable", fecha=perm.fecha_inicio, parametros=[usado],
    )


@regla(
    "P5-monto-proporcional",
    "Lo máximo que pueden cobrarle es la parte del beneficio que falta por amortizar",
    CAPITULO,
    ("L1480-41", "RES-4930-2016", "CRC-FAQ-PERMANENCIA"),
)
def p5_monto(ctx: Contexto) -> Veredicto:
    """Amount owed = benefit × months remaining / months agreed, never above the annex; 0 after the end."""
    if (v := _sin_clausula(ctx)) is not None:
        return v
    perm, calc = ctx.caso.permanencia, ctx.permanencia
    assert perm is not None and calc is not None
    salida = texto.fecha(calc.fecha_salida)
    if calc.meses_restantes == 0:
        return Veredicto(
            "cumple",
            f"Si el contrato termina el {salida}, la permanencia ya habrá terminado "
            f"({texto.fecha(calc.fecha_fin)}): lo máximo que pueden cobrarle es $0.",
            fuerza="solida", fecha=perm.fecha_inicio,
        )
    restan = texto.plural(calc.meses_restantes, "mes", "meses")
    if calc.valor_lineal is None:
        tope = "" if perm.valor_exigido is None else (
            f" En ningún caso más de lo que le exigen ({texto.pesos(perm.valor_exigido)}).")
        return Veredicto(
            "falta_informacion",
            f"Si el contrato termina el {salida}, faltarían {restan} de {perm.meses}. Para calcular "
            f"el máximo hace falta el valor del beneficio recibido.{tope}",
            fecha=perm.fecha_inicio, faltantes=["permanencia.valor_beneficio"],
        )
    explicacion = (
        f"Si el contrato termina el {salida}, faltarían {restan} de {perm.meses}: "
        f"{texto.pesos(perm.valor_beneficio or 0)} × {calc.meses_restantes} ÷ {perm.meses} = "
        f"{texto.pesos(calc.valor_lineal)}."
    )
    fuerza = None
    if perm.valor_exigido is not None and perm.valor_exigido > calc.valor_lineal:
        explicacion += (f" Le exigen {texto.pesos(perm.valor_exigido)}: más de lo que permite la "
                        "regla; no tiene que pagar la diferencia.")
        fuerza = "solida"
    elif perm.valor_exigido is not None:
        explicacion += (f" Le exigen {texto.pesos(perm.valor_exigido)}, que no supera ese tope; "
                        f"el máximo es {texto.pesos(perm.valor_exigido)}.")
    if _solo_conexion(ctx):
        explicacion += (" Para cláusulas de servicios fijos de esa época, la Res. CRC 4930 de 2016 "
                        "limitaba la permanencia al cargo de conexión (véase P8).")
    return Veredicto("cumple", explicacion, fuerza=fuerza, fecha=perm.fecha_inicio)


@regla(
    "P6-sin-renovacion",
    "Vencido el plazo, el contrato sigue sin permanencia; no se renueva sin un nuevo beneficio",
    CAPITULO,
    ("L1480-41", "MODELO-CONTRATO"),
)
def p6_vencida(ctx: Contexto) -> Veredicto:
    """The clause is agreed once; once it ends nothing is owed, and a renewal needs a new benefit."""
    if (v := _sin_clausula(ctx)) is not None:
        return v
    perm, calc = ctx.caso.permanencia, ctx.permanencia
    assert perm is not None and calc is not None
    fin = texto.fecha(calc.fecha_fin)
    if ctx.hoy >= calc.fecha_fin:
        return Veredicto(
            "cumple", f"La permanencia terminó el {fin}. El contrato sigue sin permanencia: no le "
            "pueden cobrar nada por retirarse.", fuerza="solida", fecha=perm.fecha_inicio,
        )
    if calc.fecha_salida >= calc.fecha_fin:
        return Veredicto(
            "cumple", f"La permanencia termina el {fin}, antes de que la terminación surta efecto "
            f"({texto.fecha(calc.fecha_salida)}): no le pueden cobrar nada por ella.",
            fuerza="solida", fecha=perm.fecha_inicio,
        )
    tardia = sumar_meses(ctx.caso.contrato.fecha_inicio, 1) <= perm.fecha_inicio
    if tardia and perm.beneficio == "ninguno":
        return Veredicto(
            "cumple",
            f"La permanencia empezó el {texto.fecha(perm.fecha_inicio)}, después del inicio del "
            "contrato y sin un beneficio nuevo: si es una renovación, no es exigible.",
            fuerza="argumentable", fecha=perm.fecha_inicio,
        )
    if tardia and perm.beneficio == "desconocido":
        return Veredicto(
            "falta_informacion",
            f"La permanencia empezó el {texto.fecha(perm.fecha_inicio)}, después del inicio del "
            "contrato. Si la renovaron sin darle un beneficio nuevo aceptado aparte, no es exigible: "
            "falta saber qué beneficio recibió.",
            fecha=perm.fecha_inicio, faltantes=["permanencia.beneficio"],
        )
    return Veredicto("no_cumple", f"La permanencia sigue vigente hasta el {fin}.",
                     fecha=perm.fecha_inicio)


@regla(
    "P7-suspension-voluntaria",
    "La suspensión voluntaria (hasta dos meses al año) extiende la permanencia",
    CAPITULO,
    (REGIMEN, "MODELO-CONTRATO"),
    ("suspension_voluntaria_meses_por_anio",),
)
def p7_suspension(ctx: Contexto) -> Veredicto:
    """A voluntary suspension extends the permanence term by the time suspended."""
    if (v := _sin_clausula(ctx)) is not None:
        return v
    perm, calc = ctx.caso.permanencia, ctx.permanencia
    assert perm is not None and calc is not None
    usado = ctx.usado("suspension_voluntaria_meses_por_anio", perm.fecha_inicio)
    if perm.meses_suspension_voluntaria == 0:
        return Veredicto("no_aplica", "No reportó suspensiones voluntarias del servicio.",
                         fecha=perm.fecha_inicio, parametros=[usado])
    n = perm.meses_suspension_voluntaria
    explicacion = (f"Suspendió el servicio {texto.plural(n, 'mes', 'meses')}: la permanencia se "
                   f"extiende hasta el {texto.fecha(calc.fecha_fin)}.")
    anios = -(-(perm.meses + n) // 12)
    if usado is not None and n > usado.valor * anios:
        explicacion += (f" Ojo: la regla permite hasta {usado.valor} meses por año; revise las "
                        "fechas de la suspensión.")
    return Veredicto("cumple", explicacion, fecha=perm.fecha_inicio, parametros=[usado])


@regla(
    "P8-clausula-impugnable",
    "Una cláusula sin beneficio, sin documento aparte o sin alternativa sin permanencia se puede impugnar",
    CAPITULO,
    ("L1480-41", "CRC-FAQ-PERMANENCIA", "RES-4930-2016"),
    ("permanencia_fija_solo_conexion",),
)
def p8_impugnable(ctx: Contexto) -> Veredicto:
    """Strong ground when the benefit is absent; arguable when only a formality is missing."""
    if (v := _sin_clausula(ctx)) is not None:
        return v
    perm = ctx.caso.permanencia
    assert perm is not None
    p1 = ctx.resultados.get("P1")
    if p1 is not None and p1.resultado == "cumple" and p1.fuerza == "solida":
        return Veredicto("no_aplica", "La cláusula ya está prohibida (regla P1).",
                         fecha=perm.fecha_inicio)
    if perm.beneficio == "ninguno":
        return Veredicto(
            "cumple", "Usted no recibió ningún beneficio a cambio de la permanencia: una cláusula "
            "sin beneficio no es exigible y puede negarse a pagarla.",
            fuerza="solida", fecha=perm.fecha_inicio,
        )
    formales = []
    if _solo_conexion(ctx) and perm.beneficio not in ("descuento_conexion", "desconocido"):
        formales.append("se pactó cuando la Res. CRC 4930 de 2016 solo permitía amarrar a la "
                        "permanencia el cargo de conexión de servicios fijos")
    if perm.documento_separado is False:
        formales.append("no consta en un documento aparte aceptado por usted")
    if perm.ofrecieron_plan_sin_permanencia is False:
        formales.append("no le ofrecieron el plan sin permanencia")
    if formales:
        return Veredicto(
            "cumple", f"La cláusula {texto.lista(formales)}. Puede alegar que no es exigible; es un "
            "argumento de forma que el operador puede discutir.",
            fuerza="argumentable", fecha=perm.fecha_inicio,
        )
    faltan = [campo for campo, valor in (
        ("permanencia.beneficio", perm.beneficio == "desconocido"),
        ("permanencia.documento_separado", perm.documento_separado is None),
        ("permanencia.ofrecieron_plan_sin_permanencia", perm.ofrecieron_plan_sin_permanencia is None),
    ) if valor]
    if faltan:
        return Veredicto(
            "falta_informacion",
            "Falta saber " + texto.lista(_pregunta(f) for f in faltan) + ": si la respuesta es "
            "no, podría impugnar la cláusula.",
            fecha=perm.fecha_inicio, faltantes=faltan,
        )
    return Veredicto("no_cumple", "La cláusula tiene beneficio, documento aparte y alternativa sin "
                     "permanencia: no se encontró un defecto que la haga inexigible.",
                     fecha=perm.fecha_inicio)
