"""Which letters the decision suggests, which it supports, and why not the others."""

from __future__ import annotations

from rules import texto
from rules.caso import Caso
from rules.contexto import Contexto
from rules.decision import TIPOS_CARTA, Hallazgo, PermanenciaDecision, TipoCarta, Tramite
from rules.procedimiento import cartas_del_procedimiento
from rules.solicitudes import SAP_VIVO
from rules.terminacion import quiere_terminar


def sugeridas(ctx: Contexto, por_regla: dict[str, Hallazgo], perm: PermanenciaDecision,
              pasos: list[Tramite]) -> list[TipoCarta]:
    """The letters that follow from the findings and the procedure's next steps, in contract order."""
    caso = ctx.caso
    if not ctx.cubierto(ctx.hoy):
        return []  # no letter is supported outside coverage (no_disponibles): none is suggested
    cartas: set[str] = set()
    if _materias_sin_queja(caso):
        cartas.add("queja")
    if caso.solicitud_terminacion is None and (quiere_terminar(ctx) or perm.fundamentos):
        cartas.add("terminacion")
    cartas |= cartas_del_procedimiento(pasos)
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


def no_disponibles(ctx: Contexto, por_regla: dict[str, Hallazgo]) -> dict[str, str]:
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
    elif not any(e.sap and e.estado in SAP_VIVO for e in ctx.pqrs):
        motivos["silencio_positivo"] = ("El operador ya cumplió lo que se entiende concedido por "
                                        "silencio positivo.")
    abiertos = [e for e in ctx.pqrs if e.estado == "recurso_en_termino"]
    if not abiertos:
        motivos["recurso"] = ("No hay una respuesta desfavorable o parcial del operador con el "
                              "plazo de recurso abierto.")
    if abiertos:
        e = abiertos[0]
        motivos["queja_sic"] = (f"Mientras corre el término del recurso (hasta el "
                                f"{texto.fecha(e.recurso_vence)}), presente el recurso de "  # type: ignore[arg-type]
                                "reposición y en subsidio apelación ante el operador: la SIC decide "
                                "la controversia por esa apelación.")
    elif not ctx.pqrs:
        motivos["queja_sic"] = ("Antes de acudir a la SIC debe presentar la PQR al operador y "
                                "esperar su respuesta o el vencimiento del plazo.")
    elif por_regla["Q4"].resultado != "cumple":
        motivos["queja_sic"] = por_regla["Q4"].explicacion
    return motivos


