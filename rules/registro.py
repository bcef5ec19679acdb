"""The rule registry: each rule of the rulebook with its id, title, sources and parameters, and what
its `cumple` means for the user (`favorece_si_cumple`, see `favorece`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from rules.decision import Fuerza, ParametroUsado, Resultado

if TYPE_CHECKING:
    from rules.contexto import Contexto

# A source key written "@name" means "the source that parameter `name` gives on the rule's date";
# "@regimen" is the users' protection regime in force then.
REGIMEN = "@regimen"


@dataclass
class Veredicto:
    """What a rule concluded on one case, and the facts it used."""

    resultado: Resultado
    explicacion: str
    fuerza: Fuerza | None = None
    fecha: date | None = None  # the date whose regime and parameters apply (formation or act)
    parametros: Sequence[ParametroUsado | None] = field(default_factory=list)
    faltantes: list[str] = field(default_factory=list)
    base: list[str] = field(default_factory=list)  # findings this one rests on (e.g. B3 on P1)
    fuentes_extra: list[str] = field(default_factory=list)  # sources cited only in this case


@dataclass(frozen=True)
class Regla:
    """A rule of the rulebook, as code."""

    id: str
    titulo: str
    capitulo: str
    fuentes: tuple[str, ...]
    parametros: tuple[str, ...]
    evaluar: Callable[[Contexto], Veredicto]
    descripcion: str
    # What `cumple` means for the user: True, a right, ground or limit in their favour holds (P1, B1,
    # Q2…); False, the clause meets a requirement or the user's obligation grows (P2–P4, P7), so
    # `no_cumple` is the defect the user can argue; None, the rule only says how something is counted
    # or what is covered (RPU, C5).
    favorece_si_cumple: bool | None

    @property
    def regla(self) -> str:
        """The rulebook id, e.g. 'P1'."""
        return self.id.split("-", 1)[0]

    def favorece(self, resultado: Resultado) -> bool | None:
        """Whether a finding of this rule with `resultado` is good (True) or bad (False) news for the
        user; None when it is neither (not applicable, missing facts, not covered, descriptive)."""
        if self.favorece_si_cumple is None or resultado not in ("cumple", "no_cumple"):
            return None
        return self.favorece_si_cumple == (resultado == "cumple")


REGLAS: list[Regla] = []


def regla(
    id: str,
    titulo: str,
    capitulo: str,
    fuentes: tuple[str, ...],
    parametros: tuple[str, ...] = (),
    *,
    favorece_si_cumple: bool | None,
) -> Callable[[Callable[[Contexto], Veredicto]], Callable[[Contexto], Veredicto]]:
    """Register a rule function under its rulebook id (rules run in registration order); every rule
    says once whether its `cumple` is good news for the user (`Regla.favorece_si_cumple`)."""

    def registrar(funcion: Callable[[Contexto], Veredicto]) -> Callable[[Contexto], Veredicto]:
        if any(r.id == id for r in REGLAS):
            raise ValueError(f"duplicate rule id {id}")
        doc = " ".join((funcion.__doc__ or "").split())
        REGLAS.append(Regla(id, titulo, capitulo, fuentes, parametros, funcion, doc,
                            favorece_si_cumple))
        return funcion

    return registrar
