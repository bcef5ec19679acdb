"""Legal scenarios written as YAML a lawyer can read (tests/escenarios/*.yaml), run against the engine.

Each file has a `tema` and a list `escenarios`; a scenario has `nombre`, `descripcion` (the facts and
the legal answer in plain Spanish, citing the rulebook id), `caso` (deep-merged onto base.yaml:
mappings merge, lists and scalars replace) and `espera`. Keys of `espera`:

- `hallazgos: {P1: cumple, P4: {resultado: no_cumple, fuerza: argumentable, favorece: sí}}` — by
  rulebook id. `favorece: sí | no | neutro` is whether the finding is good or bad news for the user
  (the decision's `favorece_al_usuario`: true, false, null), because `cumple` alone does not say it:
  P2–P4 `cumple` (the clause meets a requirement) is bad news, B1–B6 `cumple` (a ground to leave
  without paying) is good news, and P8 `no_cumple` means "no defect found". Every P or B expectation
  of `cumple` or `no_cumple` says it (`test_permanencia_e_incumplimiento_dicen_si_favorecen`).
- a dotted path into the decision JSON: `permanencia.valor_maximo: 120000`. After a list, a name
  selects the element whose `id` (or `regla`) is that name (`plazos.respuesta_pqr.vence`); `[n]`
  picks the n-th element of the list or selection (`plazos.recurso[1].vence`); `[k=v, k2=v2]` keeps
  the elements with those fields (`compensacion.por_mes[servicio=movil, mes=2020-03].automatica`).
  `explicacion.<ID>` is the explanation of the finding <ID>.
- suffixes: `<path>_incluye` / `_no_incluye` (members of a list; for objects, their ids) and
  `<path>_contiene` / `_no_contiene` (text contained in a string, or in any string of a list).
- `invalido: [campo, ...]`: the case is rejected with exactly these field paths.

Expected values come from the rulebook, computed by hand. A scenario the engine gets wrong carries
`discrepancia: "<why>"` and is a strict xfail, so it turns red the day the engine is fixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from rules import CasoInvalido, evaluar, validar_caso
from rules.registro import REGLAS

CARPETA = Path(__file__).resolve().parent.parent / "escenarios"
BASE = CARPETA / "base.yaml"
CLAVES_ESCENARIO = {"nombre", "descripcion", "caso", "espera", "discrepancia"}
NO_SOSTIENE = {"no_cumple", "no_aplica", "falta_informacion", "no_cubierto"}
REGLAS_DEL_MANUAL = [f"{letra}{n}" for letra, hasta in (("P", 8), ("T", 7), ("B", 6), ("C", 6), ("Q", 6))
                     for n in range(1, hasta + 1)]
CITA_MANUAL = re.compile(r"\b(?:[PTBCQ][1-8]|RPU)\b|§\d")  # "§" is no word character: no \b before it
TOKEN = re.compile(r"([^.\[\]]+)|\[([^\]]*)\]")
SUFIJOS = ("_no_incluye", "_incluye", "_no_contiene", "_contiene")


class _Cargador(yaml.SafeLoader):
    """YAML loader that keeps dates as ISO text, as they appear in the decision's JSON."""


