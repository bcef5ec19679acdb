"""Layers: a package that declares a public API (`__all__` in its `__init__.py`) is used only through it.

Imports are read with `ast` from the source (functions' lazy imports included), so nothing is run.
`casos` reaches `web`, `rules` and `presentacion` only through their public APIs; `presentacion`
imports neither `web` nor `casos` (both import it). Other packages still import some private modules:
`PENDIENTES` lists them so that no new one appears; remove a line when its import is fixed.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
PAQUETES = sorted(p.parent.name for p in RAIZ.glob("*/__init__.py") if p.parent.name != "tests")

# (importing file, private module or name) not yet through a public API: in files owned elsewhere,
# or needing names the target's `__all__` does not export yet (`store` exports three).
PENDIENTES: frozenset[tuple[str, str]] = frozenset({
    ('batch/cli.py', 'casos.lotes'),
    ('batch/cli.py', 'casos.textos'),
    ('batch/cli.py', 'rules.decision'),
    ('batch/cli.py', 'store.casos'),
    ('batch/cli.py', 'store.db'),
    ('batch/columnas.py', 'rules.caso'),
    ('batch/conversion.py', 'rules.caso'),
    ('batch/ejecutores.py', 'letters'),
    ('batch/ejecutores.py', 'store.db'),
    ('batch/ejecutores.py', 'store.models'),
    ('batch/evento.py', 'rules.caso'),
    ('batch/evento.py', 'rules.errores'),
    ('batch/impresion.py', 'store.db'),
    ('batch/impresion.py', 'store.models'),
    ('batch/informe.py', 'letters.etiquetas'),
    ('batch/informe.py', 'store.db'),
    ('batch/informe.py', 'store.models'),
    ('batch/informe.py', 'web.etiquetas'),
    ('batch/lote.py', 'store.db'),
    ('batch/paquete.py', 'store.db'),
    ('batch/paquete.py', 'store.models'),
    ('batch/plantilla.py', 'rules.ejemplos'),
    ('batch/proceso.py', 'web.presentacion'),
    ('batch/repositorio.py', 'store.casos'),
    ('batch/repositorio.py', 'store.db'),
    ('batch/repositorio.py', 'store.models'),
    ('batch/vistas.py', 'entrada.opciones'),
    ('batch/vistas.py', 'rules.decision'),
    ('batch/vistas.py', 'rules.errores'),
    ('batch/vistas.py', 'store.db'),
    ('batch/vistas.py', 'web.seguridad'),
    ('casos/autenticacion.py', 'store.casos'),
    ('casos/autenticacion.py', 'store.db'),
    ('casos/autenticacion.py', 'store.models'),
    ('casos/icalendar_plazos.py', 'store.casos'),
    ('casos/claves.py', 'store.db'),
    ('casos/cli.py', 'store.casos'),
    ('casos/cli.py', 'store.db'),
    ('casos/consultas.py', 'store.casos'),
    ('casos/datos.py', 'store.casos'),
    ('casos/datos.py', 'store.db'),
    ('casos/datos.py', 'store.models'),
    ('casos/lotes.py', 'store.casos'),
    ('casos/lotes.py', 'store.db'),
    ('casos/lotes.py', 'store.models'),
    ('casos/pagina.py', 'store.casos'),
    ('casos/panel.py', 'store.casos'),
    ('casos/panel.py', 'store.models'),
    ('casos/puntaje.py', 'store.casos'),
    ('casos/recordatorios.py', 'store.casos'),
    ('casos/recordatorios.py', 'store.models'),
    ('casos/repositorio.py', 'store.casos'),
    ('casos/repositorio.py', 'store.db'),
    ('casos/repositorio.py', 'store.models'),
    ('casos/revision.py', 'store.casos'),
    ('casos/revision.py', 'store.db'),
    ('casos/vistas.py', 'store.casos'),
    ('casos/vistas_cuentas.py', 'store.casos'),
    ('entrada/modelo.py', 'rules.caso'),
    ('letters/cli.py', 'rules.argumentos'),
    ('letters/cli.py', 'rules.parametros'),
    ('letters/contenido.py', 'rules.solicitudes'),
    ('letters/fundamentos.py', 'rules.decision'),
    ('letters/vista.py', 'rules.decision'),
    ('letters/vista.py', 'rules.parametros'),
    ('presentacion/etiquetas.py', 'entrada.opciones'),
    ('presentacion/etiquetas.py', 'letters.etiquetas'),
    ('web/cartas.py', 'letters.pdf'),
    ('web/cartas.py', 'letters.procesos'),
    ('web/cartas.py', 'letters.render'),
    ('web/esquemas.py', 'rules.catalogo'),
    ('web/formulario.py', 'rules.caso'),
    ('web/openapi.py', 'rules.caso'),
    ('web/openapi.py', 'rules.decision'),
    ('web/openapi.py', 'rules.texto_seguro'),
})


@cache
def publica(paquete: str) -> frozenset[str] | None:
    """The names in `paquete.__all__`, or None when the package declares no public API."""
    arbol = ast.parse((RAIZ / paquete / "__init__.py").read_text(encoding="utf-8"))
    for nodo in arbol.body:
        if isinstance(nodo, ast.Assign | ast.AnnAssign):
            destinos = nodo.targets if isinstance(nodo, ast.Assign) else [nodo.target]
            if any(isinstance(d, ast.Name) and d.id == "__all__" for d in destinos):
                assert nodo.value is not None
                return frozenset(ast.literal_eval(nodo.value))
    return None


def importaciones(archivo: Path) -> list[tuple[str, str | None, int]]:
    """(module, name used from it, line) for every import: `from m import n` gives n; `import m` (or
    `import m as x`) gives each attribute the file reads from it (`m.n`), or None if it reads none."""
    arbol = ast.parse(archivo.read_text(encoding="utf-8"))
    leidos: dict[str, set[str]] = {}
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Attribute) and isinstance(nodo.value, ast.Name):
            leidos.setdefault(nodo.value.id, set()).add(nodo.attr)
    salida: list[tuple[str, str | None, int]] = []
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Import):
            for a in nodo.names:
                usados = leidos.get(a.asname or a.name, set()) if "." not in a.name or a.asname else set()
                salida += [(a.name, n, nodo.lineno) for n in sorted(usados)] or [(a.name, None, nodo.lineno)]
        elif isinstance(nodo, ast.ImportFrom) and nodo.module and not nodo.level:
            salida += [(nodo.module, a.name, nodo.lineno) for a in nodo.names]
    return salida


@cache
def modulos_publicos(paquete: str) -> frozenset[str]:
    """The submodules `paquete/__init__.py` exports as such (`from rules import texto`, in `__all__`)."""
    arbol = ast.parse((RAIZ / paquete / "__init__.py").read_text(encoding="utf-8"))
    return frozenset(a.asname or a.name for n in arbol.body
                     if isinstance(n, ast.ImportFrom) and n.module == paquete for a in n.names
                     if (a.asname or a.name) in (publica(paquete) or ()))


def _modulo_publico(modulo: str) -> bool:
    """Whether `modulo` is a module its package exports in `__all__` (e.g. `rules.texto`)."""
    paquete, _, resto = modulo.partition(".")
    return resto in modulos_publicos(paquete)


def faltas(archivo: Path, paquete: str, relativo: str) -> list[tuple[str, str, str]]:
    """(file:line, what is imported, why) for each import, in a file of `paquete`, of another
    package's private parts."""
    salida = []
    for modulo, nombre, linea in importaciones(archivo):
        destino = modulo.split(".")[0]
        if destino == paquete or destino not in PAQUETES or publica(destino) is None:
            continue
        donde = f"{relativo}:{linea}"
        if modulo != destino and not _modulo_publico(modulo):
            salida.append((donde, modulo, f"importa el módulo privado {modulo}"))
        elif modulo != destino:
            continue
        elif nombre is None:
            salida.append((donde, modulo, f"«import {modulo}» sin usar nada de su API pública"))
        elif nombre != "*" and nombre not in (publica(destino) or ()):
            salida.append((donde, f"{modulo}.{nombre}", f"{nombre} no está en {destino}.__all__"))
    return salida


