"""Rulebook §5: compensation for unavailability (C1–C6), per service and calendar month."""

from __future__ import annotations

import calendar
from datetime import date

from rules import texto
from rules.caso import Falla
from rules.contexto import Contexto
from rules.decision import Fuerza
from rules.indisponibilidad import describir, fallas_cubiertas
from rules.regimen import no_cubierto
from rules.registro import REGIMEN, Veredicto, regla

CAPITULO = "Compensación por falta de disponibilidad"
FIJOS_C1 = ("internet_fijo", "telefonia_fija")


def _frase(partes: list[str]) -> str:
    texto_ = "; ".join(partes)
    return texto_[0].upper() + texto_[1:]


def sin_cobertura(ctx: Contexto, servicios: tuple[str, ...]) -> Veredicto | None:
    """`no_cubierto` when every failure of these services is before the engine's coverage."""
    _, fuera = fallas_cubiertas(ctx)
    propias = [f for f in fuera if f.servicio in servicios]
    if propias and not [f for f in ctx.meses if f.servicio in servicios]:
        return no_cubierto(ctx, "La falla", propias[0].inicio.date())
    return None


def _regla_umbral(ctx: Contexto, servicios: tuple[str, ...], fuerza: Fuerza,
                  consecuencia: str) -> Veredicto:
    contratados = [s for s in servicios if s in ctx.caso.contrato.servicios]
    if not contratados:
        nombres = texto.lista(texto.servicio(s) for s in servicios)
        return Veredicto("no_aplica", f"El contrato no incluye {nombres}.", fecha=ctx.hoy)
    if (v := sin_cobertura(ctx, servicios)) is not None:
        return v
    filas = [f for f in ctx.meses if f.servicio in servicios]
    nombres = texto.lista(texto.servicio(s) for s in contratados)
    if not filas:
        if any(f.servicio in servicios for f in ctx.caso.fallas):
            return Veredicto("no_cumple", f"Las fallas de {nombres} aún no suman horas: siguen en curso "
                             "desde hoy.", fecha=ctx.hoy)
        return Veredicto("no_aplica", f"No reportó fallas de {nombres}.", fecha=ctx.hoy)
    fecha = date.fromisoformat(filas[0].mes + "-01")
    usados = [f.umbral for f in filas if f.umbral is not None][:1]
    sin_umbral = [f for f in filas if f.supera is None]
    nota = ""
    if sin_umbral:
        desde = texto.fecha(ctx.p.primera_fecha(f"umbral_horas_{servicios[0]}"))
        nota = (" Para " + texto.lista(texto.mes(f.mes) for f in sin_umbral) + " Salida no tiene un "
                f"umbral vigente (el de este régimen rige desde el {desde}).")
    superan = [f for f in filas if f.supera]
    if superan:
        explicacion = _frase([describir(f) for f in superan]) + ". " + consecuencia + nota
        if ctx.caso.compensacion_aplicada:
            explicacion += " Usted indica que la compensación ya apareció en su factura."
        return Veredicto("cumple", explicacion, fuerza=fuerza, fecha=fecha, parametros=usados)
    if not [f for f in filas if f.supera is False]:
        return Veredicto("falta_informacion", nota.strip(), fecha=fecha)
    explicacion = _frase([describir(f) for f in filas if f.supera is False])
    if any(f.ambigua for f in filas):
        return Veredicto(
            "falta_informacion",
            explicacion + f". Ninguna falla continua supera las {texto.horas(usados[0].valor)}, pero "
            "dentro de 24 horas sí: no está claro cuál de las dos formas de contar aplica." + nota,
            fecha=fecha, parametros=usados,
        )
    return Veredicto("no_cumple", explicacion + ": no superó el límite en ningún mes." + nota,
                     fecha=fecha, parametros=usados)


@regla(
    "C1-internet-telefonia-fija",
    "Más de {umbral_fijo} horas sin internet fijo o telefonía fija en un mes dan derecho a compensación "
    "automática",
    CAPITULO,
    (REGIMEN, "MODELO-CONTRATO"),
    ("umbral_horas_internet_fijo", "umbral_horas_telefonia_fija"),
    favorece_si_cumple=True,
)
def c1_fijos(ctx: Contexto) -> Veredicto:
    """Fixed internet and telephony: > 2.5 h in one calendar month → automatic compensation."""
    return _regla_umbral(ctx, FIJOS_C1, "solida", (
        "Por superar el límite en el mes, el operador debe compensarle automáticamente en la próxima "
        "factura, sin que usted lo pida."))


