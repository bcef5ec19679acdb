"""Benchmark, end to end: a batch of N rows (one or two letters each, mixed) from the CSV read to
the zip stored and ready to download, with the printing PDF on and off, on the embedded runner (and
Celery with --celery), beside the same letters rendered alone by a warm pool.

Prints letters/s end to end, the ratio end-to-end ÷ letters-only, seconds from the last row to the
zip being ready, CPU per letter, peak RSS per worker and the speed-up of 2 workers over 1.

With `--hostiles`, instead: each hostile spreadsheet of the hardening runs read in a fresh process
beside a normal 5,000-row XLSX, printing seconds, RSS growth and the outcome.

Run: .venv/bin/python bench/batch_bench.py [--filas 150] [--celery] [--hostiles]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from batch import repositorio
from batch.ejecutores import EjecutorCelery, EjecutorEmbebido
from batch.lote import lanzar, preparar_lote
from batch.plantilla import ejemplo
from store.db import base_de_datos
from store.models import Documento, Fila
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


def _cpu_proc(pid: int) -> float:
    """User + system CPU seconds of a live process (from /proc)."""
    try:
        campos = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(campos[11]) + int(campos[12])) / os.sysconf("SC_CLK_TCK")


def _cpu_propia() -> float:
    """CPU seconds of this process and its reaped children."""
    yo, hijos = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return yo.ru_utime + yo.ru_stime + hijos.ru_utime + hijos.ru_stime


def _cartas_de(datos: dict, tipos: list[str] | None) -> int:
    """Render one row's letters (what a worker does, without the database); return how many."""
    from letters import render_pdf
    from rules import Caso, evaluar

    caso = Caso.model_validate(datos)
    decision = evaluar(caso)
    hechas = 0
    for tipo in tipos or decision.cartas_sugeridas:
        if tipo in decision.cartas_posibles:
            render_pdf(caso, decision, tipo)
            hechas += 1
    return hechas


def _bloque_solo_cartas(filas_bloque: list[tuple[dict, list[str] | None]]) -> int:
    return sum(_cartas_de(d, t) for d, t in filas_bloque)


def solo_cartas(n: int, trabajadores: int) -> dict:
    """Letters only: the same rows' letters rendered by a warm pool, no database, no pack."""
    from concurrent.futures import ProcessPoolExecutor, wait

    from batch.conversion import leer_fila
    from batch.ejecutores import iniciar_trabajador, tamano_bloque

    leidas = [leer_fila(i + 2, f, date(2026, 11, 28)) for i, f in enumerate(filas(n))]
    trabajo = [(f.caso.model_dump(mode="json"), f.tipos) for f in leidas if f.caso is not None]
    grupo = ProcessPoolExecutor(trabajadores, mp_context=multiprocessing.get_context("spawn"),
                                initializer=iniciar_trabajador)
    wait([grupo.submit(os.getpid) for _ in range(trabajadores * 2)])  # warm, not counted
    cpu, inicio = _cpu_propia(), time.monotonic()
    tamano = tamano_bloque(len(trabajo), trabajadores)  # chunked as the embedded runner does
    futuros = [grupo.submit(_bloque_solo_cartas, trabajo[i:i + tamano])
               for i in range(0, len(trabajo), tamano)]
    cartas = sum(f.result() for f in futuros)
    total = time.monotonic() - inicio
    grupo.shutdown(wait=True)
    return {"cartas": cartas, "segundos": total, "cartas_s": cartas / total,
            "cpu_carta": (_cpu_propia() - cpu) / cartas}


