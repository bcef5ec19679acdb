"""The rule catalogue: every rule with its citations, status and parameter history, for review."""

from __future__ import annotations

from typing import Any

from rules.engine import REGLAS_ORDENADAS
from rules.parametros import Parametros, parametros
from rules.prosa import redactar
from rules.registro import Regla
from rules.resumenes import CAMBIOS, RESUMENES

ESTADOS = {"V": "verificado", "S": "fuentes secundarias", "U": "sin verificar (estimación)"}
# What a finding's outcome means for the user, by the rule's `favorece_si_cumple`.
SENTIDO: dict[bool | None, str] = {
    True: "«cumple» favorece al usuario (un derecho, un motivo o un límite a su favor); «no_cumple» "
          "quiere decir que ese derecho o motivo no está.",
    False: "«cumple» no favorece al usuario (la cláusula satisface el requisito, o su obligación "
           "crece); «no_cumple» es el defecto que el usuario puede alegar.",
    None: "Regla descriptiva (cómo se cuenta, qué se cubre): su resultado no favorece ni perjudica.",
}


def _fuentes(p: Parametros, regla: Regla) -> list[dict[str, Any]]:
    fuentes: list[dict[str, Any]] = []
    for clave in regla.fuentes:
        if clave.startswith("@"):
            for v in p.parametros[clave[1:]].valores:
                fuentes.append({"clave": str(v.valor), "desde": v.desde.isoformat(),
                                **p.cita(str(v.valor)).model_dump()})
        else:
            fuentes.append({"clave": clave, "desde": None, **p.cita(clave).model_dump()})
    return fuentes


def _historia(p: Parametros, nombre: str) -> dict[str, Any]:
    parametro = p.parametros[nombre]
    return {
        "nombre": nombre,
        "descripcion": parametro.descripcion,
        "unidad": parametro.unidad,
        "valores": [
            {"desde": v.desde.isoformat(), "valor": _valor(v.valor), "estado": v.estado,
             "fuente": p.fuentes[v.fuente].norma}
            for v in parametro.valores
        ],
    }


def _valor(valor: Any) -> Any:
    return valor.isoformat() if hasattr(valor, "isoformat") else valor


def catalogo(p: Parametros | None = None) -> dict[str, Any]:
    """The catalogue as data: rules, parameters and operators."""
    p = p or parametros()
    return {
        "version_reglas": p.version,
        "reglas": [
            {"id": r.id, "regla": r.regla, "titulo": redactar(r.titulo, p), "capitulo": r.capitulo,
             "descripcion": redactar(RESUMENES[r.id], p), "citas": _fuentes(p, r),
             "favorece_si_cumple": r.favorece_si_cumple, "sentido": SENTIDO[r.favorece_si_cumple],
             "parametros": [_historia(p, n) for n in r.parametros]}
            for r in REGLAS_ORDENADAS
        ],
        "parametros": [_historia(p, n) for n in p.parametros],
        "operadores": [vars(o) for o in p.operadores.values()],
        "cambios": [{"fecha": f, "reglas": ids, "descripcion": texto} for f, ids, texto in CAMBIOS],
        "festivos": {
            "fuente": p.cita(p.festivos.fuente).norma, "estado": p.festivos.estado,
            "posteriores": [{"nombre": f.nombre_contiene, "desde": f.desde.isoformat(),
                             "fuente": p.cita(f.fuente).norma, "estado": f.estado}
                            for f in p.festivos.posteriores],
        },
    }


def _cita_md(c: dict[str, Any]) -> str:
    texto = c["norma"]
    if c.get("articulo"):
        texto += f", art. {c['articulo']}"
    texto += f" — **{c['estado']}** ({ESTADOS[c['estado']]})"
    if c.get("desde"):
        texto += f", para hechos desde el {c['desde']}"
    if c.get("url"):
        texto += f" — <{c['url']}>"
    return texto


def _tabla_parametro(h: dict[str, Any]) -> list[str]:
    lineas = [f"`{h['nombre']}` — {h['descripcion']}", "",
              "| desde | valor | estado | fuente |", "|---|---|---|---|"]
    lineas += [f"| {v['desde']} | {v['valor']} | {v['estado']} | {v['fuente']} |"
               for v in h["valores"]]
    return [*lineas, ""]


def catalogo_markdown(p: Parametros | None = None) -> str:
    """The catalogue as Markdown: what a lawyer reviews."""
    datos = catalogo(p)
    lineas = [f"# Catálogo de reglas de Salida ({datos['version_reglas']})", "",
              "Estados: **V** verificado en la norma o en una página oficial; **S** fuentes "
              "secundarias consistentes; **U** sin verificar: se usa como estimación, nunca como "
              "único fundamento de una conclusión fuerte.", "",
              "Resultados: «cumple» quiere decir que lo que dice el título de la regla se da en el "
              "caso; «no_cumple», que no se da; «falta_informacion», «no_aplica» y «no_cubierto» "
              "(hechos anteriores a la cobertura) no concluyen nada. Como algunos títulos son "
              "requisitos de la cláusula (P2–P4) y otros derechos del usuario (B1–B6), cada hallazgo "
              "dice además si favorece al usuario (`favorece_al_usuario`: sí, no o nulo); cada regla "
              "indica abajo qué significa su «cumple».", ""]
    por_id = {r["id"]: r for r in datos["reglas"]}
    lineas += ["## Reglas nuevas o cambiadas", ""]
    for cambio in datos["cambios"]:
        lineas += [f"**{cambio['fecha']}** — {cambio['descripcion']}", ""]
        for i in cambio["reglas"]:
            r = por_id[i]
            estados = ", ".join(sorted({c["estado"] for c in r["citas"]}))
            fuentes = "; ".join(c["norma"] for c in r["citas"])
            lineas.append(f"- {r['regla']} `{i}` — fuentes: {fuentes} (estado {estados})")
        lineas.append("")
    capitulo = None
    for r in datos["reglas"]:
        if r["capitulo"] != capitulo:
            capitulo = r["capitulo"]
            lineas += [f"## {capitulo}", ""]
        lineas += [f"### {r['regla']} — {r['titulo']}", "", f"Id: `{r['id']}`. {r['descripcion']}",
                   "", f"Resultado: {r['sentido']}", "", "Fuentes:", ""]
        lineas += [f"- {_cita_md(c)}" for c in r["citas"]]
        lineas.append("")
        if r["parametros"]:
            lineas += ["Parámetros:", ""]
            for h in r["parametros"]:
                lineas += _tabla_parametro(h)
    lineas += ["## Todos los parámetros", ""]
    for h in datos["parametros"]:
        lineas += _tabla_parametro(h)
    f = datos["festivos"]
    lineas += ["## Festivos", "", f"Calendario de festivos: {f['fuente']} — **{f['estado']}**.", ""]
    lineas += [f"- {x['nombre']} (desde {x['desde']}): {x['fuente']} — **{x['estado']}**"
               for x in f["posteriores"]]
    lineas += ["", "## Operadores", "",
               "| clave | marca | razón social | NIT | estado | servicios fijos con |",
               "|---|---|---|---|---|---|"]
    lineas += [f"| {o['clave']} | {o['marca']} | {o['razon_social']} | {o['nit']} | {o['estado']} | "
               f"{o['servicios_fijos'] or '—'} |" for o in datos["operadores"]]
    return "\n".join(lineas) + "\n"
