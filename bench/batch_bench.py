"""Benchmark: a batch of N rows (one or two letters each, mixed) on the embedded runner or Celery.

Prints letters/s, total time, peak RSS per worker, worker RSS growth between the first and the last
thousand rows, and the speed-up of 2 workers over 1.

With `--hostiles`, instead: each hostile spreadsheet of the hardening runs read in a fresh process
beside a normal 5,000-row XLSX, printing seconds, RSS growth and the outcome.

Run: .venv/bin/python bench/batch_bench.py [--filas 10000] [--filas-uno 1000] [--celery] [--hostiles]
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from batch import repositorio
from batch.ejecutores import EjecutorCelery, EjecutorEmbebido
from batch.lote import lanzar, preparar_lote
from batch.plantilla import ejemplo
from store.db import base_de_datos
from tests.batch.conftest import hacer_csv

REDIS = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/14")


def filas(n: int) -> list[dict]:
    """N rows of the seed case; every other row asks for two letters."""
    base = ejemplo()
    return [{**base, "numero_documento": str(30_000_000 + i),
             "cartas": "terminacion, queja" if i % 2 else "terminacion"} for i in range(n)]


def _hijos(pid: int) -> list[int]:
    hijos = []
    for entrada in Path("/proc").iterdir():
        if entrada.name.isdigit():
            try:
                campos = (entrada / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(campos[1]) == pid:
                hijos.append(int(entrada.name))
    return hijos


def _rss_mb(pid: int, clave: str = "VmRSS") -> float:
    try:
        for linea in Path(f"/proc/{pid}/status").read_text().splitlines():
            if linea.startswith(clave):
                return int(linea.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _trabajadores(raices: list[int]) -> list[int]:
    todos: list[int] = []
    pendientes = list(raices)
    while pendientes:
        pid = pendientes.pop()
        for hijo in _hijos(pid):
            todos.append(hijo)
            pendientes.append(hijo)
    return todos


def correr(n: int, trabajadores: int, celery: bool, carpeta: Path) -> dict:
    """Run one batch and measure it."""
    url = f"sqlite:///{carpeta / f'bench-{secrets.token_hex(3)}.db'}"
    bd = base_de_datos(url)
    lote = preparar_lote(bd, "casos.csv", hacer_csv(filas(n)), "bench", "bench",
                         fecha=date(2026, 11, 28))
    procesos: list[subprocess.Popen] = []
    cola = f"bench-{secrets.token_hex(3)}"
    if celery:
        entorno = {**os.environ, "DATABASE_URL": url, "CELERY_BROKER_URL": REDIS,
                   "SALIDA_CELERY_COLA": cola}
        os.environ.update({"CELERY_BROKER_URL": REDIS, "SALIDA_CELERY_COLA": cola})
        procesos = [subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "batch.celery_app", "worker", "--concurrency", "1",
             "-n", f"b{i}@{cola}", "-Q", cola, "--without-gossip", "--without-mingle",
             "--loglevel", "WARNING"], env=entorno, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for i in range(trabajadores)]
        time.sleep(4)  # let the workers start (not counted)
        ejecutor: EjecutorEmbebido | EjecutorCelery = EjecutorCelery(url)
        raices = [p.pid for p in procesos]
    else:
        ejecutor = EjecutorEmbebido(url, trabajadores)
        ejecutor.iniciar()  # worker start-up is not counted (as for Celery)
        raices = [os.getpid()]
    inicio = time.monotonic()
    lanzar(bd, lote, ejecutor)
    pico: dict[int, float] = {}
    rss_inicio = rss_fin = 0.0
    while True:
        avance = repositorio.progreso(bd, lote)
        pids = _trabajadores(raices)
        for pid in pids:
            pico[pid] = max(pico.get(pid, 0.0), _rss_mb(pid, "VmHWM"))
        actual = max((_rss_mb(p) for p in pids), default=0.0)
        if not rss_inicio and avance.hechas >= min(1000, n // 4):
            rss_inicio = actual
        if avance.hechas >= n - min(1000, n // 4):
            rss_fin = rss_fin or actual
        if avance.terminado:
            break
        time.sleep(0.5)
    total = time.monotonic() - inicio
    if isinstance(ejecutor, EjecutorEmbebido):
        ejecutor.cerrar()
    for p in procesos:
        os.killpg(p.pid, signal.SIGTERM)
        p.wait(30)
    cartas = sum(len((f.get("cartas") or "").split(",")) for f in filas(n))
    return {"filas": n, "cartas": cartas, "segundos": total, "cartas_s": cartas / total,
            "pico_mb": max(pico.values(), default=0.0), "rss_inicio": rss_inicio, "rss_fin": rss_fin,
            "errores": repositorio.progreso(bd, lote).error}


LEER = """
import sys, time
from batch.lectura import ArchivoIlegible
from batch.lote import preparar_lote
from store.db import base_de_datos

