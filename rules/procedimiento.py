"""The procedure as a model (rulebook §6): each PQR's state and its one next step.

`pqr.calcular_pqrs` dates every step and gives it a state; this module turns each state into the
next step the user takes (what to file, where, by when), with its ground and status, and derives
the letters the decision suggests from those steps, so that they cannot contradict each other.
"""

from __future__ import annotations

from datetime import date

from rules import texto
from rules.contexto import Contexto
from rules.decision import Estado, Hallazgo, SiguientePaso, Tramite
from rules.pqr import EstadoPQR


def tramites(ctx: Contexto, por_regla: dict[str, Hallazgo]) -> list[Tramite]:
    """Every covered PQR as a dated step with its state and next step."""
    return [
        Tramite(
            reclamacion=e.indice, tipo=e.reclamacion.tipo, cun=e.reclamacion.cun, estado=e.estado,
            radicada=e.reclamacion.fecha_radicacion, vence_respuesta=e.vence,
            respondida=e.reclamacion.fecha_respuesta, vence_recurso=e.recurso_vence,
            sap_desde=e.sap_desde, cumplimiento_vence=e.cumplimiento_vence, recurre=e.recurre,
            recurrida_por=e.recurrida_por, siguiente_paso=siguiente_paso(ctx, e, por_regla),
        )
        for e in ctx.pqrs
    ]


