"""Letters benchmark: CPU per letter (project renderer vs naive WeasyPrint), throughput, RSS, size.

Run: .venv/bin/python bench/letters_bench.py [--cartas 500] [--repeticiones 15] [--perfil]
     .venv/bin/python bench/letters_bench.py --hostil [--filas 10]
Prints figures only; it asserts nothing (see design.md: bench/ holds no assertions on time).

`--hostil`: the hostile case of the hardening issue (tests/letters/hostil.py: every free text at the
model's maximum, unbroken strings or 40-letter words), each list cut to `--filas` rows so that the old
way finishes: CPU and pages without and with the break opportunities letters/pdf.py inserts in long
runs, side by side; then the whole maximal case against the default render budget.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import io
import json
import multiprocessing
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RAIZ))

from letters import TIPOS, calentar, render_html, render_pdf  # noqa: E402
from letters import pdf as motor_pdf  # noqa: E402
from rules import Caso, Decision, evaluar, validar_caso  # noqa: E402

SEMILLA = RAIZ / "rules" / "ejemplos" / "semilla.json"


def casos() -> dict[str, tuple[Caso, Decision]]:
    """The seed for every kind it supports; for `recurso`, the seed with an unfavourable answer."""
    datos = json.loads(SEMILLA.read_text(encoding="utf-8"))
    semilla = validar_caso(datos)
    con_recurso = copy.deepcopy(datos)
    con_recurso["reclamaciones"][0].update(fecha_respuesta="2026-11-20", sentido_respuesta="desfavorable")
    recurso = validar_caso(con_recurso)
    d_semilla, d_recurso = evaluar(semilla), evaluar(recurso)
    return {t: (semilla, d_semilla) if t in d_semilla.cartas_posibles else (recurso, d_recurso)
            for t in TIPOS}


def rss_kb() -> int:
    """Current resident set size of this process, in KB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def cpu_mediana(funcion, repeticiones: int) -> float:
    """Median CPU seconds of `funcion()` over `repeticiones` calls (after one warm-up call)."""
    funcion()
    tiempos = []
    for _ in range(repeticiones):
        inicio = time.process_time()
        funcion()
        tiempos.append(time.process_time() - inicio)
    return statistics.median(tiempos)


def ingenuo(html: str, **opciones: object) -> bytes:
    """What a first attempt does: a fresh WeasyPrint document per letter, defaults everywhere."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf(**opciones)


def paginas(contenido: bytes) -> int:
    """Number of pages of a PDF."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(contenido)).pages)


def _lote(n: int) -> tuple[int, float]:
    caso, decision = casos()["queja"]
    calentar()
    inicio = time.perf_counter()
    total = sum(len(render_pdf(caso, decision, "queja")) for _ in range(n))
    return total, time.perf_counter() - inicio


def hostil(filas: int) -> None:
    """Hostile text without and with break opportunities; the maximal case against the budget."""
    from letters import Presupuesto, PresupuestoExcedido, html_para_pdf
    from tests.letters.hostil import caso_hostil

    calentar()
    print(f"Caso hostil, listas recortadas a {filas} filas (CPU de un render, sin presupuesto):")
    print(f"{'relleno':<12}{'sin cortes s':>14}{'págs':>6}{'con cortes s':>14}{'págs':>6}{'razón':>8}")
    largo = motor_pdf.LARGO_SIN_CORTE
    for relleno in ("seguido", "palabras"):
        datos = caso_hostil(relleno)
        for lista in ("fallas", "reclamaciones", "cambios_unilaterales", "gastos_adicionales"):
            datos[lista] = datos[lista][:filas]
        caso = validar_caso(datos)
        html = html_para_pdf(caso, evaluar(caso), "queja")
        cifras = []
        for sin_cortes in (True, False):
            motor_pdf.LARGO_SIN_CORTE = 10**9 if sin_cortes else largo  # the old way: no breaks
            inicio = time.process_time()
            contenido = motor_pdf.html_a_pdf(html, "queja")
            cifras.append((time.process_time() - inicio, paginas(contenido)))
        motor_pdf.LARGO_SIN_CORTE = largo
        (antes, p_antes), (despues, p_despues) = cifras
        print(f"{relleno:<12}{antes:>14.2f}{p_antes:>6}{despues:>14.2f}{p_despues:>6}"
              f"{antes / despues:>8.1f}×")
    presupuesto = Presupuesto()
    print(f"\nCaso máximo completo con el presupuesto por defecto ({presupuesto.paginas} páginas, "
          f"{presupuesto.segundos:g} s de CPU):")
    for relleno in ("seguido", "palabras"):
        caso = validar_caso(caso_hostil(relleno))
        decision = evaluar(caso)
        inicio = time.process_time()
        try:
            render_pdf(caso, decision, "queja", presupuesto)
            resultado = "PDF"
        except PresupuestoExcedido as exc:
            resultado = f"rechazado ({exc.limite})"
        print(f"  {relleno:<10} {resultado}, {time.process_time() - inicio:.2f} s de CPU")
        caso = validar_caso(caso_hostil(relleno, fallas=40))
        inicio = time.process_time()
        try:
            render_pdf(caso, evaluar(caso), "queja", presupuesto)
            resultado = "PDF"
        except PresupuestoExcedido as exc:
            resultado = f"rechazado ({exc.limite})"
        print(f"  {relleno:<10} con 40 fallas (se maqueta hasta el límite): {resultado}, "
              f"{time.process_time() - inicio:.2f} s de CPU")


