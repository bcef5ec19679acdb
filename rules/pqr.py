"""Rulebook §6: complaints (PQR), their deadlines, silencio positivo and appeals (Q1–Q6)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from rules import prosa, texto
from rules.calendario import (
    es_habil,
    festivos_por_confirmar,
    habil_desde,
    sumar_habiles,
    vencimiento,
)
from rules.caso import Reclamacion
from rules.contexto import Contexto
from rules.decision import CausaSilencio, Estado, EstadoTramite, Fuerza
from rules.parametros import Parametros
from rules.regimen import no_cubierto
from rules.registro import REGIMEN, Veredicto, regla

CAPITULO = "Peticiones, quejas y recursos (PQR)"
# Decisions a recurso may attack (refusal, suspension, termination, disconnection, billing).
ASUNTOS_RECURRIBLES = frozenset({"facturacion", "terminacion", "permanencia", "compensacion"})
PRETENSIONES_RECURRIBLES = frozenset({"terminar_sin_penalidad", "terminar", "compensacion"})
TIPOS = {"peticion": "petición", "queja": "queja", "recurso": "recurso"}


@dataclass(frozen=True)
class EstadoPQR:
    """Where one PQR stands on the evaluation date: one step of the procedure."""

    indice: int
    reclamacion: Reclamacion
    dias: int
    vence: date  # the operator's deadline, the latest plausible reading (§7)
    vencido: bool  # the answer term ran out without an answer
    sap: bool
    sap_desde: date | None
    sap_causa: CausaSilencio | None
    recurso_procede: bool
    recurso_vence: date | None  # the user's deadline, the earliest plausible reading (§7)
    recurso_dias: int | None
    estado: EstadoTramite = "en_termino"
    vence_temprano: date | None = None  # the earliest reading of the operator's deadline
    festivos_u: tuple[date, ...] = ()  # holidays of status U the answer term depended on
    recurso_vence_tardio: date | None = None  # the latest reading of the user's deadline
    recurso_festivos_u: tuple[date, ...] = ()
    recurso_estado: Estado | None = None  # status (V/S/U) of the recurso term used
    recurre: int | None = None  # for a recurso: the PQR whose answer it attacks
    recurrida_por: int | None = None
    extemporaneo: bool = False  # a recurso filed after its term: the decision is final
    cumplimiento_vence: date | None = None

    @property
    def nombre(self) -> str:
        """'la queja con CUN 4563…' / 'la queja del 5 de noviembre de 2026'."""
        r = self.reclamacion
        if r.cun:
            return f"la {TIPOS[r.tipo]} con CUN {r.cun}"
        return f"la {TIPOS[r.tipo]} del {texto.fecha(r.fecha_radicacion)}"

    @property
    def debatible(self) -> bool:
        """The operator's deadline depends on a debatable reading (weekend filing, U holiday)."""
        return self.vence_temprano is not None and self.vence_temprano != self.vence

    @property
    def recurso_abierto(self) -> bool:
        """The user may still file the recurso (not yet filed)."""
        return self.estado == "recurso_en_termino"


def _plazo_respuesta(radicada: date, dias: int) -> tuple[date, date, tuple[date, ...]]:
    """The operator's deadline (latest reading), the earliest reading, and the U holidays in it."""
    vence = vencimiento(radicada, dias)
    # A literal reading counts from the day after receipt even on a weekend, and a holiday of
    # status U as a business day: the earliest plausible deadline.
    temprano = sumar_habiles(radicada, dias, seguro=True)
    return vence, min(temprano, vence), tuple(festivos_por_confirmar(radicada, vence))