_Cargador.yaml_implicit_resolvers = {
    inicio: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for inicio, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def leer_yaml(ruta: Path) -> Any:
    """Parse a YAML file, dates left as text."""
    return yaml.load(ruta.read_text(encoding="utf-8"), Loader=_Cargador)


@dataclass(frozen=True)
class Escenario:
    """One legal scenario of a YAML file."""

    archivo: str
    nombre: str
    descripcion: str
    caso: dict[str, Any]
    espera: dict[str, Any]
    discrepancia: str | None

    @property
    def id(self) -> str:
        """`file:name`, the pytest id."""
        return f"{self.archivo}:{self.nombre}"


def combinar(base: Any, cambios: Any) -> Any:
    """Deep-merge `cambios` onto `base`: mappings merge key by key, everything else replaces."""
    if isinstance(base, dict) and isinstance(cambios, dict):
        return {**base, **{k: combinar(base.get(k), v) for k, v in cambios.items()}}
    return cambios


def cargar_escenarios() -> list[Escenario]:
    """Every scenario of every YAML file but base.yaml, checked for shape."""
    base = leer_yaml(BASE)
    escenarios: list[Escenario] = []
    for ruta in sorted(CARPETA.glob("*.yaml")):
        if ruta == BASE:
            continue
        datos = leer_yaml(ruta)
        assert isinstance(datos, dict) and isinstance(datos.get("escenarios"), list), ruta.name
        for bruto in datos["escenarios"]:
            nombre = bruto.get("nombre", "?")
            extra = set(bruto) - CLAVES_ESCENARIO
            assert not extra, f"{ruta.name}:{nombre}: claves desconocidas {sorted(extra)}"
            assert bruto.get("espera"), f"{ruta.name}:{nombre}: falta `espera`"
            descripcion = str(bruto.get("descripcion", ""))
            assert descripcion.strip(), f"{ruta.name}:{nombre}: falta `descripcion`"
            assert "invalido" in bruto["espera"] or CITA_MANUAL.search(descripcion), \
                f"{ruta.name}:{nombre}: la descripción no cita el manual (P1, T2, §7…)"
            escenarios.append(Escenario(
                ruta.stem, str(nombre), descripcion, combinar(base, bruto.get("caso") or {}),
                dict(bruto["espera"]), bruto.get("discrepancia"),
            ))
    ids = [e.id for e in escenarios]
    repetidos = sorted({i for i in ids if ids.count(i) > 1})
    assert not repetidos, f"nombres de escenario repetidos: {repetidos}"
    return escenarios


ESCENARIOS = cargar_escenarios()


class RutaInvalida(LookupError):
    """A path of `espera` that does not exist in the decision."""


def _seleccionar(lista: list[Any], criterio: str, ruta: str) -> list[Any]:
    if "=" in criterio:
        pares = [p.split("=", 1) for p in criterio.split(",")]
        elegidos = [e for e in lista if isinstance(e, dict)
                    and all(str(e.get(k.strip())) == v.strip() for k, v in pares)]
    else:
        elegidos = [e for e in lista if isinstance(e, dict) and criterio in (e.get("id"), e.get("regla"))]
    if not elegidos:
        raise RutaInvalida(f"{ruta}: ningún elemento cumple «{criterio}»")
    return elegidos


def resolver(vista: dict[str, Any], ruta: str) -> Any:
    """The value at a dotted path of the decision (see the module docstring for the syntax)."""
    actual: Any = vista
    seleccion = False  # `actual` is a selection that still needs [n] when it has several elements
    for nombre, corchete in TOKEN.findall(ruta):
        if nombre:
            if seleccion:
                raise RutaInvalida(f"{ruta}: «{nombre}» es ambiguo ({len(actual)} elementos); use [n]")
            if isinstance(actual, dict):
                if nombre not in actual:
                    raise RutaInvalida(f"{ruta}: no existe «{nombre}»")
                actual = actual[nombre]
                continue
            if not isinstance(actual, list):
                raise RutaInvalida(f"{ruta}: «{nombre}» no se puede buscar en {actual!r}")
            actual = _seleccionar(actual, nombre, ruta)
        elif corchete.strip().isdigit():
            if not isinstance(actual, list) or int(corchete) >= len(actual):
                raise RutaInvalida(f"{ruta}: no hay elemento [{corchete}] en {actual!r}")
            actual, seleccion = actual[int(corchete)], False
            continue
        else:
            if not isinstance(actual, list):
                raise RutaInvalida(f"{ruta}: [{corchete}] necesita una lista")
            actual = _seleccionar(actual, corchete, ruta)
        seleccion = len(actual) != 1
        if not seleccion:
            actual = actual[0]
    if seleccion:
        raise RutaInvalida(f"{ruta}: la selección tiene {len(actual)} elementos; use [n]")
    return actual


def iguales(esperado: Any, obtenido: Any) -> bool:
    """Expected vs obtained; numbers within 0.005, mappings as a subset, lists element by element."""
    numero = (int, float)
    if isinstance(esperado, numero) and isinstance(obtenido, numero) \
            and not isinstance(esperado, bool) and not isinstance(obtenido, bool):
        return abs(esperado - obtenido) <= 0.005
    if isinstance(esperado, dict):
        return isinstance(obtenido, dict) and all(
            k in obtenido and iguales(v, obtenido[k]) for k, v in esperado.items())
    if isinstance(esperado, list):
        return isinstance(obtenido, list) and len(esperado) == len(obtenido) and all(
            iguales(a, b) for a, b in zip(esperado, obtenido, strict=True))
    return type(esperado) is type(obtenido) and esperado == obtenido


def _como_lista(valor: Any) -> list[Any]:
    return valor if isinstance(valor, list) else [valor]


def revisar_sufijo(vista: dict[str, Any], clave: str, sufijo: str, esperado: Any) -> str | None:
    """Check an `_incluye` / `_contiene` expectation; return a failure message or None."""
    ruta = clave[: -len(sufijo)]
    obtenido = resolver(vista, ruta)
    if sufijo.endswith("incluye"):
        if not isinstance(obtenido, list):
            return f"{ruta}: se esperaba una lista, se obtuvo {obtenido!r}"
        miembros = [e.get("id") if isinstance(e, dict) else e for e in obtenido]
        faltan = [x for x in _como_lista(esperado) if (x in miembros) == (sufijo == "_no_incluye")]
        return f"{clave}: {faltan!r} — lista obtenida: {miembros!r}" if faltan else None
    textos = [str(t) for t in _como_lista(obtenido)]
    malos = [x for x in _como_lista(esperado)
             if any(str(x) in t for t in textos) == (sufijo == "_no_contiene")]
    return f"{clave}: {malos!r} — texto obtenido: {textos!r}" if malos else None


# How a lawyer writes `favorece` (YAML reads a bare `no` as false), and the decision's value for it.
FAVORECE: dict[Any, bool | None] = {"sí": True, "si": True, True: True, "no": False, False: False,
                                    "neutro": None}
PALABRA_FAVORECE = {True: "sí", False: "no", None: "neutro"}


def _pedido(regla: str, esperado: Any) -> dict[str, Any]:
    """An expectation of `hallazgos` as {campo de la decisión: valor}, `favorece` translated."""
    pedido = dict(esperado) if isinstance(esperado, dict) else {"resultado": esperado}
    desconocidas = set(pedido) - {"resultado", "fuerza", "favorece"}
    assert not desconocidas, f"hallazgos.{regla}: claves desconocidas {sorted(desconocidas)}"
    if "favorece" in pedido:
        palabra = pedido.pop("favorece")
        assert palabra in FAVORECE, f"hallazgos.{regla}.favorece: «{palabra}» no es sí, no ni neutro"
        pedido["favorece_al_usuario"] = FAVORECE[palabra]
    return pedido


def revisar_hallazgos(decision_hallazgos: dict[str, dict[str, Any]], esperados: dict[str, Any]) -> list[str]:
    """Compare the expected outcome (strength, good or bad news) of each finding, by rulebook id."""
    fallos = []
    for regla, esperado in esperados.items():
        pedido = _pedido(regla, esperado)
        hallazgo = decision_hallazgos.get(regla)
        if hallazgo is None:
            fallos.append(f"hallazgos.{regla}: no existe en la decisión")
            continue
        for campo, valor in pedido.items():
            if hallazgo[campo] != valor:
                if campo == "favorece_al_usuario":
                    valor, obtenido = PALABRA_FAVORECE[valor], PALABRA_FAVORECE[hallazgo[campo]]
                    fallos.append(f"hallazgos.{regla}.favorece: esperado {valor!r}, obtenido "
                                  f"{obtenido!r} — {hallazgo['explicacion']}")
                    continue
                fallos.append(f"hallazgos.{regla}.{campo}: esperado {valor!r}, obtenido {hallazgo[campo]!r}"
                              f" — {hallazgo['explicacion']}")
    return fallos


def revisar(escenario: Escenario) -> list[str]:
    """Every failed expectation of a scenario, as 'path: expected …, obtained …'."""
    espera = dict(escenario.espera)
    invalido = espera.pop("invalido", None)
    try:
        caso = validar_caso(escenario.caso)
    except CasoInvalido as exc:
        campos = sorted(e.campo for e in exc.errores)
        if invalido is None:
            return [f"el caso fue rechazado: {exc}"]
        if campos != sorted(invalido):
            return [f"invalido: esperado {sorted(invalido)!r}, obtenido {campos!r}"]
        return []
    if invalido is not None:
        return [f"invalido: esperado {invalido!r}, pero el caso fue aceptado"]
    decision = evaluar(caso).model_dump(mode="json")
    por_regla = {h["regla"]: h for h in decision["hallazgos"]} | {h["id"]: h for h in decision["hallazgos"]}
    vista = decision | {"explicacion": {k: h["explicacion"] for k, h in por_regla.items()}}
    fallos = revisar_hallazgos(por_regla, espera.pop("hallazgos", {}))
    for clave, esperado in espera.items():
        try:
            sufijo = next((s for s in SUFIJOS if clave.endswith(s)), None)
            if sufijo is not None:
                fallo = revisar_sufijo(vista, clave, sufijo, esperado)
                fallos += [fallo] if fallo else []
                continue
            obtenido = resolver(vista, clave)
        except RutaInvalida as exc:
            fallos.append(str(exc))
            continue
        if not iguales(esperado, obtenido):
            fallos.append(f"{clave}: esperado {esperado!r}, obtenido {obtenido!r}")
    return fallos


def _param(escenario: Escenario) -> Any:
    marcas = [pytest.mark.xfail(strict=True, reason=escenario.discrepancia)] if escenario.discrepancia else []
    return pytest.param(escenario, id=escenario.id, marks=marcas)


@pytest.mark.parametrize("escenario", [_param(e) for e in ESCENARIOS])
def test_escenario(escenario: Escenario) -> None:
    fallos = revisar(escenario)
    assert not fallos, f"{escenario.id}\n{escenario.descripcion.strip()}\n  - " + "\n  - ".join(fallos)


def test_cada_regla_en_ambos_sentidos() -> None:
    """Every rulebook rule, and every rule the engine registers, is expected to hold and not to hold."""
    vistos: dict[str, set[str]] = {}
    for escenario in ESCENARIOS:
        if escenario.discrepancia:
            continue
        for regla, esperado in (escenario.espera.get("hallazgos") or {}).items():
            resultado = esperado["resultado"] if isinstance(esperado, dict) else esperado
            vistos.setdefault(regla.split("-", 1)[0], set()).add(resultado)
    reglas = sorted(set(REGLAS_DEL_MANUAL) | {r.regla for r in REGLAS})
    sin_cumple = [r for r in reglas if "cumple" not in vistos.get(r, set())]
    sin_contrario = [r for r in reglas if not NO_SOSTIENE & vistos.get(r, set())]
    assert not sin_cumple and not sin_contrario, (
        f"sin 'cumple': {sin_cumple}; sin lo contrario: {sin_contrario}")


def test_permanencia_e_incumplimiento_dicen_si_favorecen() -> None:
    """Where `cumple` flips meaning (§2 and §4), every held or failed expectation says `favorece`."""
    sin_decir = [
        f"{e.id}: {regla}"
        for e in ESCENARIOS
        for regla, esperado in (e.espera.get("hallazgos") or {}).items()
        if regla[0] in "PB" and _pedido(regla, esperado)["resultado"] in ("cumple", "no_cumple")
        and "favorece_al_usuario" not in _pedido(regla, esperado)
    ]
    assert not sin_decir, "falta `favorece: sí | no` en:\n" + "\n".join(sin_decir)
