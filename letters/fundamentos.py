"""Which of the decision's findings a letter cites, and how each citation is printed.

Only findings in the user's favour (`favorece_al_usuario`, README "Reading a finding") are cited, and
the permanence grounds the decision names; each letter kind cites those that support what it asks.
The engine decides whether a finding holds and how strong it is; this module only picks and orders.
"""

from __future__ import annotations

import re

from letters.vista import Item, Reclamacion
from rules import Decision
from rules.decision import Cita, Hallazgo

# Rulebook ids each kind may cite, in the order the letter argues them. Permanence grounds
# (the decision's `permanencia.fundamentos`) are added where the letter asks for termination.
RELEVANTES: dict[str, tuple[str, ...]] = {
    "queja": ("Q1", "C1", "C2", "B2", "C6", "Q5", "Q6"),
    "terminacion": ("T1", "T2", "T3", "T5", "T6", "T7"),
    "silencio_positivo": ("Q2", "Q1"),
    "recurso": ("Q3", "C1", "C2", "B2", "C6", "Q5", "Q6"),
    "queja_sic": ("Q4", "Q2", "Q1", "C1", "C2", "B2"),
}
# Grounds that only matter when the letter asks for what they support.
SOLO_SI = {"C6": {"reembolso_gastos", "compensacion"}, "Q5": {"informacion_falla", "copia_contrato"}}
_ARTICULO = re.compile(r"\bart(?:s|ículos?)?\.?\s*\d", re.IGNORECASE)


def texto_cita(cita: Cita) -> str:
    """'Ley 1480 de 2011 (Estatuto del Consumidor), art. 41': the article only when the decision gives it."""
    return f"{cita.norma}, art. {cita.articulo}" if cita.articulo else cita.norma


def imprimible(cita: Cita) -> bool:
    """A citation may be printed unless it names an article without a verified (V) status."""
    return cita.estado == "V" or not _ARTICULO.search(cita.norma)


def seleccionar(decision: Decision, tipo: str, pedidas: set[str], termina: bool,
                recl: list[Reclamacion]) -> list[Item]:
    """The grounds a letter of kind `tipo` cites, as items carrying printable citations."""
    elegidos: list[Hallazgo] = []
    for regla in RELEVANTES[tipo]:
        h = decision.hallazgo(regla)
        if h is None or (regla in SOLO_SI and not SOLO_SI[regla] & pedidas):
            continue
        elegidos.append(h)
        if regla in ("Q2", "Q3", "Q4", "T1") and termina:
            elegidos.extend(_permanencia(decision))
    if termina and not any(h.regla in ("T1", "Q2", "Q3", "Q4") for h in elegidos):
        # Kinds whose procedural ground did not hold still argue the permanence grounds.
        elegidos.extend(_permanencia(decision))
    items: list[Item] = []
    vistos: set[str] = set()
    motivos = set(decision.permanencia.fundamentos) if termina else set()
    for h in elegidos:
        if (not h.favorece_al_usuario and h.id not in motivos) or h.id in vistos:
            continue
        citas = [c for c in h.citas if imprimible(c)]
        if not citas:
            continue
        vistos.add(h.id)
        items.append(Item(h.regla, {"id": h.id, "titulo": h.titulo, "fuerza": h.fuerza or "solida",
                                    "citas": [texto_cita(c) for c in citas],
                                    "fuentes": _por_tipo(citas),
                                    "saps": [r for r in recl if r.sap],
                                    # the dated law values the finding used (e.g. P1's date)
                                    "parametros": {p.nombre: p for p in h.parametros}}))
    return items


ROTULOS_FUENTE = {"norma": "Normas", "comunicado": "Comunicado de prensa",
                  "decision": "Decisiones de la SIC", "doctrina": "Otras fuentes"}


def _por_tipo(citas: list[Cita]) -> list[tuple[str, list[str]]]:
    """Citations grouped by what they are (norms, a press release, SIC decisions, other sources)."""
    grupos: dict[str, list[str]] = {}
    for c in citas:
        grupos.setdefault(ROTULOS_FUENTE[c.tipo], []).append(texto_cita(c))
    return list(grupos.items())


def _permanencia(decision: Decision) -> list[Hallazgo]:
    """The decision's permanence grounds, the proportional-amount rule and the civil argument."""
    perm = decision.permanencia
    if not perm.existe:
        return []
    ids = list(perm.fundamentos)
    if perm.exigible or (perm.fuerza not in (None, "solida") and perm.valor_proporcional):
        ids.append("P5")
    if perm.fundamentos:
        ids.append("B6")
    hallados = [decision.hallazgo(i) for i in ids]
    return [h for h in hallados if h is not None]
