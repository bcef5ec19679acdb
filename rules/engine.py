"""`evaluar(caso) -> Decision`: run every rule in rulebook order and assemble the decision."""

from __future__ import annotations

from rules import cartas, plazos, procedimiento, prosa, solicitudes, texto

# Importing the chapters registers their rules, in rulebook order.
from rules import compensacion as _c5  # noqa: F401
from rules import incumplimiento as _c4  # noqa: F401
from rules import permanencia as _c2  # noqa: F401
from rules import permanencia_plazo as _c2b  # noqa: F401
from rules import pqr as _c6  # noqa: F401
from rules import regimen as _c1  # noqa: F401
from rules import terminacion as _c3  # noqa: F401
from rules.caso import Caso
from rules.contexto import Contexto
from rules.decision import (
    TIPOS_CARTA,
    Cita,
    CompensacionDecision,
    CompensacionMes,
    Decision,
    Destinatario,
    Hallazgo,
    PermanenciaDecision,
    SilencioPositivo,
    TerminacionDecision,
)
from rules.destinatario import destinatario
from rules.errores import FUERA_DE_RANGO, CasoInvalido
from rules.incumplimiento import mas_fuerte
from rules.parametros import Parametros, parametros
from rules.regimen import regimen_en
from rules.registro import REGLAS, Regla, Veredicto
from rules.terminacion import explicar_fechas

AVISO_LEGAL = ("Salida informa y redacta: usted revisa, firma y presenta sus cartas. Esto no es "
               "asesoría legal.")
_ORDEN = {
    "P": 0, "T": 1, "B": 2, "C": 3, "Q": 4,
}


def _reglas_en_orden() -> list[Regla]:
    # The coverage finding first, then the rulebook's chapters §2–§6 in order.
    return sorted(REGLAS, key=lambda r: (-1 if r.regla == "RPU" else _ORDEN[r.regla[0]],
                                         int(r.regla[1:]) if r.regla[1:].isdigit() else 0))


REGLAS_ORDENADAS: list[Regla] = _reglas_en_orden()


def evaluar(caso: Caso, params: Parametros | None = None) -> Decision:
    """Apply the rulebook to one case as of `caso.fecha_evaluacion`; a date the calendar cannot count
    (years near 1 or 9999) is a `CasoInvalido`, not an `OverflowError`."""
    try:
        return _evaluar(caso, params)
    except OverflowError:
        raise CasoInvalido([FUERA_DE_RANGO]) from None


def _evaluar(caso: Caso, params: Parametros | None) -> Decision:
    ctx = Contexto(caso, params or parametros())
    hallazgos: list[Hallazgo] = []
    for regla in REGLAS_ORDENADAS:
        veredicto = regla.evaluar(ctx)
        ctx.resultados[regla.regla] = veredicto
        hallazgos.append(_hallazgo(ctx, regla, veredicto))
    por_regla = {h.regla: h for h in hallazgos}
    permanencia = _permanencia(ctx, por_regla)
    no_disponibles = cartas.no_disponibles(ctx, por_regla)
    pasos = procedimiento.tramites(ctx, por_regla)
    posibles = [t for t in TIPOS_CARTA if t not in no_disponibles]
    terminacion = _terminacion(ctx, por_regla, permanencia)
    compensacion = _compensacion(ctx)
    libro = solicitudes.libro(ctx, por_regla, permanencia, terminacion, compensacion, pasos,
                              posibles)
    destino = destinatario(ctx)
    decision = Decision(
        version_reglas=ctx.p.version,
        fecha_evaluacion=ctx.hoy,
        regimen=regimen_en(ctx, ctx.hoy),
        permanencia=permanencia,
        terminacion=terminacion,
        compensacion=compensacion,
        plazos=plazos.plazos(ctx, por_regla),
        silencio_positivo=[
            SilencioPositivo(cun=e.reclamacion.cun, aplica=e.sap, desde=e.sap_desde,
                             causa=e.sap_causa, reclamacion=e.indice)
            for e in ctx.pqrs
        ],
        hallazgos=hallazgos,
        faltantes=list(dict.fromkeys(f for h in hallazgos for f in h.faltantes)),
        cartas_sugeridas=cartas.sugeridas(ctx, por_regla, permanencia, pasos),
        advertencias=_advertencias(ctx, hallazgos, permanencia, destino),
        cartas_posibles=posibles,
        cartas_no_disponibles=no_disponibles,
        respuesta_nueva_pqr=plazos.nueva_pqr(ctx, por_regla),
        procedimiento=pasos,
        destinatario=destino,
        solicitudes=libro,
        cartas_solicitudes=solicitudes.por_carta(libro, posibles),
    )
    return decision


def _citas(ctx: Contexto, regla: Regla, v: Veredicto) -> list[Cita]:
    fecha = v.fecha or ctx.hoy
    citas: list[Cita] = []
    for clave in (*regla.fuentes, *v.fuentes_extra):
        if clave.startswith("@"):
            vigente = ctx.p.vigente(clave[1:], fecha)
            if vigente is None:
                continue
            clave = str(vigente.valor)
        cita = ctx.p.cita(clave)
        if cita not in citas:
            citas.append(cita)
    return citas


def _hallazgo(ctx: Contexto, regla: Regla, v: Veredicto) -> Hallazgo:
    return Hallazgo(
        id=regla.id, regla=regla.regla, resultado=v.resultado,
        titulo=prosa.redactar(regla.titulo, ctx.p),
        explicacion=v.explicacion, citas=_citas(ctx, regla, v), fuerza=v.fuerza,
        parametros=[p for p in v.parametros if p is not None], faltantes=v.faltantes,
        favorece_al_usuario=regla.favorece(v.resultado),
    )


