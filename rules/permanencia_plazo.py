"""Rulebook §2, the clause's term and amount: proportional amount (P5), no renewal (P6) and
voluntary suspension (P7). Formation rules: the clause's date applies."""

from __future__ import annotations

from rules import texto
from rules.calendario import sumar_meses
from rules.contexto import Contexto
from rules.decision import Fuerza
from rules.permanencia import CAPITULO, sin_clausula, solo_conexion
from rules.registro import REGIMEN, Veredicto, regla


def vencida(ctx: Contexto) -> bool:
    """§9: a clause whose term ended before the evaluation date is a calendar fact, always covered."""
    calc = ctx.permanencia
    return calc is not None and ctx.hoy >= calc.fecha_fin


@regla(
    "P5-monto-proporcional",
    "Lo máximo que pueden cobrarle es la parte del beneficio que falta por amortizar",
    CAPITULO,
    ("L1480-41", "RES-4930-2016", "CRC-FAQ-PERMANENCIA"),
    favorece_si_cumple=True,
)
def p5_monto(ctx: Contexto) -> Veredicto:
    """Amount owed = benefit × months remaining / months agreed, never above the annex; 0 after the end."""
    if (v := sin_clausula(ctx)) is not None and not vencida(ctx):
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
    fuerza: Fuerza | None = None
    if perm.valor_exigido is not None and perm.valor_exigido > calc.valor_lineal:
        explicacion += (f" Le exigen {texto.pesos(perm.valor_exigido)}: más de lo que permite la "
                        "regla; no tiene que pagar la diferencia.")
        fuerza = "solida"
    elif perm.valor_exigido is not None:
        explicacion += (f" Le exigen {texto.pesos(perm.valor_exigido)}, que no supera ese tope; "
                        f"el máximo es {texto.pesos(perm.valor_exigido)}.")
    if solo_conexion(ctx):
        explicacion += (" Para cláusulas de servicios fijos de esa época, la Res. CRC 4930 de 2016 "
                        "limitaba la permanencia al cargo de conexión (véase P8).")
    return Veredicto("cumple", explicacion, fuerza=fuerza, fecha=perm.fecha_inicio)


@regla(
    "P6-sin-renovacion",
    "Vencido el plazo, el contrato sigue sin permanencia; no se renueva sin un nuevo beneficio",
    CAPITULO,
    ("L1480-41", "MODELO-CONTRATO"),
    favorece_si_cumple=True,
)
def p6_vencida(ctx: Contexto) -> Veredicto:
    """The clause is agreed once; once it ends nothing is owed, and a renewal needs a new benefit."""
    if (v := sin_clausula(ctx)) is not None and not vencida(ctx):
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
    "La suspensión voluntaria (hasta {suspension_meses} al año) extiende la permanencia",
    CAPITULO,
    (REGIMEN, "MODELO-CONTRATO"),
    ("suspension_voluntaria_meses_por_anio",),
    favorece_si_cumple=False,
)
def p7_suspension(ctx: Contexto) -> Veredicto:
    """A voluntary suspension extends the permanence term by the time suspended."""
    if (v := sin_clausula(ctx)) is not None:
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
