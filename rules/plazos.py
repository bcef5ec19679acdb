"""The decision's deadlines: every term with its concrete dates, source status and ground."""

from __future__ import annotations

from rules import prosa
from rules.calendario import vencimiento
from rules.contexto import Contexto
from rules.decision import Hallazgo, Plazo
from rules.pqr import nota_plazo, nota_recurso, ruta_sic_desde


def plazos(ctx: Contexto, por_regla: dict[str, Hallazgo]) -> list[Plazo]:
    """Answer, SAP execution, appeal, SIC, notice and withdrawal terms, by due date."""
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
            fundamento=por_regla["Q2"].id, reclamacion=e.indice, debatible=e.debatible,
            festivos_por_confirmar=list(e.festivos_u), nota=nota_plazo(e, p).strip(" ()") or None,
        ))
        if e.sap and e.sap_desde is not None and e.cumplimiento_vence is not None:
            horas = p.vigente("cumplimiento_sap_horas", e.sap_desde)
            plazos.append(Plazo(
                id="cumplimiento_sap", cun=r.cun, desde=e.sap_desde, vence=e.cumplimiento_vence,
                horas=int(horas.valor) if horas else 72, vencido=hoy > e.cumplimiento_vence,
                consecuencia="queja_ante_la_sic", estado=horas.estado if horas else "U",
                fundamento=por_regla["Q2"].id, reclamacion=e.indice,
            ))
        if e.recurso_vence is not None and r.fecha_respuesta is not None:
            plazos.append(Plazo(
                id="recurso", cun=r.cun, desde=r.fecha_respuesta, vence=e.recurso_vence,
                dias_habiles=e.recurso_dias, vencido=hoy > e.recurso_vence,
                consecuencia="la_decision_queda_en_firme", estado=e.recurso_estado,
                fundamento=por_regla["Q3"].id, reclamacion=e.indice,
                debatible=e.recurso_vence != e.recurso_vence_tardio,
                festivos_por_confirmar=list(e.recurso_festivos_u),
                nota=nota_recurso(e, p).strip(" ()") or None,
            ))
    abiertos = any(e.estado == "recurso_en_termino" for e in ctx.pqrs)
    rutas = [(d, e) for e in ctx.pqrs if (d := ruta_sic_desde(e)) is not None]
    if rutas and not abiertos:
        desde, e = min(rutas, key=lambda x: x[0])
        plazos.append(Plazo(id="queja_sic", cun=e.reclamacion.cun, desde=desde,
                            consecuencia="puede_acudir_a_la_sic", estado="S",
                            fundamento=por_regla["Q4"].id, reclamacion=e.indice))
    calc = ctx.terminacion
    if calc is not None and not calc.ya_solicitada and calc.limite_vigente is not None:
        estado = p.vigente("aviso_terminacion_dias_habiles", calc.fecha_solicitud)
        plazos.append(Plazo(
            id="aviso_terminacion", desde=hoy, vence=calc.limite_vigente,
            dias_habiles=calc.dias_habiles, vencido=False, consecuencia="terminacion_al_corte",
            estado=estado.estado if estado else None, fundamento=por_regla["T2"].id,
            festivos_por_confirmar=list(calc.festivos_u), debatible=bool(calc.festivos_u),
            nota=(f"cuenta como festivo un día por confirmar "
                  f"({prosa.fuentes_de_festivos(p, calc.festivos_u)}); es la fecha más temprana "
                  "posible" if calc.festivos_u else None),
        ))
    if calc is not None and calc.ya_solicitada and ctx.caso.solicitud_terminacion is not None:
        # T2/T3: the request filed, the contract ends on this date and nothing later may be billed.
        estado = p.vigente("aviso_terminacion_dias_habiles", calc.fecha_solicitud)
        plazos.append(Plazo(
            id="terminacion_efectiva", cun=ctx.caso.solicitud_terminacion.cun,
            desde=ctx.caso.solicitud_terminacion.fecha, vence=calc.fecha_efectiva,
            vencido=hoy > calc.fecha_efectiva, consecuencia="sin_cobros_despues_de_terminar",
            estado=estado.estado if estado else None, fundamento=por_regla["T2"].id,
            festivos_por_confirmar=list(calc.festivos_u), debatible=bool(calc.festivos_u),
        ))
    t6 = por_regla["T6"]
    if t6.resultado in ("cumple", "falta_informacion") and t6.parametros:
        dias = int(t6.parametros[0].valor)
        vence = vencimiento(ctx.caso.contrato.fecha_inicio, dias)
        plazos.append(Plazo(id="retracto", desde=ctx.caso.contrato.fecha_inicio, vence=vence,
                            dias_habiles=dias, vencido=hoy > vence, consecuencia="retracto",
                            estado=t6.parametros[0].estado, fundamento=t6.id))
    return sorted(plazos, key=lambda x: (x.vence or x.desde))


def nueva_pqr(ctx: Contexto, por_regla: dict[str, Hallazgo]) -> Plazo | None:
    """When the operator must answer a PQR filed on the evaluation date."""
    vigente = ctx.p.vigente("respuesta_pqr_dias_habiles", ctx.hoy)
    if vigente is None:
        return None
    dias = int(vigente.valor)
    return Plazo(id="respuesta_pqr", desde=ctx.hoy, vence=vencimiento(ctx.hoy, dias),
                 dias_habiles=dias, vencido=False, consecuencia="silencio_administrativo_positivo",
                 estado=vigente.estado, fundamento=por_regla["Q2"].id)


