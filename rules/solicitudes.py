"""The user's requests as a ledger (rulebook §9): each one in every letter where it belongs.

Every request is carried with its principal form, a subsidiary form where the law gives a lesser
fallback, and its honest strength. A request is left out of a letter only for a reason the decision
states: the facts plainly exclude it, or it belongs in another letter.
"""

from __future__ import annotations

from collections.abc import Sequence

from rules import texto
from rules.contexto import Contexto
from rules.decision import (
    TIPOS_CARTA,
    ClaveSolicitud,
    CompensacionDecision,
    Fuerza,
    Hallazgo,
    PermanenciaDecision,
    Solicitud,
    TerminacionDecision,
    TipoCarta,
    Tramite,
)

PIDE_TERMINAR = frozenset({"terminar", "terminar_sin_penalidad"})
# Which of the user's requests each ledger entry comes from.
ORIGEN: dict[ClaveSolicitud, frozenset[str]] = {
    "terminar": PIDE_TERMINAR,
    "sin_permanencia": frozenset({"terminar_sin_penalidad"}),
    "compensacion": frozenset({"compensacion"}),
    "reembolso_gastos": frozenset({"reembolso_gastos"}),
    "informacion_falla": frozenset({"informacion_falla"}),
    "copia_contrato": frozenset({"copia_contrato"}),
    "revertir_cambio": frozenset({"revertir_cambio"}),
}
SOLO_TERMINACION = frozenset({"terminar", "sin_permanencia"})
# States in which a silencio positivo still has to be claimed (not yet carried out).
SAP_VIVO = frozenset({"silencio_positivo", "incumplido", "recurso_en_termino", "apelada"})


def objeto(pasos: list[Tramite], tipo: str) -> Tramite | None:
    """The complaint a silencio-positivo or recurso letter is about."""
    if tipo == "silencio_positivo":
        return next((t for t in pasos if t.sap_desde is not None and t.estado in SAP_VIVO), None)
    if tipo == "recurso":
        return next((t for t in pasos if t.estado == "recurso_en_termino"), None)
    return None


def libro(ctx: Contexto, por_regla: dict[str, Hallazgo], perm: PermanenciaDecision,
          term: TerminacionDecision, comp: CompensacionDecision, pasos: list[Tramite],
          posibles: Sequence[str]) -> list[Solicitud]:
    """Every request the user made (now or in a complaint), and where each one goes."""
    caso = ctx.caso
    en_reclamaciones = {p for r in caso.reclamaciones for p in r.pretensiones}
    pedidas = set(caso.pretensiones) | en_reclamaciones
    if caso.solicitud_terminacion is not None:
        pedidas.add("terminar")
    solicitudes = []
    for clave, origen in ORIGEN.items():
        if not origen & pedidas and not (clave == "sin_permanencia" and "terminar" in pedidas
                                         and perm.existe and perm.fundamentos):
            continue
        forma = _forma(ctx, clave, por_regla, perm, term, comp)
        if forma is None:
            continue
        principal, subsidiaria, fuerza, fundamentos, excluida = forma
        cartas: list[TipoCarta] = []
        omitida: dict[str, str] = {}
        for tipo in TIPOS_CARTA:
            if tipo not in posibles:
                continue
            motivo = excluida or _motivo(ctx, clave, tipo, pasos)
            if motivo is None:
                cartas.append(tipo)
            else:
                omitida[tipo] = motivo
        solicitudes.append(Solicitud(id=clave, principal=principal, subsidiaria=subsidiaria,
                                     fuerza=fuerza, fundamentos=fundamentos, cartas=cartas,
                                     omitida=omitida))
    return solicitudes


def por_carta(solicitudes: list[Solicitud], posibles: Sequence[str]) -> dict[str, list[str]]:
    """Which requests each possible letter carries."""
    return {t: [s.id for s in solicitudes if t in s.cartas] for t in posibles}


def _motivo(ctx: Contexto, clave: ClaveSolicitud, tipo: str, pasos: list[Tramite]) -> str | None:
    """Why request `clave` does not go in a letter of kind `tipo`, or None when it does."""
    caso = ctx.caso
    if tipo == "terminacion":
        if clave in SOLO_TERMINACION:
            return None
        return ("La carta de terminación solo pide terminar el contrato; esta petición va en la "
                "queja.")
    if tipo == "queja":
        if clave in SOLO_TERMINACION and not PIDE_TERMINAR & set(caso.pretensiones):
            return "No pidió terminar el contrato en esta queja."
        if clave not in SOLO_TERMINACION and not ORIGEN[clave] & set(caso.pretensiones):
            return "La pidió en una reclamación anterior; esa reclamación sigue su propio trámite."
        return None
    if tipo in ("silencio_positivo", "recurso"):
        t = objeto(pasos, tipo)
        if t is None:
            return "No hay una reclamación a la que se refiera esta carta."
        pidio = set(caso.reclamaciones[t.reclamacion].pretensiones)
        if ORIGEN[clave] & pidio:
            return None
        que = "silencio positivo" if tipo == "silencio_positivo" else "recurso"
        donde = ("va en la carta de terminación" if clave in SOLO_TERMINACION
                 else "pídala en una queja nueva")
        return (f"No la pidió en la reclamación a la que se refiere el {que}: "
                + ("el silencio positivo solo concede lo que se pidió" if tipo == "silencio_positivo"
                   else "el recurso solo discute lo que se decidió")
                + f"; {donde}.")
    return None  # the SIC complaint carries everything asked of the operator