def kib(clave):
    for linea in open("/proc/self/status"):
        if linea.startswith(clave):
            return int(linea.split()[1])

bd = base_de_datos(sys.argv[1])
nombre, datos = sys.argv[2], open(sys.argv[3], "rb").read()
antes, inicio = kib("VmRSS:"), time.perf_counter()
try:
    preparar_lote(bd, nombre, datos, "banco", "banco")
    resultado = "aceptado"
except ArchivoIlegible as exc:
    resultado = "rechazado: " + str(exc)[:70]
print(time.perf_counter() - inicio, (kib("VmHWM:") - antes) / 1024, resultado, sep="\t")
"""


def hostiles(carpeta: Path) -> None:
    """Read each hostile spreadsheet and a normal one in fresh processes; print cost and outcome."""
    from tests.batch.conftest import hacer_xlsx
    from tests.batch.hostiles import archivos_hostiles

    casos = {"normal_5000_filas": ("casos.xlsx", hacer_xlsx(filas(5000))), **archivos_hostiles()}
    medidas = {}
    for clave, (nombre, datos) in casos.items():
        ruta = carpeta / f"{clave}-{nombre}"
        ruta.write_bytes(datos)
        hecho = subprocess.run([sys.executable, "-c", LEER, f"sqlite:///{carpeta / (clave + '.db')}",
                                nombre, str(ruta)], capture_output=True, text=True, check=True,
                               cwd=Path(__file__).resolve().parent.parent)
        segundos, megas, resultado = hecho.stdout.strip().split("\t")
        medidas[clave] = float(segundos)
        print(f"{clave:20} {len(datos) / 1000:9.0f} kB  {float(segundos):7.3f} s  "
              f"(× {float(segundos) / medidas['normal_5000_filas']:.3f} del normal)  "
              f"RSS +{float(megas):6.1f} MB  {resultado}")


def _imprimir(titulo: str, r: dict) -> None:
    print(f"{titulo}: {r['filas']} filas, {r['cartas']} cartas en {r['segundos']:.1f} s → "
          f"{r['cartas_s']:.1f} cartas/s; pico RSS por trabajador {r['pico_mb']:.0f} MB; "
          f"RSS trabajador al inicio/fin {r['rss_inicio']:.0f}/{r['rss_fin']:.0f} MB; "
          f"errores {r['errores']}")


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--filas", type=int, default=10_000)
    parser.add_argument("--filas-uno", type=int, default=1000, help="rows for the 1-vs-2 workers ratio")
    parser.add_argument("--celery", action="store_true", help="also run through Redis and Celery")
    parser.add_argument("--hostiles", action="store_true", help="only the hostile spreadsheets")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as carpeta:
        c = Path(carpeta)
        if args.hostiles:
            hostiles(c)
            return
        uno = correr(args.filas_uno, 1, False, c)
        _imprimir("embebido, 1 trabajador ", uno)
        dos_corto = correr(args.filas_uno, 2, False, c)
        _imprimir("embebido, 2 trabajadores", dos_corto)
        print(f"aceleración 2 sobre 1 trabajador: {dos_corto['cartas_s'] / uno['cartas_s']:.2f} "
              "(objetivo ≥ 1,8)")
        dos = correr(args.filas, 2, False, c)
        _imprimir("embebido, lote completo ", dos)
        print(f"objetivo ≥ 18 cartas/s con 2 núcleos: {dos['cartas_s'] / 18:.2f} del objetivo")
        if args.celery:
            cel = correr(args.filas, 2, True, c)
            _imprimir("celery, 2 trabajadores  ", cel)
            print(f"celery / embebido: {cel['cartas_s'] / dos['cartas_s']:.2f} (objetivo ≥ 0,90)")


if __name__ == "__main__":
    main()