def siguiente_paso(ctx: Contexto, e: EstadoPQR, por_regla: dict[str, Hallazgo]) -> SiguientePaso:
    """The one next step of a PQR in its state; a date to act by is never before the evaluation date."""
    q2, q3, q4 = (por_regla[k].id for k in ("Q2", "Q3", "Q4"))
    estado_q2 = _estado(ctx, "respuesta_pqr_dias_habiles", e.reclamacion.fecha_radicacion)
    if e.estado == "recurso_en_termino":
        return SiguientePaso(
            accion="presentar", carta="recurso", ante="operador", hasta=e.recurso_vence,
            descripcion=(f"Presente ante el operador el recurso de reposición y en subsidio de "
                         f"apelación contra la respuesta a {e.nombre}, a más tardar el "
                         f"{texto.fecha(e.recurso_vence)}. Si el operador mantiene su decisión, "  # type: ignore[arg-type]
                         "la SIC decide la apelación."),
            fundamento=q3, estado=e.recurso_estado or "S",
        )
    if e.estado == "silencio_positivo":
        vence = e.cumplimiento_vence
        if vence is not None and vence >= ctx.hoy:
            cuando = f"a más tardar el {texto.fecha(vence)}"
            hasta = vence
        else:
            cuando = "de inmediato" + (f" (el plazo venció el {texto.fecha(vence)})" if vence else "")
            hasta = None
        return SiguientePaso(
            accion="presentar", carta="silencio_positivo", ante="operador", desde=e.sap_desde,
            hasta=hasta,
            descripcion=(f"Pida al operador que reconozca el silencio positivo sobre {e.nombre} y "
                         f"cumpla lo pedido {cuando}. Si no cumple, acuda a la SIC."),
            fundamento=q2, estado="S",
        )
    abierto = next((o for o in ctx.pqrs if o.estado == "recurso_en_termino"), None)
    if abierto is not None and e.estado in ("incumplido", "respondida_desfavorable",
                                            "respondida_parcial"):
        # Q4: while a recurso window is open, the SIC letter waits (it would carry that dispute too).
        return SiguientePaso(
            accion="esperar", ante="SIC", desde=ctx.hoy,
            descripcion=(f"Podrá acudir a la SIC por {e.nombre}, pero primero presente el recurso "
                         f"contra la respuesta a {abierto.nombre}, que vence el "
                         f"{texto.fecha(abierto.recurso_vence)}: una queja ante la SIC mientras "  # type: ignore[arg-type]
                         "corre ese término no impide que esa decisión quede en firme."),
            fundamento=q4, estado="S",
        )
    if e.estado == "incumplido":
        return SiguientePaso(
            accion="presentar", carta="queja_sic", ante="SIC", desde=e.sap_desde,
            descripcion=(f"El operador no cumplió el silencio positivo sobre {e.nombre}: presente "
                         "la queja ante la Superintendencia de Industria y Comercio."),
            fundamento=q4, estado="S",
        )
    if e.estado in ("respondida_desfavorable", "respondida_parcial"):
        return SiguientePaso(
            accion="presentar", carta="queja_sic", ante="SIC", desde=e.reclamacion.fecha_respuesta,
            descripcion=(f"La respuesta a {e.nombre} no admite recurso (no trata de facturación, "
                         "terminación, suspensión ni corte): puede acudir a la SIC."),
            fundamento=q4, estado="S",
        )
    if e.estado == "apelada" and e.reclamacion.tipo == "recurso":
        return SiguientePaso(
            accion="esperar", ante="SIC",
            descripcion=(f"El operador mantuvo su decisión sobre {e.nombre}: debe enviar el "
                         "expediente a la SIC, que decide la apelación. Espere esa decisión."),
            fundamento=q3, estado="S",
        )
    if e.estado == "apelada":
        return SiguientePaso(
            accion="ninguna",
            descripcion=(f"La respuesta a {e.nombre} ya fue recurrida a tiempo: siga el trámite "
                         "del recurso."),
            fundamento=q3, estado="S",
        )
    if e.estado in ("en_termino", "respondida_incompleta"):
        return SiguientePaso(
            accion="esperar", ante="operador", hasta=e.vence,
            descripcion=(f"El operador tiene hasta el {texto.fecha(e.vence)} para responder "
                         f"{'por completo ' if e.estado == 'respondida_incompleta' else ''}"
                         f"{e.nombre}. Si no lo hace, desde el día siguiente opera el silencio "
                         "positivo."),
            fundamento=q2, estado=estado_q2,
        )
    if e.estado == "recurso_extemporaneo":
        return SiguientePaso(
            accion="ninguna",
            descripcion=(f"{texto.mayuscula(e.nombre)} se presentó fuera de término: la decisión "
                         "recurrida quedó en firme, sin silencio positivo. Sobre ese asunto no "
                         "queda un paso ante el operador ni ante la SIC."),
            fundamento=q3, estado="S",
        )
    if e.estado == "en_firme":
        return SiguientePaso(
            accion="ninguna",
            descripcion=(f"La decisión sobre {e.nombre} quedó en firme: la queja ante la SIC no "
                         "sustituye la apelación que no se presentó a tiempo."),
            fundamento=q3, estado="S",
        )
    if e.estado == "cumplida":
        return SiguientePaso(
            accion="presentar", carta="queja_sic", ante="SIC", desde=e.sap_desde,
            descripcion=(f"El operador ya cumplió lo concedido por silencio positivo en {e.nombre}. "
                         "Si quiere que la SIC lo sancione por no haber respondido a tiempo, puede "
                         "presentarle una queja; es opcional."),
            fundamento=q4, estado="S",
        )
    return SiguientePaso(
        accion="ninguna", descripcion=f"{texto.mayuscula(e.nombre)} quedó resuelta a su favor.",
        fundamento=q2, estado="S",
    )


def _estado(ctx: Contexto, nombre: str, fecha: date) -> Estado:
    vigente = ctx.p.vigente(nombre, fecha)
    return vigente.estado if vigente is not None else "U"


def cartas_del_procedimiento(pasos: list[Tramite]) -> set[str]:
    """Letters the procedure calls for; never the SIC while a recurso window is open (Q4)."""
    cartas = {t.siguiente_paso.carta for t in pasos if t.siguiente_paso.carta}
    if any(t.estado == "recurso_en_termino" and t.sap_desde is not None for t in pasos):
        cartas.add("silencio_positivo")  # the recurso comes first; the SAP claim does not expire
    if any(t.estado == "recurso_en_termino" for t in pasos):
        cartas.discard("queja_sic")
    elif any(t.estado == "silencio_positivo" for t in pasos):
        cartas.add("queja_sic")  # the SIC serves if the operator does not carry out the SAP
    return {c for c in cartas if c is not None}
