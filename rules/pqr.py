"""Rulebook §6: complaints (PQR), their deadlines, silencio positivo and appeals (Q1–Q6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rules import texto
from rules.calendario import sumar_habiles, vencimiento
from rules.caso import Reclamacion
from rules.contexto import Contexto
from rules.regimen import no_cubierto
from rules.registro import REGIMEN, Veredicto, regla

CAPITULO = "Peticiones, quejas y recursos (PQR)"
# Decisions a recurso may attack (refusal, suspension, termination, disconnection, billing).
ASUNTOS_RECURRIBLES = frozenset({"facturacion", "terminacion", "permanencia", "compensacion"})
PRETENSIONES_RECURRIBLES = frozenset({"terminar_sin_penalidad", "terminar", "compensacion"})
TIPOS = {"peticion": "petición", "queja": "queja", "recurso": "recurso"}


@dataclass(frozen=True)
class EstadoPQR:
    """Where one PQR stands on the evaluation date."""

    indice: int
    reclamacion: Reclamacion
    dias: int
    vence: date
    vencido: bool  # the answer term ran out without an answer
    sap: bool
    sap_desde: date | None
    sap_causa: str | None
    recurso_procede: bool
    recurso_vence: date | None
    recurso_dias: int | None

    @property
    def nombre(self) -> str:
        """'la queja con CUN 4563…' / 'la queja del 5 de noviembre de 2026'."""
        r = self.reclamacion
        if r.cun:
            return f"la {TIPOS[r.tipo]} con CUN {r.cun}"
        return f"la {TIPOS[r.tipo]} del {texto.fecha(r.fecha_radicacion)}"


def calcular_pqrs(ctx: Contexto) -> list[EstadoPQR]:
    """Answer deadline, SAP and appeal term of each covered PQR."""
    estados = []
    for i, rec in enumerate(ctx.caso.reclamaciones):
        dias = ctx.valor("respuesta_pqr_dias_habiles", rec.fecha_radicacion)
        if dias is None:
            continue
        vence = vencimiento(rec.fecha_radicacion, int(dias))
        respuesta = rec.fecha_respuesta
        vencido = respuesta is None and ctx.hoy > vence
        causa = None
        if rec.sentido_respuesta != "favorable" and ctx.hoy > vence:
            if respuesta is None:
                causa = "sin_respuesta"
            elif respuesta > vence:
                causa = "respuesta_tardia"
            elif rec.respuesta_incompleta:
                causa = "respuesta_incompleta"
        recurso_vence = recurso_dias = None
        procede = False
        if rec.tipo != "recurso" and rec.sentido_respuesta in ("desfavorable", "parcial"):
            assert respuesta is not None
            procede = (rec.asunto in ASUNTOS_RECURRIBLES
                       or bool(PRETENSIONES_RECURRIBLES & set(rec.pretensiones)))
            dias_recurso = ctx.valor("recurso_dias_habiles", respuesta)
            if procede and dias_recurso is not None:
                recurso_dias = int(dias_recurso)
                # The user's own deadline: counted from the day after notification, without
                # moving a weekend notification forward (the earlier, safer date).
                recurso_vence = sumar_habiles(respuesta, recurso_dias)
        estados.append(EstadoPQR(
            i, rec, int(dias), vence, vencido, causa is not None,
            vence + timedelta(days=1) if causa else None, causa, procede, recurso_vence,
            recurso_dias,
        ))
    return estados


@regla(
    "Q1-derecho-pqr",
    "Puede presentar una PQR en cualquier momento y por cualquier canal; el operador debe darle un CUN",
    CAPITULO,
    ("@regimen_pqr", "L1341-53"),
)
def q1_derecho(ctx: Contexto) -> Veredicto:
    """File a PQR at any time, any channel, without paying the disputed bill; get a CUN."""
    if not ctx.cubierto(ctx.hoy):
        return no_cubierto(ctx, "La fecha de evaluación", ctx.hoy)
    explicacion = ("Puede presentar peticiones, quejas y recursos en cualquier momento, por cualquier "
                   "canal de atención y sin pagar antes la factura en discusión. El operador debe "
                   "darle un CUN (código único numérico) y constancia de la radicación.")
    sin_cun = [e for e in ctx.pqrs if not e.reclamacion.cun]
    faltan = [f"reclamaciones[{e.indice}].cun" for e in sin_cun]
    if sin_cun:
        explicacion += (" No tiene el CUN de " + texto.lista(e.nombre for e in sin_cun) +
                        ": pídalo, porque lo necesitará ante la SIC.")
    return Veredicto("cumple", explicacion, fuerza="solida", fecha=ctx.hoy, faltantes=faltan)


@regla(
    "Q2-silencio-positivo",
    "Si el operador no responde en 15 días hábiles, lo pedido se entiende concedido (silencio positivo)",
    CAPITULO,
    ("L1341", REGIMEN),
    ("respuesta_pqr_dias_habiles", "cumplimiento_sap_horas"),
)
def q2_silencio(ctx: Contexto) -> Veredicto:
    """15 business days to answer; no answer, a late or an incomplete one → requests deemed granted."""
    if not ctx.caso.reclamaciones:
        return Veredicto("no_aplica", "No ha presentado reclamaciones al operador.", fecha=ctx.hoy)
    if not ctx.pqrs:
        primera = ctx.caso.reclamaciones[0].fecha_radicacion
        return no_cubierto(ctx, "La reclamación", primera)
    partes, fuerza, aplica = [], None, False
    for e in ctx.pqrs:
        r = e.reclamacion
        base = (f"{e.nombre} se radicó el {texto.fecha(r.fecha_radicacion)}; el plazo de "
                f"{e.dias} días hábiles vence el {texto.fecha(e.vence)}")
        if e.sap_causa == "sin_respuesta":
            partes.append(f"{base} y no hubo respuesta: opera el silencio administrativo positivo "
                          f"desde el {texto.fecha(e.sap_desde)}")  # type: ignore[arg-type]
            fuerza, aplica = "solida", True
        elif e.sap_causa == "respuesta_tardia":
            partes.append(f"{base} y la respuesta llegó tarde, el "
                          f"{texto.fecha(r.fecha_respuesta)}: opera el silencio positivo")  # type: ignore[arg-type]
            fuerza, aplica = "solida", True
        elif e.sap_causa == "respuesta_incompleta":
            partes.append(f"{base}; la respuesta no resolvió todo lo pedido: puede alegar "
                          "silencio positivo sobre lo no resuelto")
            fuerza = fuerza or "argumentable"
            aplica = True
        elif r.fecha_respuesta is not None:
            partes.append(f"{base} y respondieron a tiempo, el {texto.fecha(r.fecha_respuesta)}")
        else:
            partes.append(f"{base}; todavía está dentro del plazo")
    explicacion = "; ".join(partes)
    explicacion = explicacion[0].upper() + explicacion[1:] + "."
    fuera = len(ctx.caso.reclamaciones) - len(ctx.pqrs)
    if fuera:
        explicacion += (f" {texto.plural(fuera, 'reclamación es anterior', 'reclamaciones son anteriores')}"
                        f" al {ctx.cobertura()}: no se evalúa (no cubierto).")
    usados = [ctx.usado("respuesta_pqr_dias_habiles", ctx.pqrs[0].reclamacion.fecha_radicacion)]
    if aplica:
        horas = ctx.usado("cumplimiento_sap_horas", ctx.hoy)
        usados.append(horas)
        plazo = f", en {horas.valor} horas" if horas is not None else ""
        explicacion += (f" El operador debe cumplir lo pedido (según varias fuentes{plazo}) y "
                        "puede ser sancionado por la SIC. El silencio no vuelve válido lo que la ley "
                        "no permite.")
        return Veredicto("cumple", explicacion, fuerza=fuerza, fecha=ctx.pqrs[0].vence,
                         parametros=usados)
    return Veredicto("no_cumple", explicacion, fecha=ctx.pqrs[0].reclamacion.fecha_radicacion,
                     parametros=usados)


@regla(
    "Q3-recurso",
    "Contra una respuesta desfavorable cabe reposición y en subsidio apelación, en 10 días hábiles",
    CAPITULO,
    (REGIMEN, "MODELO-CONTRATO", "SIC-TRAMITE"),
    ("recurso_dias_habiles",),
)
def q3_recurso(ctx: Contexto) -> Veredicto:
    """Recurso de reposición y en subsidio apelación within 10 business days of notification."""
    contestadas = [e for e in ctx.pqrs
                   if e.reclamacion.sentido_respuesta in ("desfavorable", "parcial")
                   and e.reclamacion.tipo != "recurso"]
    if not contestadas:
        return Veredicto("no_aplica", "No tiene respuestas desfavorables o parciales del operador.",
                         fecha=ctx.hoy)
    partes, abierto = [], False
    for e in contestadas:
        r = e.reclamacion
        sentido = texto.RESULTADOS[r.sentido_respuesta or ""]
        notificada = texto.fecha(r.fecha_respuesta)  # type: ignore[arg-type]
        if not e.recurso_procede:
            partes.append(f"la respuesta a {e.nombre} ({sentido}, {notificada}) no trata de "
                          "facturación, terminación, suspensión ni corte: no cabe recurso, pero "
                          "puede acudir a la SIC")
        elif e.recurso_vence is not None and ctx.hoy <= e.recurso_vence:
            abierto = True
            partes.append(f"la respuesta a {e.nombre} fue {sentido} y se notificó el {notificada}: "
                          f"puede presentar el recurso hasta el {texto.fecha(e.recurso_vence)}")
        elif e.recurso_vence is not None:
            partes.append(f"el plazo para recurrir la respuesta a {e.nombre} venció el "
                          f"{texto.fecha(e.recurso_vence)}")
    explicacion = "; ".join(partes)
    explicacion = explicacion[0].upper() + explicacion[1:] + "."
    fecha = contestadas[0].reclamacion.fecha_respuesta
    usados = [ctx.usado("recurso_dias_habiles", fecha)]  # type: ignore[arg-type]
    if abierto:
        explicacion += (" Si el operador mantiene su decisión, debe enviar el expediente a la SIC, "
                        "que decide la apelación.")
        return Veredicto("cumple", explicacion, fuerza="solida", fecha=fecha, parametros=usados)
    return Veredicto("no_cumple", explicacion, fecha=fecha, parametros=usados)


@regla(
    "Q4-queja-sic",
    "Puede quejarse ante la SIC después de la PQR, con respuesta o sin ella pasados 15 días hábiles",
    CAPITULO,
    ("SIC-TRAMITE",),
)
def q4_sic(ctx: Contexto) -> Veredicto:
    """After filing with the operator and an answer, or 15 business days without one, go to the SIC."""
    if not ctx.pqrs:
        return Veredicto("no_cumple", "Primero debe presentar su PQR al operador; la SIC la pide "
                         "como paso previo.", fecha=ctx.hoy)
    abiertas = [e for e in ctx.pqrs if ruta_sic_desde(e) is not None
                and ruta_sic_desde(e) <= ctx.hoy]  # type: ignore[operator]
    if abiertas:
        return Veredicto(
            "cumple",
            "Ya puede acudir a la Superintendencia de Industria y Comercio por "
            + texto.lista(e.nombre for e in abiertas) + ", con su CUN y la cronología del caso.",
            fuerza="solida", fecha=ctx.hoy,
        )
    pendientes = [e for e in ctx.pqrs if e.reclamacion.fecha_respuesta is None]
    if pendientes:
        e = pendientes[0]
        return Veredicto(
            "no_cumple",
            f"Aún corre el plazo del operador: si no responde {e.nombre} hasta el "
            f"{texto.fecha(e.vence)}, podrá acudir a la SIC desde el día siguiente.",
            fecha=ctx.hoy,
        )
    return Veredicto("no_cumple", "El operador respondió favorablemente lo que pidió.", fecha=ctx.hoy)


def ruta_sic_desde(e: EstadoPQR) -> date | None:
    """The day a SIC complaint about this PQR becomes possible (None if answered favourably)."""
    r = e.reclamacion
    if r.fecha_respuesta is None:
        return e.vence + timedelta(days=1)
    if r.sentido_respuesta == "favorable" and not e.sap:
        return None
    return r.fecha_respuesta if not e.sap else e.sap_desde


@regla(
    "Q5-peticion-informacion",
    "Puede pedir información (causa y duración de la falla, copia del contrato) por derecho de petición",
    CAPITULO,
    ("L1755-14", REGIMEN),
    ("peticion_documentos_dias", "respuesta_pqr_dias_habiles"),
)
def q5_informacion(ctx: Contexto) -> Veredicto:
    """An information request goes through the PQR procedure; Ley 1755 art. 14 where no special rule."""
    pedidas = {"informacion_falla": "la causa y la duración de la falla",
               "copia_contrato": "copia del contrato y del anexo de permanencia"}
    quiere = [pedidas[p] for p in ctx.caso.pretensiones if p in pedidas]
    if not quiere:
        return Veredicto("no_aplica", "No pidió información ni documentos.", fecha=ctx.hoy)
    dias = ctx.usado("respuesta_pqr_dias_habiles", ctx.hoy)
    if dias is None:
        return no_cubierto(ctx, "La fecha de evaluación", ctx.hoy)
    return Veredicto(
        "cumple",
        f"Puede pedir {texto.lista(quiere)}. La petición sigue el trámite de PQR ante el operador "
        f"({dias.valor} días hábiles para responder).",
        fuerza="solida", fecha=ctx.hoy,
        parametros=[dias, ctx.usado("peticion_documentos_dias", ctx.hoy)],
    )


@regla(
    "Q6-factura-en-reclamo",
    "Mientras se decide un reclamo sobre la factura, no tiene que pagar la parte en discusión",
    CAPITULO,
    (REGIMEN, "MODELO-CONTRATO"),
)
def q6_factura(ctx: Contexto) -> Veredicto:
    """A bill complaint filed before the payment date suspends payment of the disputed part."""
    facturas = [e for e in ctx.pqrs
                if e.reclamacion.asunto in ("facturacion", "permanencia", "compensacion")
                and e.reclamacion.fecha_respuesta is None]
    if not facturas:
        return Veredicto("no_aplica", "No tiene reclamos pendientes sobre la factura.",
                         fecha=ctx.hoy)
    return Veredicto(
        "cumple",
        f"Mientras se decide {texto.lista(e.nombre for e in facturas)}, no tiene que pagar la parte "
        "de la factura en discusión, si reclamó antes de la fecha de pago. Pague lo que no discute.",
        fuerza="requiere_prueba", fecha=facturas[0].reclamacion.fecha_radicacion,
    )
