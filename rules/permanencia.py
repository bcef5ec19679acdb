"""Rulebook §2, the clause's validity: mobile prohibition (P1), requirements (P2–P4) and whether it
can be challenged (P8). Formation rules: the clause's date applies. P5–P7: `permanencia_plazo`."""

from __future__ import annotations

from rules import prosa, texto
from rules.amortizacion import fecha_fin
from rules.contexto import Contexto
from rules.regimen import no_cubierto
from rules.registro import Veredicto, regla

CAPITULO = "Cláusula de permanencia mínima"
BENEFICIOS = {
    "subsidio_equipo": "subsidio del equipo",
    "financiacion_equipo": "financiación del equipo",
    "descuento_conexion": "descuento en el cargo de conexión",
    "descuento_tarifa": "descuento en la tarifa",
}


def solo_conexion(ctx: Contexto) -> bool:
    """Res. 4930/2016: a fixed-service clause then could only cover the connection charge."""
    perm = ctx.caso.permanencia
    return (perm is not None and bool(ctx.caso.servicios_fijos())
            and ctx.p.booleano("permanencia_fija_solo_conexion", perm.fecha_inicio) is True)


NO_SABE_PERMANENCIA = (
    "Usted no sabe si su contrato tiene cláusula de permanencia. Si no la tiene, puede terminarlo sin "
    "pagar nada por irse. Si la tiene, el operador puede cobrarle la parte del beneficio que recibió "
    "(equipo o descuento) que falte por pagar, salvo que haya un motivo para no pagarla; con la "
    "duración y el valor del beneficio Salida calcula cuánto es y si puede evitarlo.")


def sin_clausula(ctx: Contexto) -> Veredicto | None:
    """The verdict when there is no clause or it is outside coverage; None otherwise."""
    perm = ctx.caso.permanencia
    if perm is None and ctx.caso.hay_permanencia == "no_se":
        return Veredicto("falta_informacion", NO_SABE_PERMANENCIA, faltantes=["permanencia"])
    if perm is None:
        return Veredicto("no_aplica", "El contrato no tiene cláusula de permanencia.")
    if not ctx.cubierto(perm.fecha_inicio):
        return no_cubierto(ctx, "La cláusula de permanencia", perm.fecha_inicio)
    return None


@regla(
    "P1-movil-prohibida",
    "La permanencia en un contrato móvil firmado desde el {movil_prohibida_desde} está prohibida",
    CAPITULO,
    ("RES-4444-2014", "SIC-BOLETIN-2017"),
    ("permanencia_movil_prohibida",),
    favorece_si_cumple=True,
)
def p1_movil(ctx: Contexto) -> Veredicto:
    """Mobile contracts signed on or after 2014-07-01 may not carry a permanence clause."""
    if (v := sin_clausula(ctx)) is not None:
        return v
    perm = ctx.caso.permanencia
    assert perm is not None
    if not ctx.caso.tiene_movil():
        return Veredicto("no_aplica", "El contrato no incluye servicio móvil.")
    inicio = perm.fecha_inicio
    usados = [ctx.usado("permanencia_movil_prohibida", inicio)]
    equipo = (" Las cuotas del equipo, si lo compró a plazos, son una deuda aparte; el operador no "
              "puede condicionar el beneficio del equipo a que usted se quede.")
    prohibida_desde = texto.fecha(ctx.desde("permanencia_movil_prohibida", True))
    if not ctx.p.booleano("permanencia_movil_prohibida", inicio):
        fin = fecha_fin(perm)
        return Veredicto(
            "no_cumple",
            f"La cláusula se pactó el {texto.fecha(inicio)}, antes del {prohibida_desde}, cuando aún "
            f"se permitía en contratos móviles. Rige hasta el {texto.fecha(fin)} y no puede "
            "renovarse." + equipo,
            fecha=inicio, parametros=usados,
        )
    if ctx.caso.servicios_fijos():
        return Veredicto(
            "no_cumple",
            f"La cláusula se pactó el {texto.fecha(inicio)}. Desde el {prohibida_desde} no puede "
            "haber permanencia por el servicio móvil; como su contrato también tiene servicios "
            "fijos, la permanencia solo puede referirse a estos, y no le pueden cobrar nada por la "
            "parte móvil." + equipo + (" Si el equipo subsidiado es el celular, ese beneficio no puede "
            "amarrarse a la permanencia." if perm.beneficio in ("subsidio_equipo", "financiacion_equipo")
            else ""),
            fecha=inicio, parametros=usados,
        )
    return Veredicto(
        "cumple",
        f"La cláusula se pactó el {texto.fecha(inicio)} en un contrato solo móvil. Desde el "
        f"{prohibida_desde} la permanencia está prohibida en contratos móviles: no le pueden cobrar "
        "nada por ella." + equipo,
        fuerza="solida", fecha=inicio, parametros=usados,
    )