def main() -> int:
    """Run the benchmark and print its figures."""
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--cartas", type=int, default=500)
    args.add_argument("--repeticiones", type=int, default=15)
    args.add_argument("--perfil", action="store_true", help="print a cProfile of 30 queja letters")
    args.add_argument("--hostil", action="store_true", help="hostile text: before/after, budget")
    args.add_argument("--filas", type=int, default=10, help="rows per list in --hostil")
    opciones = args.parse_args()
    if opciones.hostil:
        hostil(opciones.filas)
        return 0

    todos = casos()
    n = opciones.cartas
    calentar()
    print(f"subsetter de fuentes: {motor_pdf.subsetter()}")
    # Two workers forked from a parent that has not rendered yet, as a pre-forking server does.
    contexto = multiprocessing.get_context("fork")
    inicio = time.perf_counter()
    with contexto.Pool(2) as pool:
        partes = pool.map(_lote, [n // 2, n - n // 2])
    pared = time.perf_counter() - inicio
    print(f"{n} cartas «queja» en 2 procesos (fork, calentados): {n / pared:.1f} cartas/s "
          "(incluye arrancar y calentar los procesos)")
    print("  por proceso: " + ", ".join(f"{(n // 2) / t:.1f} cartas/s" for _, t in partes))


    print(f"\nCPU mediana por carta ({opciones.repeticiones} repeticiones, caso semilla):")
    print("(ingenuo: HTML(string=html).write_pdf() del mismo HTML, estilos en línea; «+UA»: además con "
          "pdf_variant='pdf/ua-1', la misma salida etiquetada que produce el proyecto)")
    print(f"{'tipo':<18}{'proyecto ms':>12}{'ingenuo ms':>12}{'razón':>7}{'ingenuo+UA':>12}{'razón':>7}"
          f"{'págs':>6}{'bytes':>8}")
    for tipo, (caso, decision) in todos.items():
        html = render_html(caso, decision, tipo)
        proyecto = cpu_mediana(lambda c=caso, d=decision, t=tipo: render_pdf(c, d, t), opciones.repeticiones)
        simple = cpu_mediana(lambda h=html: ingenuo(h), max(5, opciones.repeticiones // 2))
        ua = cpu_mediana(lambda h=html: ingenuo(h, pdf_variant="pdf/ua-1"),
                         max(5, opciones.repeticiones // 2))
        contenido = render_pdf(caso, decision, tipo)
        print(f"{tipo:<18}{proyecto * 1000:>12.1f}{simple * 1000:>12.1f}{proyecto / simple:>7.2f}"
              f"{ua * 1000:>12.1f}{proyecto / ua:>7.2f}{paginas(contenido):>6}{len(contenido):>8}")

    caso, decision = todos["queja"]
    rss_antes = rss_kb()
    inicio, cpu0 = time.perf_counter(), time.process_time()
    tamanos = [len(render_pdf(caso, decision, "queja"))]
    rss_primera = rss_kb()
    tamanos += [len(render_pdf(caso, decision, "queja")) for _ in range(n - 1)]
    rss_ultima = rss_kb()
    pared, cpu = time.perf_counter() - inicio, time.process_time() - cpu0
    print(f"\n{n} cartas «queja» en 1 proceso: {n / pared:.1f} cartas/s "
          f"({cpu / n * 1000:.1f} ms de CPU por carta)")
    print(f"RSS: antes {rss_antes} KB, tras la 1.ª {rss_primera} KB, tras la {n}.ª {rss_ultima} KB "
          f"→ {(rss_ultima - rss_primera) / max(n - 1, 1):.1f} KB por carta")
    print(f"PDF: {statistics.mean(tamanos) / 1024:.1f} KB por carta (media)")

    if opciones.perfil:
        perfil = cProfile.Profile()
        perfil.enable()
        for _ in range(30):
            render_pdf(caso, decision, "queja")
        perfil.disable()
        salida = io.StringIO()
        pstats.Stats(perfil, stream=salida).sort_stats("cumulative").print_stats(28)
        print("\nPerfil (30 cartas «queja», acumulado):")
        print("\n".join(salida.getvalue().splitlines()[:60]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