def _origen(ctx: Contexto, i: int, rec: Reclamacion) -> int | None:
    """For a recurso, the earlier complaint whose answer it attacks (same CUN, else the latest)."""
    if rec.tipo != "recurso":
        return None
    previas = [(j, respondida, r.cun) for j, r in enumerate(ctx.caso.reclamaciones)
               if j != i and r.tipo != "recurso" and (respondida := r.fecha_respuesta) is not None
               and r.sentido_respuesta in ("desfavorable", "parcial")
               and respondida <= rec.fecha_radicacion]
    if rec.cun:
        mismas = [p for p in previas if p[2] == rec.cun]
        if mismas:
            return max(mismas, key=lambda p: p[1])[0]
    if not previas:
        return None
    return max(previas, key=lambda p: p[1])[0]


def _recurrible(rec: Reclamacion) -> bool:
    return (rec.tipo != "recurso" and rec.sentido_respuesta in ("desfavorable", "parcial")
            and (rec.asunto in ASUNTOS_RECURRIBLES
                 or bool(PRETENSIONES_RECURRIBLES & set(rec.pretensiones))))


def _termino_recurso(
    ctx: Contexto, respuesta: date,
) -> tuple[int, date, date, Estado, tuple[date, ...]] | None:
    """Days, safe and latest deadline, status and U holidays of the recurso against an answer."""
    largo = ctx.p.vigente("recurso_dias_habiles", respuesta)
    if largo is None:
        return None
    corto = ctx.p.vigente("recurso_dias_habiles_seguro", respuesta)
    dias_corto = int(corto.valor) if corto is not None else int(largo.valor)
    # The user's deadline: counted from the day after notification, without moving a weekend
    # notification forward, and with the shortest plausible term (the earlier, safer date, §7).
    seguro = sumar_habiles(respuesta, dias_corto, seguro=True)
    tardio = sumar_habiles(habil_desde(respuesta), int(largo.valor))
    estado: Estado = "U" if (corto is not None and corto.estado == "U") else largo.estado
    return (dias_corto, seguro, tardio, estado,
            tuple(festivos_por_confirmar(respuesta, tardio)))


