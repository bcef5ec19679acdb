"""Build a letter's view model: which facts, grounds, requests and annexes it carries, per kind.

Every request follows from the decision (a date, an amount, a ground that holds); every fact is one
the subscriber reported. Templates word each item; nothing here writes letter prose.
"""

from __future__ import annotations

from datetime import date

from letters import etiquetas, fundamentos, vista
from letters.errores import CartaNoDisponible
from letters.vista import Carta, Item, Reclamacion
from rules import Caso, Decision
from rules.solicitudes import objeto

# §9: this notice belongs on the page and on a cover sheet, never inside the letter the user files.
AVISO = ("Carta redactada con ayuda de Salida. Quien la firma la revisa y la presenta por su cuenta; "
         "no constituye asesoría legal.")


def construir(caso: Caso, decision: Decision, tipo: str) -> Carta:
    """The view model of letter `tipo`; raise `CartaNoDisponible` when the decision does not support it."""
    if tipo not in etiquetas.TITULOS:
        raise CartaNoDisponible(tipo, "Ese tipo de carta no existe. Use: "
                                + ", ".join(etiquetas.TITULOS) + ".")
    if tipo not in decision.cartas_posibles:
        motivo = decision.cartas_no_disponibles.get(tipo, "La decisión no permite esta carta.")
        raise CartaNoDisponible(tipo, motivo)
    recl = vista.reclamaciones(caso, decision)
    objeto = _objeto(decision, tipo, recl)
    pedidas = set(decision.cartas_solicitudes.get(tipo, []))
    termina = (tipo == "terminacion" or "terminar" in pedidas) and bool(decision.terminacion.puede_terminar)
    return Carta(
        tipo=tipo, titulo=etiquetas.TITULOS[tipo], ciudad=caso.usuario.ciudad,
        fecha=decision.fecha_evaluacion, operador=vista.operador(caso, decision),
        usuario=vista.usuario(caso),
        contrato=vista.contrato(caso), cuns=_cuns(caso, tipo, objeto), fallas=vista.fallas(caso),
        meses=vista.meses(decision), reclamaciones=recl,
        hechos=_hechos(caso, decision, tipo, recl, objeto, termina),
        fundamentos=fundamentos.seleccionar(decision, tipo, pedidas, termina, recl),
        pretensiones=_pretensiones(caso, decision, tipo, recl, objeto, pedidas, termina),
        anexos=_anexos(caso, tipo, recl, objeto), objeto=objeto,
        respuesta=_respuesta(decision, tipo), aviso=AVISO, permanencia=decision.permanencia,
        terminacion=decision.terminacion, compensacion=decision.compensacion,
    )


def _objeto(decision: Decision, tipo: str, recl: list[Reclamacion]) -> Reclamacion | None:
    """The PQR the letter is about, as the decision's procedure names it."""
    t = objeto(decision.procedimiento, tipo)
    return None if t is None else recl[t.reclamacion]


def _cuns(caso: Caso, tipo: str, objeto: Reclamacion | None) -> list[str]:
    """The CUNs the reference line names (the PQR at stake first)."""
    todos = vista.cuns(caso)
    if objeto is not None and objeto.cun:
        return [objeto.cun] + [c for c in todos if c != objeto.cun]
    return todos


