"""`evaluar(caso) -> Decision`: run every rule in rulebook order and assemble the decision."""

from __future__ import annotations

from datetime import timedelta

# Importing the chapters registers their rules, in rulebook order.
from rules import compensacion as _c5  # noqa: F401
from rules import incumplimiento as _c4  # noqa: F401
from rules import permanencia as _c2  # noqa: F401
from rules import pqr as _c6  # noqa: F401
from rules import regimen as _c1  # noqa: F401
from rules import terminacion as _c3  # noqa: F401
from rules.calendario import vencimiento
from rules.caso import Caso
from rules.contexto import Contexto
from rules.decision import (
    TIPOS_CARTA,
    Cita,
    CompensacionDecision,
    CompensacionMes,
    Decision,
    Hallazgo,
    PermanenciaDecision,
    Plazo,
    SilencioPositivo,
    TerminacionDecision,
)
from rules.incumplimiento import mas_fuerte
from rules.parametros import Parametros, parametros
from rules.pqr import ruta_sic_desde
from rules.regimen import regimen_en
from rules.registro import REGLAS, Regla, Veredicto
from rules.terminacion import quiere_terminar

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
    """Apply the rulebook to one case as of `caso.fecha_evaluacion`."""
    ctx = Contexto(caso, params or parametros())
    hallazgos: list[Hallazgo] = []
    for regla in REGLAS_ORDENADAS:
        veredicto = regla.evaluar(ctx)
        ctx.resultados[regla.regla] = veredicto
        hallazgos.append(_hallazgo(ctx, regla, veredicto))
    por_regla = {h.regla: h for h in hallazgos}
    permanencia = _permanencia(ctx, por_regla)
    plazos = _plazos(ctx, por_regla)
    no_disponibles = _cartas_no_disponibles(ctx, por_regla)
    decision = Decision(
        version_reglas=ctx.p.version,
        fecha_evaluacion=ctx.hoy,
        regimen=regimen_en(ctx, ctx.hoy),
        permanencia=permanencia,
        terminacion=_terminacion(ctx, por_regla, permanencia),
        compensacion=_compensacion(ctx),
        plazos=plazos,
        silencio_positivo=[
            SilencioPositivo(cun=e.reclamacion.cun, aplica=e.sap, desde=e.sap_desde,
                             causa=e.sap_causa, reclamacion=e.indice)  # type: ignore[arg-type]
            for e in ctx.pqrs
        ],
        hallazgos=hallazgos,
        faltantes=list(dict.fromkeys(f for h in hallazgos for f in h.faltantes)),
        cartas_sugeridas=_cartas(ctx, por_regla, permanencia),  # type: ignore[arg-type]
        advertencias=_advertencias(ctx, hallazgos, permanencia),
        cartas_posibles=[t for t in TIPOS_CARTA if t not in no_disponibles],  # type: ignore[misc]
        cartas_no_disponibles=no_disponibles,
        respuesta_nueva_pqr=_nueva_pqr(ctx, por_regla),
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
        id=regla.id, regla=regla.regla, resultado=v.resultado, titulo=regla.titulo,
        explicacion=v.explicacion, citas=_citas(ctx, regla, v), fuerza=v.fuerza,
        parametros=[p for p in v.parametros if p is not None], faltantes=v.faltantes,
    )


def _permanencia(ctx: Contexto, por_regla: dict[str, Hallazgo]) -> PermanenciaDecision:
    perm, calc = ctx.caso.permanencia, ctx.permanencia
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
            motivos += [por_regla[b] for b in ctx.resultados["B3"].base]  # type: ignore[attr-defined]
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
        fuerza=fuerza,  # type: ignore[arg-type]
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
        dias_habiles_aviso=calc.dias_habiles, fecha_corte=calc.corte,
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