@regla(
    "C2-television",
    "Más de {umbral_television} horas sin televisión por suscripción dan derecho a compensación (dato "
    "por confirmar)",
    CAPITULO,
    (REGIMEN,),
    ("umbral_horas_television",),
    favorece_si_cumple=True,
)
def c2_television(ctx: Contexto) -> Veredicto:
    """Subscription TV: automatic compensation above 16 hours (window unclear; status U)."""
    return _regla_umbral(ctx, ("television",), "argumentable", (
        "Según fuentes no confirmadas, por encima de ese límite corresponde una compensación; "
        "puede pedirla."))


@regla(
    "C3-movil",
    "Fallas del servicio móvil: compensación automática de voz solo antes del {voz_movil_derogada_desde}",
    CAPITULO,
    ("RES-5929-2020", "RES-4296-2013"),
    ("compensacion_automatica_voz_movil",),
    favorece_si_cumple=True,
)
def c3_movil(ctx: Contexto) -> Veredicto:
    """Res. 5929/2020 repealed automatic mobile-voice compensation; the engine promises none."""
    if "movil" not in ctx.caso.contrato.servicios:
        return Veredicto("no_aplica", "El contrato no incluye servicio móvil.", fecha=ctx.hoy)
    if (v := sin_cobertura(ctx, ("movil",))) is not None:
        return v
    filas = [f for f in ctx.meses if f.servicio == "movil"]
    if not filas:
        return Veredicto("no_aplica", "No reportó fallas del servicio móvil.", fecha=ctx.hoy)
    fecha = date.fromisoformat(filas[0].mes + "-01")
    usados = [ctx.usado("compensacion_automatica_voz_movil", fecha)]
    hechos = _frase([describir(f) for f in filas])
    if any(f.automatica for f in filas):
        return Veredicto(
            "cumple",
            hechos + ". En esas fechas regía la compensación automática por fallas de voz móvil "
            "(Res. CRC 4296 de 2013; alcance por confirmar): puede reclamarla.",
            fuerza="argumentable", fecha=fecha, parametros=usados,
        )
    if all(f.sin_parametro for f in filas):
        return Veredicto(
            "falta_informacion",
            hechos + ". Salida no tiene confirmado qué compensación regía para la voz móvil en esas "
            "fechas (antes de la Res. CRC 4296 de 2013); puede pedirla en su queja.",
            fecha=fecha,
        )
    return Veredicto(
        "no_cumple",
        hechos + f". Desde el {texto.fecha(ctx.desde('compensacion_automatica_voz_movil', False))} no "
        "hay compensación automática por fallas de voz móvil; puede pedir una compensación en su "
        "queja, sin garantía de que proceda.",
        fecha=fecha, parametros=usados,
    )


@regla(
    "C4-formula",
    "Estimación de la compensación: cargo mensual del servicio × horas sin servicio ÷ horas del mes",
    CAPITULO,
    ("SALIDA-DISENO",),
    ("formula_compensacion_factor",),
    favorece_si_cumple=True,
)
def c4_formula(ctx: Contexto) -> Veredicto:
    """The formula is not confirmed: a dated parameter with status U, shown as an estimate."""
    filas = [f for f in ctx.meses if f.supera and f.valor is not None]
    if not filas:
        return Veredicto("no_aplica", "No hay meses que superen el límite: nada que estimar.",
                         fecha=ctx.hoy)
    fecha = date.fromisoformat(filas[0].mes + "-01")
    usado = ctx.usado("formula_compensacion_factor", fecha)
    partes = []
    for f in filas:
        anio, mes = (int(x) for x in f.mes.split("-"))
        horas_mes = calendar.monthrange(anio, mes)[1] * 24
        partes.append(f"{texto.servicio(f.servicio)}, {texto.mes(f.mes)}: {texto.pesos(f.cargo)} × "
                      f"{texto.numero(f.horas)} h ÷ {horas_mes} h ≈ {texto.pesos(f.valor or 0)}")
    caso = ctx.caso
    faltan = []
    explicacion = "Estimación (fórmula no confirmada; algunas fuentes hablan del doble): " + \
        "; ".join(partes) + "."
    propios = caso.contrato.valores_por_servicio or {}
    repartidos = [f.servicio for f in filas if f.servicio not in propios]
    if repartidos and len(caso.contrato.servicios) > 1:
        explicacion += (f" Se repartió el valor mensual ({texto.pesos(caso.contrato.valor_mensual)}, "
                        "menos los valores que usted indicó) entre los servicios sin valor propio; "
                        "si conoce el valor de cada uno, el cálculo será más preciso.")
        faltan.append("contrato.valores_por_servicio")
    return Veredicto("cumple", explicacion, fuerza="argumentable", fecha=fecha,
                     parametros=[usado], faltantes=faltan)