def _permanencia(ctx: Contexto, por_regla: dict[str, Hallazgo]) -> PermanenciaDecision:
    perm, calc = ctx.caso.permanencia, ctx.permanencia
    if perm is None and ctx.caso.hay_permanencia == "no_se":
        return PermanenciaDecision(existe=False, exigible=None)  # unknown: never "nothing to pay"
    if perm is None or calc is None:
        return PermanenciaDecision(existe=False, exigible=False, valor_maximo=0)
    if por_regla["P5"].resultado == "no_cubierto":
        return PermanenciaDecision(existe=True, exigible=None, fecha_fin=calc.fecha_fin)
    motivos: list[Hallazgo] = []
    for clave in ("B1", "B2", "B3", "B4", "B5"):
        h = por_regla[clave]
        if h.resultado != "cumple":
            continue
        if clave == "B3":
            motivos += [por_regla[b] for b in ctx.resultados["B3"].base]
        else:
            motivos.append(h)
    fuerza = mas_fuerte([h.fuerza for h in motivos])
    if calc.meses_restantes == 0 or (motivos and fuerza == "solida"):
        exigible: bool | None = False
    elif motivos:
        exigible = None  # only grounds that need proof or can be disputed: not settled
    else:
        exigible = True
    return PermanenciaDecision(
        existe=True,
        exigible=exigible,
        fecha_fin=calc.fecha_fin,
        valor_maximo=0 if exigible is False else calc.valor_proporcional,
        fundamentos=[h.id for h in motivos],
        fuerza=fuerza,
        valor_proporcional=calc.valor_proporcional,
        meses_restantes=calc.meses_restantes,
    )


def _terminacion(ctx: Contexto, por_regla: dict[str, Hallazgo],
                 perm: PermanenciaDecision) -> TerminacionDecision:
    calc = ctx.terminacion
    fundamentos = [por_regla[k].id for k in ("T1", "T2", "T4", "T5", "T6")
                   if por_regla[k].resultado == "cumple"]
    sin_penalidad = None if perm.exigible is None else not perm.exigible
    if calc is None:
        return TerminacionDecision(puede_terminar=True if ctx.cubierto(ctx.hoy) else None,
                                   sin_penalidad=sin_penalidad, fundamentos=fundamentos)
    return TerminacionDecision(
        puede_terminar=True, sin_penalidad=sin_penalidad,
        fecha_limite_aviso=calc.fecha_limite_aviso, fecha_efectiva=calc.fecha_efectiva,
        fundamentos=fundamentos, fecha_solicitud=calc.fecha_solicitud,
        dias_habiles_aviso=None if calc.prepago else calc.dias_habiles, fecha_corte=calc.corte,
        fecha_limite_aviso_siguiente=calc.limite_siguiente, explicacion=explicar_fechas(calc),
    )


def _compensacion(ctx: Contexto) -> CompensacionDecision:
    filas = [
        CompensacionMes(
            servicio=f.servicio, mes=f.mes, horas=round(f.horas, 2),
            umbral_horas=None if f.umbral is None else float(f.umbral.valor),
            supera_umbral=f.supera, valor_estimado=f.valor, automatica=f.automatica,
            incidentes=f.conteo.periodos, cargo_mensual=f.cargo, en_curso=f.en_curso,
        )
        for f in ctx.meses
    ]
    formula = ctx.p.vigente("formula_compensacion_factor", ctx.hoy)
    return CompensacionDecision(
        procede=any(f.supera_umbral for f in filas),
        por_mes=filas,
        valor_estimado_total=sum(f.valor_estimado or 0 for f in filas if f.supera_umbral),
        estado_formula=formula.estado if formula else "U",
        formula="cargo mensual del servicio × horas sin servicio ÷ horas del mes"
        + (f" × {formula.valor}" if formula and formula.valor != 1 else ""),
    )


def _advertencias(ctx: Contexto, hallazgos: list[Hallazgo],
                  perm: PermanenciaDecision, destino: Destinatario) -> list[str]:
    avisos = [AVISO_LEGAL]
    if destino.confirmar and destino.motivo:
        avisos.append(destino.motivo)
    if any(h.resultado == "no_cubierto" for h in hallazgos):
        avisos.append(f"Parte del caso es anterior al {ctx.cobertura()}: Salida no cubre esos "
                      "hechos y no saca conclusiones sobre ellos.")
    if any(f.supera for f in ctx.meses):
        avisos.append("La compensación es una estimación: la fórmula exacta no está confirmada.")
    if any(f.fin is None for f in ctx.caso.fallas):
        avisos.append("Hay fallas en curso: sus horas se cuentan hasta el inicio de la fecha de "
                      "evaluación; vuelva a evaluar cuando terminen.")
    if perm.existe and perm.exigible is None and perm.fundamentos:
        monto = ("" if perm.valor_proporcional is None
                 else f" Si ese argumento no prospera, lo máximo que pueden cobrarle es "
                      f"{texto.pesos(perm.valor_proporcional)}.")
        clase = "requiere pruebas" if perm.fuerza == "requiere_prueba" else "es discutible"
        avisos.append(f"Que no deba la permanencia se apoya en un argumento que {clase}.{monto}")
    return avisos