def _hechos(caso: Caso, decision: Decision, tipo: str, recl: list[Reclamacion],
            objeto: Reclamacion | None, termina: bool) -> list[Item]:
    """Numbered facts: the contract, the clause, the incidents, costs, changes and the PQR history."""
    hechos = [Item("contrato")]
    if caso.permanencia is not None and (termina or tipo == "terminacion"):
        p = caso.permanencia
        hechos.append(Item("permanencia", {
            "inicio": p.fecha_inicio, "meses": p.meses, "beneficio": etiquetas.BENEFICIOS[p.beneficio],
            "valor_beneficio": p.valor_beneficio, "documento_separado": p.documento_separado,
            "valor_exigido": p.valor_exigido, "fin": decision.permanencia.fecha_fin,
        }))
    for c in sorted(caso.cambios_unilaterales, key=lambda c: c.fecha):
        hechos.append(Item("cambio", {"fecha": c.fecha, "descripcion": c.descripcion}))
    if caso.fallas and (tipo != "terminacion" or termina):
        masiva = any(f.masiva for f in caso.fallas)
        hechos.append(Item("fallas", {"n": len(caso.fallas), "masiva": masiva}))
        if decision.compensacion.por_mes:
            hechos.append(Item("horas_mes"))
        reportes = [f for f in caso.fallas if f.reportada]
        if reportes:
            hechos.append(Item("reportes", {
                "n": len(reportes), "cuns": list(dict.fromkeys(f.cun for f in reportes if f.cun)),
            }))
        if caso.compensacion_aplicada is False:
            hechos.append(Item("sin_compensacion"))
    if caso.gastos_adicionales and tipo != "terminacion":
        total = sum(g.valor for g in caso.gastos_adicionales)
        hechos.append(Item("gastos", {"gastos": list(caso.gastos_adicionales), "total": total}))
    historia = recl if objeto is None else [objeto] + [r for r in recl if r is not objeto]
    for r in sorted(historia, key=lambda r: r.fecha):
        hechos.append(Item("reclamacion", {"r": r, "objeto": r is objeto}))
    if caso.solicitud_terminacion is not None:
        s = caso.solicitud_terminacion
        hechos.append(Item("solicitud_terminacion", {
            "fecha": s.fecha, "canal": etiquetas.CANALES[s.canal], "cun": s.cun,
        }))
    if tipo == "recurso" and objeto is not None:
        hechos.append(Item("en_termino", {"vence": objeto.recurso_vence, "dias": objeto.recurso_dias}))
    return hechos


def _pretensiones(caso: Caso, decision: Decision, tipo: str, recl: list[Reclamacion],
                  objeto: Reclamacion | None, pedidas: set[str], termina: bool) -> list[Item]:
    """Numbered requests, each backed by the decision; subsidiary ones flagged."""
    if tipo == "silencio_positivo" and objeto is not None:
        saps = [r for r in recl if r.sap]
        return [Item("reconocer_sap", {"r": r}) for r in saps] + [
            *_materia(caso, decision, pedidas, termina, "ejecutar"),
            Item("cumplir_sap", {"saps": saps}), Item("constancia")]
    if tipo == "recurso" and objeto is not None:
        return [Item("reponer", {"r": objeto}), *_materia(caso, decision, pedidas, termina, "conceder"),
                Item("apelacion", {"r": objeto}), Item("constancia")]
    if tipo == "queja_sic":
        saps = [r for r in recl if r.sap]
        negadas = [r for r in recl if r.sentido in ("desfavorable", "parcialmente favorable")]
        pendientes = [r for r in saps if r.sap_cumplido is not True]
        return [Item("investigar", {"saps": saps, "negadas": negadas}),
                *([Item("ordenar", {"saps": pendientes})] if pendientes or not saps else []),
                *_materia(caso, decision, pedidas, termina, "ordenar_que"),
                Item("sancionar"), Item("informar_radicado")]
    items = _materia(caso, decision, pedidas, termina, "pedir", solo_terminacion=tipo == "terminacion")
    if tipo == "terminacion":
        t3 = decision.hallazgo("T3")
        if t3 is not None and t3.resultado == "cumple":
            items.append(Item("no_facturar", {"fecha": decision.terminacion.fecha_efectiva}))
        items += [Item("equipos"), Item("paz_y_salvo")]
        t7 = decision.hallazgo("T7")
        if caso.tiene_movil() and t7 is not None and t7.resultado == "cumple":
            items.append(Item("portabilidad"))
    items.append(Item("constancia"))
    return items