def privadas(paquete: str) -> list[tuple[str, str, str]]:
    """`faltas` in every file of `paquete`."""
    return [f for a in sorted((RAIZ / paquete).rglob("*.py"))
            for f in faltas(a, paquete, a.relative_to(RAIZ).as_posix())]


def test_hay_paquetes_con_api_publica():
    assert {"casos", "presentacion", "rules", "web"} <= set(PAQUETES)
    assert publica("web") is not None and {"limiter", "limite_pdf", "descargar_carta"} <= publica("web")
    assert publica("presentacion") is not None and publica("rules") is not None


@pytest.mark.parametrize(("paquete", "destinos"), [("casos", {"web", "rules", "presentacion"}),
                                                  ("presentacion", {"rules"})])
def test_solo_usa_las_api_publicas(paquete, destinos):
    assert [f for f in privadas(paquete) if f[1].split(".")[0] in destinos] == []


def test_casos_no_importa_modulos_de_web():
    """The case named in the layering issue, said on its own: `from web import X`, X in web.__all__."""
    web = [(m, n) for a in sorted((RAIZ / "casos").rglob("*.py")) for m, n, _ in importaciones(a)
           if m.split(".")[0] == "web"]
    assert web  # casos does use web (the limiter, the letter download): the check below is not vacuous
    assert all(m == "web" and n in (publica("web") or ()) for m, n in web), web


def test_presentacion_no_depende_de_web_ni_de_casos():
    """Both import it: an import back would be a cycle between packages."""
    usados = {m.split(".")[0] for a in (RAIZ / "presentacion").rglob("*.py") for m, _, _ in importaciones(a)}
    assert not usados & {"web", "casos", "batch", "store"}


def test_ningun_paquete_suma_importaciones_privadas():
    nuevas = sorted((donde, que, por_que) for p in PAQUETES for donde, que, por_que in privadas(p)
                    if (donde.partition(":")[0], que) not in PENDIENTES)
    assert nuevas == []


def test_el_revisor_distingue_lo_privado(tmp_path):
    """The checker itself: a private module, a name outside __all__ and a bare import are caught."""
    archivo = tmp_path / "prueba.py"
    archivo.write_text("from web.seguridad import limiter\nfrom rules import REGLAS\nimport web\n"
                       "from web import limiter\nfrom casos import pagina\n", encoding="utf-8")
    por_que = [f[2] for f in faltas(archivo, "casos", "casos/prueba.py")]
    assert len(por_que) == 3 and "web.seguridad" in por_que[0] and "REGLAS" in por_que[1]