@regla(
    "C5-conteo",
    "Cómo se cuentan las horas: por servicio y mes calendario, uniendo incidentes superpuestos",
    CAPITULO,
    ("SALIDA-DISENO",),
    favorece_si_cumple=None,
)
def c5_conteo(ctx: Contexto) -> Veredicto:
    """Merge overlaps per service, split across months, count ongoing incidents to the evaluation date."""
    caso = ctx.caso
    if not caso.fallas:
        return Veredicto("no_aplica", "No reportó fallas.", fecha=ctx.hoy)
    n = len(caso.fallas)
    notas = [f"Se {'contó' if n == 1 else 'contaron'} {'la' if n == 1 else 'las'} "
             f"{texto.plural(n, 'falla reportada', 'fallas reportadas')}, cada servicio por "
             "separado."]
    if any(f.conteo.fusionados for f in ctx.meses):
        notas.append("Las horas de fallas que se superponen se cuentan una sola vez.")
    if any(_cruza_mes(f) for f in caso.fallas):
        notas.append("Las fallas que cruzan de un mes a otro se dividen entre los meses.")
    _, fuera = fallas_cubiertas(ctx)
    if fuera:
        notas.append(f"{texto.plural(len(fuera), 'falla es anterior', 'fallas son anteriores')} al "
                     f"{ctx.cobertura()} y no se cuentan (no cubierto).")
    if any(f.fin is None for f in caso.fallas):
        notas.append(f"Las fallas que siguen en curso se cuentan hasta el inicio del "
                     f"{texto.fecha(ctx.hoy)} (fecha de evaluación).")
    if any(f.masiva for f in caso.fallas):
        notas.append("Fue una falla masiva: cada servicio afectado cuenta por separado.")
    return Veredicto("cumple", " ".join(notas), fecha=ctx.hoy)


def _cruza_mes(falla: Falla) -> bool:
    if falla.fin is None:
        return False
    inicio_mes_fin = falla.fin.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return falla.inicio < inicio_mes_fin < falla.fin


@regla(
    "C6-reclamar-compensacion-y-gastos",
    "Si no le compensaron, puede reclamarlo; los gastos que causó la falla se pueden pedir como perjuicios",
    CAPITULO,
    ("L1480",),  # damages, not the condición resolutoria tácita (which supports termination)
    favorece_si_cumple=True,
)
def c6_reclamar(ctx: Contexto) -> Veredicto:
    """Unapplied compensation is claimed in a PQR; extra costs may be claimed as damages (status U)."""
    caso = ctx.caso
    partes = []
    debida = sum(f.valor or 0 for f in ctx.meses if f.supera)
    if debida and caso.compensacion_aplicada is not True:
        partes.append(f"si la compensación (estimada en {texto.pesos(debida)}) no aparece en su "
                      "próxima factura, puede reclamarla en una queja")
    if caso.gastos_adicionales:
        total = sum(g.valor for g in caso.gastos_adicionales)
        partes.append(f"puede pedir que le reconozcan los gastos que le causó la falla "
                      f"({texto.pesos(total)}), aunque no hay un derecho automático a ellos")
    if not partes:
        return Veredicto("no_aplica", "No hay compensación pendiente ni gastos reportados.",
                         fecha=ctx.hoy)
    texto_ = "; ".join(partes)
    return Veredicto("cumple", texto_[0].upper() + texto_[1:] + ".", fuerza="argumentable",
                     fecha=ctx.hoy)