def correr(n: int, trabajadores: int, celery: bool, carpeta: Path, combinado: bool = True) -> dict:
    """One batch end to end, measured: rows in (reading the CSV) → letters → printing PDF → zip
    stored and ready to download."""
    from batch.paquete import estado_paquete

    url = f"sqlite:///{carpeta / f'bench-{secrets.token_hex(3)}.db'}"
    bd = base_de_datos(url)
    datos = hacer_csv(filas(n))
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
        time.sleep(6)  # let the workers start (not counted)
        ejecutor: EjecutorEmbebido | EjecutorCelery = EjecutorCelery(url)
        raices = [p.pid for p in procesos]
    else:
        ejecutor = EjecutorEmbebido(url, trabajadores)
        ejecutor.iniciar()  # worker start-up is not counted (as for Celery)
        raices = [os.getpid()]
    # Warm workers' memory (imports, fonts, parsed CSS, one letter): what each one holds before rows.
    rss_calentado = max((_rss_mb(p) for p in _trabajadores(raices)), default=0.0)
    cpu_celery = {pid: _cpu_proc(pid) for pid in _trabajadores(raices)} if celery else {}
    cpu, inicio = _cpu_propia(), time.monotonic()
    lote = preparar_lote(bd, "casos.csv", datos, "bench", "bench", fecha=date(2026, 11, 28),
                         combinado=combinado)
    lanzar(bd, lote, ejecutor)
    pico: dict[int, float] = {}
    rss_inicio = rss_fin = 0.0
    fin_filas = None
    while True:
        avance = repositorio.progreso(bd, lote)
        pids = _trabajadores(raices)
        for pid in pids:
            pico[pid] = max(pico.get(pid, 0.0), _rss_mb(pid, "VmHWM"))
            if celery:
                cpu_celery[pid] = max(cpu_celery.get(pid, 0.0), _cpu_proc(pid))
        actual = max((_rss_mb(p) for p in pids), default=0.0)
        if not rss_inicio and avance.hechas >= min(1000, n // 4):
            rss_inicio = actual
        if avance.hechas >= n - min(1000, n // 4):
            rss_fin = rss_fin or actual
        if avance.terminado and fin_filas is None:
            fin_filas = time.monotonic()
        if fin_filas is not None and estado_paquete(bd, lote) == "listo":
            break
        time.sleep(0.1)
    total = time.monotonic() - inicio
    if isinstance(ejecutor, EjecutorEmbebido):
        ejecutor.esperar()  # its pools shut down: their workers' CPU is counted once reaped
        ejecutor.cerrar()
    usado = _cpu_propia() - cpu
    if celery:
        usado += sum(cpu_celery.values())  # the workers' CPU (they are not our children)
    for p in procesos:
        os.killpg(p.pid, signal.SIGTERM)
        p.wait(30)
    with bd.sesiones() as s:
        cartas = s.scalar(select(func.count()).select_from(Documento).join(Fila)
                          .where(Fila.lote_id == lote)) or 0
    return {"filas": n, "cartas": cartas, "segundos": total, "cartas_s": cartas / total,
            "zip_tras_fin": total - ((fin_filas or inicio) - inicio), "cpu_carta": usado / max(cartas, 1),
            "pico_mb": max(pico.values(), default=0.0), "rss_calentado": rss_calentado,
            "rss_inicio": rss_inicio, "rss_fin": rss_fin,
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
    tramo = min(1000, r["filas"] // 4)  # rows after which (and before the end) RSS is sampled
    print(f"{titulo}: {r['filas']} filas, {r['cartas']} cartas, filas→zip listo en {r['segundos']:.1f} s "
          f"→ {r['cartas_s']:.2f} cartas/s de punta a punta; zip listo {r['zip_tras_fin']:.2f} s tras la "
          f"última fila (objetivo ≤ 2 s); CPU {r['cpu_carta']:.2f} s por carta; RSS por trabajador: "
          f"{r['rss_calentado']:.0f} MB caliente, {r['rss_inicio']:.0f} MB tras {tramo} filas, "
          f"{r['rss_fin']:.0f} MB a {tramo} del final, pico {r['pico_mb']:.0f} MB con el paquete "
          f"(objetivo ≤ 150); errores {r['errores']}")


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--filas", type=int, default=150)
    parser.add_argument("--celery", action="store_true", help="also run through Redis and Celery")
    parser.add_argument("--hostiles", action="store_true", help="only the hostile spreadsheets")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as carpeta:
        c = Path(carpeta)
        if args.hostiles:
            hostiles(c)
            return
        n = args.filas
        # Side by side, alternating, so that the machine's load affects both alike.
        base = {1: solo_cartas(n, 1)}
        uno = correr(n, 1, False, c, combinado=True)
        base[2] = solo_cartas(n, 2)
        dos = correr(n, 2, False, c, combinado=True)
        for k, r in base.items():
            print(f"solo cartas, {k} trabajador(es): {r['cartas']} cartas en {r['segundos']:.1f} s → "
                  f"{r['cartas_s']:.2f} cartas/s; CPU {r['cpu_carta']:.2f} s por carta")
        _imprimir("embebido, 1 trabajador, con PDF de impresión", uno)
        _imprimir("embebido, 2 trabajadores, con PDF de impresión", dos)
        sin = correr(n, 2, False, c, combinado=False)
        _imprimir("embebido, 2 trabajadores, sin PDF de impresión", sin)
        print(f"punta a punta ÷ solo cartas (2 trabajadores): con impresión "
              f"{dos['cartas_s'] / base[2]['cartas_s']:.2f}, sin impresión "
              f"{sin['cartas_s'] / base[2]['cartas_s']:.2f} (objetivo ≥ 0,85)")
        print(f"punta a punta ÷ solo cartas (1 trabajador, con impresión): "
              f"{uno['cartas_s'] / base[1]['cartas_s']:.2f}")
        print(f"aceleración de 1 a 2 trabajadores, punta a punta: {dos['cartas_s'] / uno['cartas_s']:.2f}; "
              f"solo cartas: {base[2]['cartas_s'] / base[1]['cartas_s']:.2f} (objetivo ≥ 1,8)")
        if args.celery:
            cel = correr(n, 2, True, c, combinado=True)
            _imprimir("celery, 2 trabajadores, con PDF de impresión", cel)
            print(f"celery ÷ embebido (punta a punta): {cel['cartas_s'] / dos['cartas_s']:.2f}; "
                  f"celery ÷ solo cartas: {cel['cartas_s'] / base[2]['cartas_s']:.2f}")


if __name__ == "__main__":
    main()