def _materia(caso: Caso, decision: Decision, pedidas: set[str], termina: bool,
             verbo: str, solo_terminacion: bool = False) -> list[Item]:
    """The substance asked: every request of the decision's ledger that this letter carries."""
    items: list[Item] = []
    t, perm, comp = decision.terminacion, decision.permanencia, decision.compensacion
    libro = {s.id: s for s in decision.solicitudes}
    if termina and (t.fecha_efectiva is not None or t.puede_terminar):
        # Without the cut-off day (unknown to the user) the date stays open: "at the cut-off due".
        items.append(Item("terminar", {
            "verbo": verbo, "fecha": t.fecha_efectiva, "limite": _limite_vigente(decision),
            "dias": t.dias_habiles_aviso, "ya_pedida": caso.solicitud_terminacion is not None,
            "servicios": [etiquetas.servicio(s) for s in caso.contrato.servicios],
        }))
    if "sin_permanencia" in pedidas or (termina and perm.existe):
        if perm.existe and perm.fundamentos and perm.exigible is not True:
            items.append(Item("sin_permanencia", {"verbo": verbo, "fuerza": perm.fuerza,
                                                  "exigido": caso.permanencia.valor_exigido
                                                  if caso.permanencia else None}))
            sub = libro.get("sin_permanencia")
            if perm.fuerza != "solida" and perm.valor_proporcional and (sub is None or sub.subsidiaria):
                items.append(_tope(caso, perm.valor_proporcional, perm.meses_restantes, verbo, True))
        elif perm.existe and perm.exigible and perm.valor_maximo is not None:
            items.append(_tope(caso, perm.valor_maximo, perm.meses_restantes, verbo, False))
    if solo_terminacion:
        return items  # a termination letter asks for the termination; the rest goes in a queja
    superan = [m for m in comp.por_mes if m.supera_umbral]
    if comp.procede and (verbo == "pedir" or "compensacion" in pedidas):
        items.append(Item("compensacion", {
            "verbo": verbo, "total": comp.valor_estimado_total, "formula": comp.formula,
            "estado": comp.estado_formula, "n": len(superan),
            "meses": [m for m in vista.meses(decision) if m.supera],
        }))
    elif "compensacion" in pedidas:
        items.append(Item("compensacion_sin_monto", {
            "verbo": verbo, "fuerza": libro["compensacion"].fuerza,
            "servicios": list(dict.fromkeys(etiquetas.servicio(f.servicio) for f in caso.fallas)),
        }))
    if "reembolso_gastos" in pedidas and caso.gastos_adicionales:
        items.append(Item("reembolso", {"verbo": verbo, "gastos": list(caso.gastos_adicionales),
                                        "total": sum(g.valor for g in caso.gastos_adicionales)}))
    if "informacion_falla" in pedidas and caso.fallas:
        items.append(Item("informacion", {"verbo": verbo}))
    if "copia_contrato" in pedidas:
        items.append(Item("copia_contrato", {"verbo": verbo, "anexo": caso.permanencia is not None}))
    b2 = decision.hallazgo("B2")
    if caso.cambios_unilaterales and ("revertir_cambio" in pedidas or (
            verbo == "pedir" and b2 is not None and b2.resultado == "cumple")):
        items.append(Item("revertir", {"verbo": verbo,
                                       "fechas": sorted(c.fecha for c in caso.cambios_unilaterales)}))
    return items


def _limite_vigente(decision: Decision) -> date | None:
    """The notice deadline that still decides the effective date (this period's, else the next)."""
    t = decision.terminacion
    if t.fecha_limite_aviso is not None and t.fecha_limite_aviso >= decision.fecha_evaluacion:
        return t.fecha_limite_aviso
    return t.fecha_limite_aviso_siguiente


def _tope(caso: Caso, valor: int, meses: int | None, verbo: str, subsidiaria: bool) -> Item:
    """Cap on what the permanence clause may cost: the decision's proportional amount."""
    exigido = caso.permanencia.valor_exigido if caso.permanencia else None
    return Item("tope_permanencia", {"valor": valor, "meses": meses, "verbo": verbo,
                                     "exigido": exigido, "excede": bool(exigido and exigido > valor)},
                subsidiaria)


def _anexos(caso: Caso, tipo: str, recl: list[Reclamacion], objeto: Reclamacion | None) -> list[Item]:
    """Documents the subscriber attaches: identity, contract, filing receipts, answers, evidence."""
    anexos = [Item("documento"), Item("factura")]
    if caso.permanencia is not None and caso.permanencia.documento_separado:
        anexos.append(Item("anexo_permanencia"))
    for r in recl:
        anexos.append(Item("constancia_pqr", {"r": r}))
        if r.fecha_respuesta is not None and (objeto is None or r is objeto):
            anexos.append(Item("respuesta_pqr", {"r": r}))
    if caso.fallas:
        anexos.append(Item("pruebas_fallas"))
    if caso.gastos_adicionales and tipo != "terminacion":
        anexos.append(Item("soportes_gastos"))
    return anexos


def _respuesta(decision: Decision, tipo: str) -> Item | None:
    """The answer term of a new PQR to the operator, if filed on the letter's date."""
    plazo = decision.respuesta_nueva_pqr
    if tipo == "queja_sic" or plazo is None or plazo.vence is None:
        return None
    return Item("respuesta", {"dias": plazo.dias_habiles, "vence": plazo.vence})