def _forma(ctx: Contexto, clave: ClaveSolicitud, por_regla: dict[str, Hallazgo], perm: PermanenciaDecision,
           term: TerminacionDecision, comp: CompensacionDecision,
           ) -> tuple[str, str | None, Fuerza | None, list[str], str | None] | None:
    """Principal, subsidiary, strength, grounds and (if plainly excluded) why, of one request."""
    caso = ctx.caso
    if clave == "terminar":
        cuando = f", con efecto el {texto.fecha(term.fecha_efectiva)}" if term.fecha_efectiva else ""
        return (f"Terminar el contrato{cuando}.", None, "solida", [por_regla["T1"].id], None)
    if clave == "sin_permanencia":
        if not perm.existe:
            return ("No cobrar nada por la cláusula de permanencia.", None, None, [],
                    "El contrato no tiene cláusula de permanencia: no hay nada que cobrar por ella.")
        proporcional = perm.valor_proporcional
        if perm.exigible is False:
            return ("No cobrar nada por la cláusula de permanencia.", None, "solida",
                    list(perm.fundamentos), None)
        if perm.fundamentos:
            sub = (None if not proporcional else
                   f"Cobrar como máximo {texto.pesos(proporcional)}, la parte proporcional del "
                   "beneficio que falta por amortizar.")
            return ("No cobrar nada por la cláusula de permanencia.", sub, perm.fuerza,
                    list(perm.fundamentos), None)
        tope = perm.valor_maximo
        principal = ("Cobrar por la cláusula de permanencia como máximo "
                     f"{texto.pesos(tope)}, la parte proporcional del beneficio." if tope is not None
                     else "Cobrar por la cláusula de permanencia solo la parte proporcional del "
                     "beneficio que falta por amortizar.")
        return (principal, None, "solida", [por_regla["P5"].id], None)
    if clave == "compensacion":
        if not caso.fallas:
            return ("Reconocer la compensación por falta de disponibilidad.", None, None, [],
                    "No reportó fallas del servicio: no hay nada que compensar.")
        if comp.procede:
            # The threshold of TV (C2) is U: a claim resting on it is arguable; C1 needs the hours proven.
            solo_tv = all(m.servicio == "television" for m in comp.por_mes if m.supera_umbral)
            fuerza: Fuerza = "argumentable" if solo_tv else "requiere_prueba"
            return (f"Reconocer la compensación por falta de disponibilidad, estimada en "
                    f"{texto.pesos(comp.valor_estimado_total)}.", None, fuerza,
                    [por_regla[k].id for k in ("C1", "C2") if por_regla[k].resultado == "cumple"],
                    None)
        return ("Reconocer la compensación que corresponda por las fallas reportadas.", None,
                "argumentable", [por_regla["C6"].id], None)
    if clave == "reembolso_gastos":
        if not caso.gastos_adicionales:
            return ("Reembolsar los gastos que causó la falla.", None, None, [],
                    "No indicó gastos que le haya causado la falla.")
        total = sum(g.valor for g in caso.gastos_adicionales)
        return (f"Reembolsar los gastos que causó la falla ({texto.pesos(total)}).", None,
                "argumentable", [por_regla["C6"].id], None)
    if clave == "informacion_falla":
        if not caso.fallas:
            return ("Informar la causa y la duración de la falla.", None, None, [],
                    "No reportó fallas del servicio sobre las cuales pedir información.")
        return ("Informar la causa y la duración de la falla.", None, "solida",
                [por_regla["Q5"].id], None)
    if clave == "copia_contrato":
        return ("Entregar copia del contrato" + (" y del documento de la permanencia."
                                                  if caso.permanencia else "."),
                None, "solida", [por_regla["Q5"].id], None)
    b2 = por_regla["B2"]
    if not caso.cambios_unilaterales:
        return ("Revertir el cambio no autorizado.", None, None, [],
                "No reportó cambios del plan o del precio que no haya autorizado.")
    if b2.resultado == "no_cumple" and all(c.previsto_en_contrato and c.notificado
                                           for c in caso.cambios_unilaterales):
        return ("Revertir el cambio no autorizado.", None, None, [],
                "Indicó que el contrato preveía el cambio y que se lo avisaron a tiempo.")
    return ("Restablecer las condiciones anteriores al cambio y devolver lo cobrado de más.", None,
            b2.fuerza or "requiere_prueba", [b2.id], None)