def calcular_pqrs(ctx: Contexto) -> list[EstadoPQR]:
    """Each covered PQR as a step of the procedure: terms, silencio positivo, recurso, state."""
    recs = ctx.caso.reclamaciones
    origen = {i: _origen(ctx, i, r) for i, r in enumerate(recs)}
    recurrida = {o: i for i, o in sorted(origen.items()) if o is not None}
    estados = []
    for i, rec in enumerate(recs):
        dias = ctx.p.entero("respuesta_pqr_dias_habiles", rec.fecha_radicacion)
        if dias is None:
            continue
        vence, temprano, festivos_u = _plazo_respuesta(rec.fecha_radicacion, dias)
        respuesta = rec.fecha_respuesta
        extemporaneo = False
        o = origen[i]
        if o is not None:
            termino = _termino_recurso(ctx, recs[o].fecha_respuesta)  # type: ignore[arg-type]
            extemporaneo = termino is not None and rec.fecha_radicacion > termino[2]
        causa: CausaSilencio | None = None
        if not extemporaneo and ctx.hoy > vence:
            if respuesta is None:
                causa = "sin_respuesta"
            elif respuesta > vence:
                causa = "respuesta_tardia"
            elif rec.respuesta_incompleta:
                causa = "respuesta_incompleta"  # whatever the answer's label (§6 note)
        sap_desde = vence + timedelta(days=1) if causa else None
        cumplimiento = None
        if sap_desde is not None:
            horas = ctx.p.numero("cumplimiento_sap_horas", sap_desde)
            n = int(horas) if horas is not None else 72
            cumplimiento = sap_desde + timedelta(days=n // 24 - 1)
        procede = _recurrible(rec)
        recurso_vence = recurso_dias = tardio = None
        recurso_estado: Estado | None = None
        recurso_u: tuple[date, ...] = ()
        if procede and respuesta is not None:
            termino = _termino_recurso(ctx, respuesta)
            if termino is not None:
                recurso_dias, recurso_vence, tardio, recurso_estado, recurso_u = termino
        e = EstadoPQR(
            i, rec, dias, vence, respuesta is None and ctx.hoy > vence, causa is not None,
            sap_desde, causa, procede, recurso_vence, recurso_dias,
            vence_temprano=temprano, festivos_u=festivos_u, recurso_vence_tardio=tardio,
            recurso_festivos_u=recurso_u, recurso_estado=recurso_estado, recurre=o,
            recurrida_por=recurrida.get(i), extemporaneo=extemporaneo,
            cumplimiento_vence=cumplimiento,
        )
        estados.append(replace(e, estado=_estado(ctx, e, recs)))
    return estados


def _estado(ctx: Contexto, e: EstadoPQR, recs: list[Reclamacion]) -> EstadoTramite:
    """The step's state, in the order the procedure gives precedence to."""
    r = e.reclamacion
    if e.extemporaneo:
        return "recurso_extemporaneo"
    if e.recurrida_por is not None:
        posterior = recs[e.recurrida_por]
        termino = e.recurso_vence_tardio
        tardio = termino is not None and posterior.fecha_radicacion > termino
        return "en_firme" if tardio else "apelada"
    if e.recurso_vence is not None and ctx.hoy <= e.recurso_vence:
        return "recurso_en_termino"
    if e.sap:
        if r.sap_cumplido is True:
            return "cumplida"
        return "incumplido" if r.sap_cumplido is False else "silencio_positivo"
    if e.recurso_procede and r.fecha_respuesta is not None:
        return "en_firme"
    if r.tipo == "recurso" and r.sentido_respuesta in ("desfavorable", "parcial"):
        return "apelada"  # the operator kept its decision: the SIC decides the appeal
    if r.sentido_respuesta is not None and r.respuesta_incompleta:
        return "respondida_incompleta"
    if r.sentido_respuesta == "parcial":
        return "respondida_parcial"
    if r.sentido_respuesta == "desfavorable":
        return "respondida_desfavorable"
    if r.sentido_respuesta == "favorable":
        return "respondida_favorable"
    return "en_termino"


@regla(
    "Q1-derecho-pqr",
    "Puede presentar una PQR en cualquier momento y por cualquier canal; el operador debe darle un CUN",
    CAPITULO,
    ("@regimen_pqr", "L1341-53"),
    favorece_si_cumple=True,
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
    "Si el operador no responde en {respuesta_dias} días hábiles, lo pedido se entiende concedido "
    "(silencio positivo)",
    CAPITULO,
    ("L1341", REGIMEN),
    ("respuesta_pqr_dias_habiles", "cumplimiento_sap_horas"),
    favorece_si_cumple=True,
)
def q2_silencio(ctx: Contexto) -> Veredicto:
    """15 business days to answer; no answer, a late or an incomplete one → requests deemed granted."""
    if not ctx.caso.reclamaciones:
        return Veredicto("no_aplica", "No ha presentado reclamaciones al operador.", fecha=ctx.hoy)
    if not ctx.pqrs:
        primera = ctx.caso.reclamaciones[0].fecha_radicacion
        return no_cubierto(ctx, "La reclamación", primera)
    partes: list[str] = []
    fuerza: Fuerza | None = None
    aplica = False
    for e in ctx.pqrs:
        r = e.reclamacion
        base = (f"{e.nombre} se radicó el {texto.fecha(r.fecha_radicacion)}; el plazo de "
                f"{e.dias} días hábiles vence el {texto.fecha(e.vence)}{nota_plazo(e, ctx.p)}")
        if e.extemporaneo:
            partes.append(f"{e.nombre} se presentó fuera de término: la decisión que recurría quedó "
                          "en firme y ese recurso no genera silencio positivo")
        elif e.sap_causa == "sin_respuesta":
            partes.append(f"{base} y no hubo respuesta: opera el silencio administrativo positivo "
                          f"desde el {texto.fecha(e.sap_desde)}")  # type: ignore[arg-type]
            fuerza, aplica = "solida", True
        elif e.sap_causa == "respuesta_tardia":
            partes.append(f"{base} y la respuesta llegó tarde, el "
                          f"{texto.fecha(r.fecha_respuesta)}: opera el silencio positivo")  # type: ignore[arg-type]
            fuerza, aplica = "solida", True
        elif e.sap_causa == "respuesta_incompleta":
            partes.append(f"{base}; la respuesta no resolvió todo lo pedido (cualquiera que sea su "
                          "rótulo): opera el silencio positivo sobre lo no resuelto desde el "
                          f"{texto.fecha(e.sap_desde)}")  # type: ignore[arg-type]
            fuerza = fuerza or "argumentable"
            aplica = True
        elif r.fecha_respuesta is not None and r.respuesta_incompleta:
            partes.append(f"{base}; respondieron el {texto.fecha(r.fecha_respuesta)} sin resolver "
                          "todo lo pedido: si no lo completan dentro del plazo, desde el día "
                          "siguiente opera el silencio positivo sobre lo no resuelto")
        elif r.fecha_respuesta is not None and e.debatible and r.fecha_respuesta > e.vence_temprano:  # type: ignore[operator]
            partes.append(f"{base} y respondieron el {texto.fecha(r.fecha_respuesta)}: a tiempo "
                          "según el conteo del manual, tarde con la lectura más estricta; que haya "
                          "silencio positivo es discutible")
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
    "Contra una respuesta desfavorable cabe reposición y en subsidio apelación, en {recurso_dias} días "
    "hábiles",
    CAPITULO,
    (REGIMEN, "MODELO-CONTRATO", "SIC-TRAMITE", "CPACA-76"),
    ("recurso_dias_habiles", "recurso_dias_habiles_seguro"),
    favorece_si_cumple=True,
)
def q3_recurso(ctx: Contexto) -> Veredicto:
    """Recurso de reposición y en subsidio apelación within 10 business days of notification."""
    contestadas = [e for e in ctx.pqrs
                   if e.reclamacion.sentido_respuesta in ("desfavorable", "parcial")
                   and e.reclamacion.tipo != "recurso"]
    if not contestadas:
        return Veredicto("no_aplica", "No tiene respuestas desfavorables o parciales del operador.",
                         fecha=ctx.hoy)
    por_indice = {e.indice: e for e in ctx.pqrs}
    partes, abierto = [], False
    for e in contestadas:
        r = e.reclamacion
        sentido = texto.RESULTADOS[r.sentido_respuesta or ""]
        notificada = texto.fecha(r.fecha_respuesta)  # type: ignore[arg-type]
        posterior = por_indice.get(e.recurrida_por) if e.recurrida_por is not None else None
        if not e.recurso_procede:
            partes.append(f"la respuesta a {e.nombre} ({sentido}, {notificada}) no trata de "
                          "facturación, terminación, suspensión ni corte: no cabe recurso, pero "
                          "puede acudir a la SIC")
        elif e.estado == "recurso_en_termino":
            abierto = True
            partes.append(f"la respuesta a {e.nombre} fue {sentido} y se notificó el {notificada}: "
                          f"puede presentar el recurso hasta el {texto.fecha(e.recurso_vence)}"  # type: ignore[arg-type]
                          + nota_recurso(e, ctx.p))
        elif posterior is not None and posterior.extemporaneo:
            partes.append(f"contra la respuesta a {e.nombre} ({notificada}) presentó el recurso el "
                          f"{texto.fecha(posterior.reclamacion.fecha_radicacion)}, fuera de término "
                          f"(vencía el {texto.fecha(e.recurso_vence_tardio)}): la decisión quedó en "  # type: ignore[arg-type]
                          "firme, el recurso tardío no genera silencio positivo ni suspende el pago "
                          "de la factura discutida")
        elif posterior is not None:
            partes.append(f"contra la respuesta a {e.nombre} presentó el recurso a tiempo, el "
                          f"{texto.fecha(posterior.reclamacion.fecha_radicacion)}")
        elif e.recurso_vence is not None:
            partes.append(f"el plazo para recurrir la respuesta a {e.nombre} venció el "
                          f"{texto.fecha(e.recurso_vence)} sin que presentara el recurso: la "
                          "decisión quedó en firme")
    explicacion = "; ".join(partes)
    explicacion = explicacion[0].upper() + explicacion[1:] + "."
    fecha = contestadas[0].reclamacion.fecha_respuesta
    usados = [ctx.usado("recurso_dias_habiles", fecha),  # type: ignore[arg-type]
              ctx.usado("recurso_dias_habiles_seguro", fecha)]  # type: ignore[arg-type]
    if abierto:
        explicacion += (" Si el operador mantiene su decisión, debe enviar el expediente a la SIC, "
                        "que decide la apelación.")
        return Veredicto("cumple", explicacion, fuerza="solida", fecha=fecha, parametros=usados)
    return Veredicto("no_cumple", explicacion, fecha=fecha, parametros=usados)