@regla(
    "P2-beneficio-y-alternativa",
    "En servicios fijos, la permanencia exige un beneficio real y una oferta sin permanencia",
    CAPITULO,
    ("L1480-41", "CRC-FAQ-PERMANENCIA"),
    favorece_si_cumple=False,
)
def p2_requisitos(ctx: Contexto) -> Veredicto:
    """A fixed-service clause needs a real benefit and an offer of the same service without it."""
    if (v := sin_clausula(ctx)) is not None:
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
    favorece_si_cumple=False,
)
def p3_documento(ctx: Contexto) -> Veredicto:
    """The clause must be a separate document stating the benefit and the amount for each month."""
    if (v := sin_clausula(ctx)) is not None:
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
    "La permanencia no puede superar {plazo_maximo}",
    CAPITULO,
    ("L1480-41",),
    ("permanencia_meses_maximo",),
    favorece_si_cumple=False,
)
def p4_plazo(ctx: Contexto) -> Veredicto:
    """Maximum term: 12 months (Ley 1480 art. 41); a longer term is flagged for review."""
    if (v := sin_clausula(ctx)) is not None:
        return v
    perm = ctx.caso.permanencia
    assert perm is not None
    usado = ctx.usado("permanencia_meses_maximo", perm.fecha_inicio)
    if usado is None:
        primero = ctx.p.parametros["permanencia_meses_maximo"].valores[0]
        fuente, rige = primero.fuente, primero.desde
        return Veredicto(
            "no_aplica",
            f"La cláusula se pactó el {texto.fecha(perm.fecha_inicio)}, antes de que rigiera la "
            f"{prosa.norma_corta(ctx.p, fuente)} ({texto.fecha(rige)}); Salida no evalúa su plazo "
            "máximo.",
            fecha=perm.fecha_inicio,
        )
    if perm.meses <= usado.valor:
        return Veredicto(
            "cumple", f"Se pactaron {texto.plural(perm.meses, 'mes', 'meses')}: dentro del máximo "
            f"de {usado.valor}.", fecha=perm.fecha_inicio, parametros=[usado],
        )
    return Veredicto(
        "no_cumple",
        f"Se pactaron {perm.meses} meses, más que el máximo legal de {usado.valor}. Es un argumento "
        "discutible, no una invalidez probada: cumplido el mes "
        f"{usado.valor}, puede pedir como petición principal que no le cobren nada por la "
        "permanencia y, en subsidio, solo la parte proporcional. Algunas fuentes admiten plazos "
        "mayores cuando se financia el equipo de internet (dato por confirmar).",
        fuerza="argumentable", fecha=perm.fecha_inicio, parametros=[usado],
    )


@regla(
    "P8-clausula-impugnable",
    "Una cláusula sin beneficio, sin documento aparte o sin alternativa sin permanencia se puede impugnar",
    CAPITULO,
    ("L1480-41", "CRC-FAQ-PERMANENCIA", "RES-4930-2016"),
    ("permanencia_fija_solo_conexion",),
    favorece_si_cumple=True,
)
def p8_impugnable(ctx: Contexto) -> Veredicto:
    """Strong ground when the benefit is absent; arguable when only a formality is missing."""
    if (v := sin_clausula(ctx)) is not None:
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
    if solo_conexion(ctx) and perm.beneficio not in ("descuento_conexion", "desconocido"):
        formales.append("se pactó cuando la Res. CRC 4930 de 2016 solo permitía amarrar a la "
                        "permanencia el cargo de conexión de servicios fijos (la fecha en que empezó "
                        "a regir está por confirmar)")
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
