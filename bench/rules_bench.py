"""Benchmark: evaluate 10,000 varied cases; print cases/s and median and p99 per-case time.

Run: .venv/bin/python bench/rules_bench.py [--casos N] [--semilla S]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rules import evaluar, validar_caso
from rules.ejemplos.aleatorios import caso_aleatorio


def main() -> None:
    """Generate, validate and evaluate the cases; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--casos", type=int, default=10_000)
    parser.add_argument("--semilla", type=int, default=20261128)
    args = parser.parse_args()
    r = random.Random(args.semilla)
    datos = [caso_aleatorio(r) for _ in range(args.casos)]

    t0 = time.perf_counter()
    casos = [validar_caso(d) for d in datos]
    validacion = time.perf_counter() - t0

    evaluar(casos[0])  # warm caches (holidays, parameter file)
    tiempos = []
    inicio = time.perf_counter()
    for caso in casos:
        t = time.perf_counter()
        evaluar(caso)
        tiempos.append(time.perf_counter() - t)
    total = time.perf_counter() - inicio
    tiempos.sort()
    ms = [t * 1000 for t in tiempos]
    print(f"casos evaluados:        {len(casos)}")
    print(f"casos/segundo:          {len(casos) / total:,.0f}")
    print(f"mediana por caso:       {statistics.median(ms):.3f} ms  (objetivo < 1 ms)")
    print(f"p99 por caso:           {ms[int(len(ms) * 0.99) - 1]:.3f} ms")
    print(f"máximo por caso:        {ms[-1]:.3f} ms")
    print(f"validación (pydantic):  {validacion / len(casos) * 1000:.3f} ms por caso")
    print(f"relación mediana/objetivo: {statistics.median(ms) / 1.0:.2f}")


if __name__ == "__main__":
    main()