def nota_plazo(e: EstadoPQR, p: Parametros) -> str:
    """Why the operator's deadline is debatable (§7), or ''."""
    if not e.debatible:
        return ""
    partes = []
    if e.festivos_u:
        partes.append("cuenta como festivo el " + texto.lista(texto.fecha(d) for d in e.festivos_u)
                      + f" ({prosa.fuentes_de_festivos(p, e.festivos_u)}, por confirmar)")
    if not es_habil(e.reclamacion.fecha_radicacion):
        partes.append("la radicación fue en un día no hábil y se tiene por hecha el día hábil "
                      "siguiente")
    return (f" ({'; '.join(partes)}; con la lectura más estricta vencería el "
            f"{texto.fecha(e.vence_temprano)}, así que el punto es discutible)")  # type: ignore[arg-type]


def nota_recurso(e: EstadoPQR, p: Parametros) -> str:
    """Why the user's recurso deadline is the safe one (§7), or ''."""
    if e.recurso_vence is None or e.recurso_vence == e.recurso_vence_tardio:
        return ""
    motivos = []
    if e.recurso_festivos_u:
        motivos.append("no está confirmado que el " + texto.lista(
            texto.fecha(d) for d in e.recurso_festivos_u)
            + f" sea festivo ({prosa.fuentes_de_festivos(p, e.recurso_festivos_u)})")
    notificada = e.reclamacion.fecha_respuesta
    if e.recurso_estado == "U" and e.recurso_dias is not None and notificada is not None:
        verificado = p.parametros["recurso_dias_habiles_seguro"].valores[-1].desde
        general = p.vigente("recurso_dias_habiles", notificada)
        motivos.append(f"antes del {texto.fecha(verificado)} el término general era de "
                       f"{e.recurso_dias} días y no está verificado que rigiera el de "
                       f"{general.valor if general else e.recurso_dias}")
    if not motivos:
        motivos.append("la notificación fue en un día no hábil")
    return (f" (fecha segura: {'; '.join(motivos)}; con la lectura más favorable vencería el "
            f"{texto.fecha(e.recurso_vence_tardio)}, pero no se arriesgue)")  # type: ignore[arg-type]