def _plazos(ctx: Contexto, por_regla: dict[str, Hallazgo]) -> list[Plazo]:
    hoy, p = ctx.hoy, ctx.p
    plazos: list[Plazo] = []
    for e in ctx.pqrs:
        r = e.reclamacion
        estado = p.vigente("respuesta_pqr_dias_habiles", r.fecha_radicacion)
        plazos.append(Plazo(
            id="respuesta_pqr", cun=r.cun, desde=r.fecha_radicacion, vence=e.vence,
            dias_habiles=e.dias,
            vencido=e.vencido or (r.fecha_respuesta is not None and r.fecha_respuesta > e.vence),
            consecuencia="silencio_administrativo_positivo", estado=estado.estado if estado else None,
            fundamento=por_regla["Q2"].id, reclamacion=e.indice,
        ))
        if e.sap and e.sap_desde is not None:
            horas = p.vigente("cumplimiento_sap_horas", e.sap_desde)
            n = int(horas.valor) if horas else 72
            vence = e.sap_desde + timedelta(days=n // 24 - 1)
            plazos.append(Plazo(
                id="cumplimiento_sap", cun=r.cun, desde=e.sap_desde, vence=vence, horas=n,
                vencido=hoy > vence, consecuencia="queja_ante_la_sic",
                estado=horas.estado if horas else "U", fundamento=por_regla["Q2"].id,
                reclamacion=e.indice,
            ))
        if e.recurso_vence is not None and r.fecha_respuesta is not None:
            estado = p.vigente("recurso_dias_habiles", r.fecha_respuesta)
            plazos.append(Plazo(
                id="recurso", cun=r.cun, desde=r.fecha_respuesta, vence=e.recurso_vence,
                dias_habiles=e.recurso_dias, vencido=hoy > e.recurso_vence,
                consecuencia="la_decision_queda_en_firme", estado=estado.estado if estado else None,
                fundamento=por_regla["Q3"].id, reclamacion=e.indice,
            ))
    rutas = [(d, e) for e in ctx.pqrs if (d := ruta_sic_desde(e)) is not None]
    if rutas:
        desde, e = min(rutas, key=lambda x: x[0])
        plazos.append(Plazo(id="queja_sic", cun=e.reclamacion.cun, desde=desde,
                            consecuencia="puede_acudir_a_la_sic", estado="S",
                            fundamento=por_regla["Q4"].id, reclamacion=e.indice))
    calc = ctx.terminacion
    if calc is not None and not calc.ya_solicitada:
        estado = p.vigente("aviso_terminacion_dias_habiles", calc.fecha_solicitud)
        plazos.append(Plazo(
            id="aviso_terminacion", desde=hoy, vence=calc.fecha_limite_aviso,
            dias_habiles=calc.dias_habiles, vencido=False, consecuencia="terminacion_al_corte",
            estado=estado.estado if estado else None, fundamento=por_regla["T2"].id,
        ))
    t6 = por_regla["T6"]
    if t6.resultado in ("cumple", "falta_informacion") and t6.parametros:
        dias = int(t6.parametros[0].valor)
        vence = vencimiento(ctx.caso.contrato.fecha_inicio, dias)
        plazos.append(Plazo(id="retracto", desde=ctx.caso.contrato.fecha_inicio, vence=vence,
                            dias_habiles=dias, vencido=hoy > vence, consecuencia="retracto",
                            estado=t6.parametros[0].estado, fundamento=t6.id))
    return sorted(plazos, key=lambda x: (x.vence or x.desde))


def _nueva_pqr(ctx: Contexto, por_regla: dict[str, Hallazgo]) -> Plazo | None:
    """When the operator must answer a PQR filed on the evaluation date."""
    vigente = ctx.p.vigente("respuesta_pqr_dias_habiles", ctx.hoy)
    if vigente is None:
        return None
    dias = int(vigente.valor)
    return Plazo(id="respuesta_pqr", desde=ctx.hoy, vence=vencimiento(ctx.hoy, dias),
                 dias_habiles=dias, vencido=False, consecuencia="silencio_administrativo_positivo",
                 estado=vigente.estado, fundamento=por_regla["Q2"].id)


def _cartas(ctx: Contexto, por_regla: dict[str, Hallazgo], perm: PermanenciaDecision) -> list[str]:
    caso = ctx.caso
    cartas: set[str] = set()
    if _materias_sin_queja(caso):
        cartas.add("queja")
    if caso.solicitud_terminacion is None and (quiere_terminar(ctx) or perm.fundamentos):
        cartas.add("terminacion")
    if any(e.sap for e in ctx.pqrs):
        cartas.add("silencio_positivo")
    if por_regla["Q3"].resultado == "cumple":
        cartas.add("recurso")
    cerradas = [e for e in ctx.pqrs if e.reclamacion.sentido_respuesta in ("desfavorable", "parcial")
                and (e.recurso_vence is None or ctx.hoy > e.recurso_vence)]
    if por_regla["Q4"].resultado == "cumple" and (any(e.sap for e in ctx.pqrs) or cerradas):
        cartas.add("queja_sic")
    return [c for c in TIPOS_CARTA if c in cartas]


# Which complaint subjects cover each matter a queja may raise.
_CUBRE = {
    "fallas": {"falla", "compensacion"},
    "gastos": {"falla", "compensacion", "otro"},
    "cambios": {"facturacion", "otro", "terminacion"},
    "informacion": {"falla", "otro"},
}


def _materias_sin_queja(caso: Caso) -> list[str]:
    """Matters of the case that no complaint already filed covers."""
    materias = []
    if caso.fallas:
        materias.append("fallas")
    if caso.gastos_adicionales:
        materias.append("gastos")
    if caso.cambios_unilaterales:
        materias.append("cambios")
    if {"informacion_falla", "copia_contrato"} & set(caso.pretensiones):
        materias.append("informacion")
    asuntos = {r.asunto for r in caso.reclamaciones if r.tipo in ("queja", "peticion")}
    return [m for m in materias if not _CUBRE[m] & asuntos]


def _cartas_no_disponibles(ctx: Contexto, por_regla: dict[str, Hallazgo]) -> dict[str, str]:
    """Letter kinds this decision cannot support, with the reason in Spanish."""
    caso = ctx.caso
    motivos: dict[str, str] = {}
    if not ctx.cubierto(ctx.hoy):
        return {t: "La fecha de evaluación está fuera de la cobertura de Salida." for t in TIPOS_CARTA}
    if not (caso.fallas or caso.gastos_adicionales or caso.cambios_unilaterales
            or set(caso.pretensiones)):
        motivos["queja"] = ("No hay fallas, gastos, cambios ni peticiones que reclamar en el "
                            "caso.")
    if not any(e.sap for e in ctx.pqrs):
        motivos["silencio_positivo"] = ("Ninguna reclamación tiene silencio administrativo "
                                        "positivo: no hay una sin respuesta vencido su plazo.")
    if por_regla["Q3"].resultado != "cumple":
        motivos["recurso"] = ("No hay una respuesta desfavorable o parcial del operador con el "
                              "plazo de recurso abierto.")
    if por_regla["Q4"].resultado != "cumple":
        motivos["queja_sic"] = ("Antes de acudir a la SIC debe presentar la PQR al operador y "
                                "esperar su respuesta o el vencimiento del plazo.")
    return motivos


def _advertencias(ctx: Contexto, hallazgos: list[Hallazgo],
                  perm: PermanenciaDecision) -> list[str]:
    avisos = [AVISO_LEGAL]
    if any(h.resultado == "no_cubierto" for h in hallazgos):
        avisos.append("Parte del caso es anterior al 18 de mayo de 2011: Salida no cubre esos "
                      "hechos y no saca conclusiones sobre ellos.")
    if any(f.supera for f in ctx.meses):
        avisos.append("La compensación es una estimación: la fórmula exacta no está confirmada.")
    if any(f.fin is None for f in ctx.caso.fallas):
        avisos.append("Hay fallas en curso: sus horas se cuentan hasta el inicio de la fecha de "
                      "evaluación; vuelva a evaluar cuando terminen.")
    if perm.existe and perm.exigible is None and perm.fundamentos:
        monto = ("" if perm.valor_proporcional is None
                 else f" Si ese argumento no prospera, lo máximo que pueden cobrarle es "
                      f"${perm.valor_proporcional:,}".replace(",", ".") + ".")
        clase = "requiere pruebas" if perm.fuerza == "requiere_prueba" else "es discutible"
        avisos.append(f"Que no deba la permanencia se apoya en un argumento que {clase}.{monto}")
    return avisos
