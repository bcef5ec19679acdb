"""Rulebook §5: compensation for unavailability (C1–C6), per service and calendar month."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from rules import texto
from rules.caso import BOGOTA, Caso
from rules.contexto import Contexto
from rules.decision import ParametroUsado
from rules.registro import REGIMEN, Veredicto, regla

CAPITULO = "Compensación por falta de disponibilidad"
FIJOS_C1 = ("internet_fijo", "telefonia_fija")


@dataclass(frozen=True)
class MesServicio:
    """Unavailability of one service in one calendar month (Bogotá time)."""

    servicio: str
    mes: str
    horas: float
    incidentes: int
    en_curso: bool
    umbral: ParametroUsado | None
    supera: bool | None
    cargo: int
    valor: int | None
    automatica: bool


Intervalo = tuple[datetime, datetime, bool]  # start, end, still ongoing


def unir(intervalos: list[Intervalo]) -> list[tuple[datetime, datetime, bool, int]]:
    """Merge overlapping or touching intervals: (start, end, ongoing, how many were merged)."""
    unidos: list[list] = []
    for inicio, fin, en_curso in sorted(intervalos):
        if fin <= inicio:
            continue
        if unidos and inicio <= unidos[-1][1]:
            ultimo = unidos[-1]
            if fin > ultimo[1]:
                ultimo[1], ultimo[2] = fin, en_curso
            elif fin == ultimo[1]:
                ultimo[2] = ultimo[2] or en_curso
            ultimo[3] += 1
        else:
            unidos.append([inicio, fin, en_curso, 1])
    return [tuple(u) for u in unidos]  # type: ignore[misc]


def _inicio_mes_siguiente(m: datetime) -> datetime:
    anio, mes = (m.year + 1, 1) if m.month == 12 else (m.year, m.month + 1)
    return datetime(anio, mes, 1, tzinfo=BOGOTA)


def horas_por_mes(intervalos: list[Intervalo]) -> dict[str, tuple[float, int, bool]]:
    """Hours per calendar month of the merged intervals: {'2026-11': (hours, periods, ongoing)}."""
    por_mes: dict[str, list] = defaultdict(lambda: [0.0, 0, False])
    for inicio, fin, en_curso, _ in unir(intervalos):
        tramo = inicio.astimezone(BOGOTA)
        fin = fin.astimezone(BOGOTA)
        while tramo < fin:
            corte = min(fin, _inicio_mes_siguiente(tramo))
            fila = por_mes[f"{tramo.year:04d}-{tramo.month:02d}"]
            fila[0] += (corte - tramo).total_seconds() / 3600
            fila[1] += 1
            fila[2] = fila[2] or (en_curso and corte == fin)
            tramo = corte
    return {mes: (h, n, c) for mes, (h, n, c) in sorted(por_mes.items())}


def cargo_mensual(caso: Caso, servicio: str) -> int:
    """Monthly charge of one service: its own value, or the bill split evenly among the services."""
    propios = caso.contrato.valores_por_servicio or {}
    if servicio in propios:
        return propios[servicio]
    return round(caso.contrato.valor_mensual / len(caso.contrato.servicios))


def limite_en_curso(caso: Caso) -> datetime:
    """Ongoing incidents count up to the start of the evaluation day (Bogotá): hours already lived."""
    return datetime.combine(caso.fecha_evaluacion, time(0), tzinfo=BOGOTA)


def calcular_meses(ctx: Contexto) -> list[MesServicio]:
    """Unavailability rows for every service with failures, in contract order."""
    caso = ctx.caso
    limite = limite_en_curso(caso)
    filas: list[MesServicio] = []
    for servicio in caso.contrato.servicios:
        intervalos = [(f.inicio, f.fin or limite, f.fin is None)
                      for f in caso.fallas if f.servicio == servicio]
        if not intervalos:
            continue
        cargo = cargo_mensual(caso, servicio)
        for mes, (horas, n, en_curso) in horas_por_mes(intervalos).items():
            filas.append(_fila(ctx, servicio, mes, horas, n, en_curso, cargo))
    return filas


def _fila(ctx: Contexto, servicio: str, mes: str, horas: float, n: int, en_curso: bool,
          cargo: int) -> MesServicio:
    anio, numero = (int(x) for x in mes.split("-"))
    primer_dia = date(anio, numero, 1)
    if servicio == "movil":
        automatica = bool(ctx.valor("compensacion_automatica_voz_movil", primer_dia))
        return MesServicio(servicio, mes, horas, n, en_curso, None, None, cargo, None, automatica)
    umbral = ctx.usado(f"umbral_horas_{servicio}", primer_dia)
    factor = ctx.valor("formula_compensacion_factor", primer_dia)
    if umbral is None or factor is None:
        return MesServicio(servicio, mes, horas, n, en_curso, umbral, None, cargo, None, False)
    supera = horas > umbral.valor
    horas_mes = calendar.monthrange(anio, numero)[1] * 24
    valor = round(cargo * horas / horas_mes * float(factor)) if supera else 0
    return MesServicio(servicio, mes, horas, n, en_curso, umbral, supera, cargo, valor, supera)


def _describir(fila: MesServicio) -> str:
    limite = f" (límite: {texto.numero(fila.umbral.valor)})" if fila.umbral else ""
    curso = ", y la falla sigue" if fila.en_curso else ""
    return (f"en {texto.mes(fila.mes)} {texto.el_servicio(fila.servicio)} estuvo sin servicio "
            f"{texto.horas(fila.horas)}{limite}{curso}")


def _regla_umbral(ctx: Contexto, servicios: tuple[str, ...], fuerza: str) -> Veredicto:
    filas = [f for f in ctx.meses if f.servicio in servicios]
    nombres = texto.lista(texto.servicio(s) for s in servicios)
    if not filas:
        return Veredicto("no_aplica", f"No reportó fallas de {nombres}.", fecha=ctx.hoy)
    fecha = date.fromisoformat(filas[0].mes + "-01")
    usados = [f.umbral for f in filas if f.umbral is not None][:1]
    sin_umbral = [f for f in filas if f.supera is None]
    nota = ""
    if sin_umbral:
        nota = (" Para " + texto.lista(texto.mes(f.mes) for f in sin_umbral) + " Salida no tiene un "
                "umbral vigente (el de este régimen rige desde el 1 de enero de 2018).")
    superan = [f for f in filas if f.supera]
    if superan:
        hechos = "; ".join(_describir(f) for f in superan)
        explicacion = (hechos[0].upper() + hechos[1:] + ". Por superar el límite en el mes, el "
                       "operador debe compensarle automáticamente en la próxima factura, sin que "
                       "usted lo pida." + nota)
        if ctx.caso.compensacion_aplicada:
            explicacion += " Usted indica que la compensación ya apareció en su factura."
        return Veredicto("cumple", explicacion, fuerza=fuerza, fecha=fecha, parametros=usados)
    if not [f for f in filas if f.supera is False]:
        return Veredicto("falta_informacion", nota.strip(), fecha=fecha)
    hechos = "; ".join(_describir(f) for f in filas if f.supera is False)
    return Veredicto(
        "no_cumple",
        hechos[0].upper() + hechos[1:] + ": no superó el límite en ningún mes." + nota,
        fecha=fecha, parametros=usados,
    )


@regla(
    "C1-internet-telefonia-fija",
    "Más de 2,5 horas sin internet fijo o telefonía fija en un mes dan derecho a compensación automática",
    CAPITULO,
    (REGIMEN, "MODELO-CONTRATO"),
    ("umbral_horas_internet_fijo", "umbral_horas_telefonia_fija"),
)
def c1_fijos(ctx: Contexto) -> Veredicto:
    """Fixed internet and telephony: > 2.5 h in one calendar month → automatic compensation."""
    return _regla_umbral(ctx, FIJOS_C1, "solida")


@regla(
    "C2-television",
    "Más de 16 horas sin televisión por suscripción dan derecho a compensación (dato por confirmar)",
    CAPITULO,
    (REGIMEN,),
    ("umbral_horas_television",),
)
def c2_television(ctx: Contexto) -> Veredicto:
    """Subscription TV: automatic compensation above 16 hours (window unclear; status U)."""
    return _regla_umbral(ctx, ("television",), "argumentable")


@regla(
    "C3-movil",
    "Fallas del servicio móvil: no hay compensación automática de voz desde el 5 de marzo de 2020",
    CAPITULO,
    ("RES-5929-2020", "RES-4296-2013"),
    ("compensacion_automatica_voz_movil",),
)
def c3_movil(ctx: Contexto) -> Veredicto:
    """Res. 5929/2020 repealed automatic mobile-voice compensation; the engine promises none."""
    filas = [f for f in ctx.meses if f.servicio == "movil"]
    if not filas:
        return Veredicto("no_aplica", "No reportó fallas del servicio móvil.", fecha=ctx.hoy)
    fecha = date.fromisoformat(filas[0].mes + "-01")
    usados = [ctx.usado("compensacion_automatica_voz_movil", fecha)]
    hechos = "; ".join(_describir(f) for f in filas)
    antiguas = [f for f in filas if f.automatica]
    if antiguas:
        return Veredicto(
            "cumple",
            hechos[0].upper() + hechos[1:] + ". En esas fechas regía la compensación automática por "
            "fallas de voz móvil (Res. CRC 4296 de 2013; alcance por confirmar): puede reclamarla.",
            fuerza="argumentable", fecha=fecha, parametros=usados,
        )
    return Veredicto(
        "no_cumple",
        hechos[0].upper() + hechos[1:] + ". Desde el 5 de marzo de 2020 no hay compensación "
        "automática por fallas de voz móvil; puede pedir una compensación en su queja, sin garantía "
        "de que proceda.",
        fecha=fecha, parametros=usados,
    )


@regla(
    "C4-formula",
    "Estimación de la compensación: cargo mensual del servicio × horas sin servicio ÷ horas del mes",
    CAPITULO,
    ("SALIDA-DISENO",),
    ("formula_compensacion_factor",),
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
                      f"{texto.numero(f.horas)} ÷ {horas_mes} ≈ {texto.pesos(f.valor or 0)}")
    caso = ctx.caso
    faltan = []
    explicacion = "Estimación (fórmula no confirmada; algunas fuentes hablan del doble): " + \
        "; ".join(partes) + "."
    propios = caso.contrato.valores_por_servicio or {}
    repartidos = [f.servicio for f in filas if f.servicio not in propios]
    if repartidos and len(caso.contrato.servicios) > 1:
        explicacion += (f" Se repartió el valor mensual ({texto.pesos(caso.contrato.valor_mensual)}) "
                        f"entre los {len(caso.contrato.servicios)} servicios; si conoce el valor de "
                        "cada uno, el cálculo será más preciso.")
        faltan.append("contrato.valores_por_servicio")
    return Veredicto("cumple", explicacion, fuerza="argumentable", fecha=fecha,
                     parametros=[usado], faltantes=faltan)


@regla(
    "C5-conteo",
    "Cómo se cuentan las horas: por servicio y mes calendario, uniendo incidentes superpuestos",
    CAPITULO,
    ("SALIDA-DISENO",),
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
    if any(f.incidentes > 1 for f in ctx.meses) or len(ctx.meses) > len(
            {f.servicio for f in ctx.meses}):
        notas.append("Las horas que se superponen se cuentan una sola vez y las fallas que cruzan "
                     "de un mes a otro se dividen entre los meses.")
    if any(f.fin is None for f in caso.fallas):
        notas.append(f"Las fallas que siguen en curso se cuentan hasta el inicio del "
                     f"{texto.fecha(ctx.hoy)} (fecha de evaluación).")
    if any(f.masiva for f in caso.fallas):
        notas.append("Fue una falla masiva: cada servicio afectado cuenta por separado.")
    return Veredicto("cumple", " ".join(notas), fecha=ctx.hoy)


@regla(
    "C6-reclamar-compensacion-y-gastos",
    "Si no le compensaron, puede reclamarlo; los gastos que causó la falla se pueden pedir como perjuicios",
    CAPITULO,
    ("L1480", "CC-1546"),
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