@regla(
    "Q4-queja-sic",
    "Puede quejarse ante la SIC después de la PQR, con respuesta o sin ella pasados {respuesta_dias} días "
    "hábiles",
    CAPITULO,
    ("SIC-TRAMITE",),
    favorece_si_cumple=True,
)
def q4_sic(ctx: Contexto) -> Veredicto:
    """The SIC decides the dispute through the apelación; a complaint to it serves otherwise."""
    if not ctx.pqrs:
        return Veredicto("no_cumple", "Primero debe presentar su PQR al operador; la SIC la pide "
                         "como paso previo.", fecha=ctx.hoy)
    abiertos = [e for e in ctx.pqrs if e.estado == "recurso_en_termino"]
    aviso = ""
    if abiertos:
        aviso = (" Mientras corre el término del recurso contra la respuesta a "
                 + texto.lista(f"{e.nombre} (hasta el {texto.fecha(e.recurso_vence)})"  # type: ignore[arg-type]
                               for e in abiertos)
                 + ", lo que procede es el recurso de reposición y en subsidio apelación ante el "
                 "operador: la SIC decide la controversia por esa apelación, y una queja presentada "
                 "directamente a la SIC no impide que la decisión quede en firme.")
    rutas = [e for e in ctx.pqrs if (d := ruta_sic_desde(e)) is not None and d <= ctx.hoy]
    if rutas:
        sancion = [e for e in rutas if e.estado == "cumplida"]
        otras = [e for e in rutas if e not in sancion]
        partes = []
        if otras:
            partes.append("Ya puede acudir a la Superintendencia de Industria y Comercio por "
                          + texto.lista(e.nombre for e in otras)
                          + ", con su CUN y la cronología del caso.")
        if sancion:
            partes.append("El operador ya cumplió lo concedido por silencio positivo en "
                          + texto.lista(e.nombre for e in sancion) + "; si quiere, puede pedir a la "
                          "SIC que lo sancione por no haber respondido a tiempo.")
        return Veredicto("cumple", " ".join(partes) + aviso, fuerza="solida", fecha=ctx.hoy)
    if abiertos:
        return Veredicto("no_cumple", aviso.strip(), fecha=ctx.hoy)
    apeladas = [e for e in ctx.pqrs if e.estado == "apelada" and e.reclamacion.tipo == "recurso"]
    if apeladas:
        return Veredicto(
            "no_cumple",
            f"El operador mantuvo su decisión sobre {texto.lista(e.nombre for e in apeladas)}: debe "
            "enviar el expediente a la SIC, que decide la apelación. No hace falta una queja nueva "
            "ante la SIC; si el operador no lo remite, reclámelo.",
            fecha=ctx.hoy,
        )
    firmes = [e for e in ctx.pqrs if e.estado == "en_firme"]
    if firmes:
        return Veredicto(
            "no_cumple",
            f"La decisión sobre {texto.lista(e.nombre for e in firmes)} quedó en firme: la queja ante "
            "la SIC no sustituye la apelación que no se presentó a tiempo.",
            fecha=ctx.hoy,
        )
    pendientes = [e for e in ctx.pqrs if e.estado in ("en_termino", "respondida_incompleta",
                                                       "apelada")]
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
    """The day a SIC complaint about this PQR becomes possible (None when it is not the way)."""
    r = e.reclamacion
    if e.estado in ("silencio_positivo", "incumplido", "cumplida"):
        return e.sap_desde
    if e.estado in ("respondida_desfavorable", "respondida_parcial"):
        return r.fecha_respuesta
    if e.estado == "en_termino":
        return e.vence + timedelta(days=1)
    return None


@regla(
    "Q5-peticion-informacion",
    "Puede pedir información (causa y duración de la falla, copia del contrato) por derecho de petición",
    CAPITULO,
    ("L1755-14", REGIMEN),
    ("peticion_documentos_dias", "respuesta_pqr_dias_habiles"),
    favorece_si_cumple=True,
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
    favorece_si_cumple=True,
)
def q6_factura(ctx: Contexto) -> Veredicto:
    """A bill complaint filed before the payment date suspends payment of the disputed part."""
    facturas = [e for e in ctx.pqrs
                if e.reclamacion.asunto in ("facturacion", "permanencia", "compensacion")
                and e.reclamacion.fecha_respuesta is None and not e.extemporaneo]
    if not facturas:
        return Veredicto("no_aplica", "No tiene reclamos pendientes sobre la factura.",
                         fecha=ctx.hoy)
    return Veredicto(
        "cumple",
        f"Mientras se decide {texto.lista(e.nombre for e in facturas)}, no tiene que pagar la parte "
        "de la factura en discusión, si reclamó antes de la fecha de pago. Pague lo que no discute.",
        fuerza="requiere_prueba", fecha=facturas[0].reclamacion.fecha_radicacion,
    )
