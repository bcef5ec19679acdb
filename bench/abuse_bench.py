"""Abuse benchmark: hostile inputs against gunicorn beside a normal load, on loopback, bounded in time.

Run: .venv/bin/python bench/abuse_bench.py [--segundos 30] [--abusadores 2] [--workers 2] [--sin-csv]

Starts gunicorn (web/gunicorn_conf.py, 2 workers, PDF limit per address lifted so the hostile PDFs
reach the renderer, batches in a temporary SQLite file) on 127.0.0.1 and runs three phases:

1. cost: each hostile input alone, one at a time; CPU of the whole server tree (master, workers, render
   processes, including children that exited) before and after each request;
2. quiet: the normal load alone (decision pages, ordinary PDFs, /api/v1/evaluar) for `--segundos`;
3. abuse: the same normal load while `--abusadores` clients send hostile inputs back to back.

Hostile inputs: the maximal case (every list and free text at the model's maximum, unbroken strings
and long words) as PDF; the same with 40 failures (short enough to be laid out, too long to finish);
a CSV whose header is `falla5000000_inicio`; JSON nested 100,000 deep to /api/v1/evaluar.
A sampler reads every server process's RSS from /proc every 0.1 s and kills any process past
`--tope-mb` (a header the batch reader does not bound can take gigabytes), which is printed.
Prints the worst CPU per hostile request, peak RSS per worker and per render process, the normal
requests' p95 quiet and under abuse (and their ratio), and errors. Asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RAIZ))
sys.path.insert(0, str(RAIZ / "bench"))

import web_bench as wb  # noqa: E402

from rules import validar_caso  # noqa: E402
from tests.letters.hostil import caso_hostil  # noqa: E402

TICS = os.sysconf("SC_CLK_TCK")
PAGINA = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Hostil:
    """One hostile request and what it cost each time it was sent."""

    nombre: str
    metodo: str
    ruta: str
    cuerpo: bytes
    cabeceras: dict[str, str]
    estados: list[int | str] = field(default_factory=list)


# --- the server's processes, from /proc -------------------------------------------------------------

def _stat(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None


def descendientes(raiz: int) -> list[int]:
    """`raiz` and every process below it."""
    hijos: dict[int, list[int]] = {}
    for nombre in os.listdir("/proc"):
        if nombre.isdigit() and (campos := _stat(int(nombre))) is not None:
            hijos.setdefault(int(campos[1]), []).append(int(nombre))
    todos, pendientes = [], [raiz]
    while pendientes:
        pid = pendientes.pop()
        todos.append(pid)
        pendientes.extend(hijos.get(pid, []))
    return todos


def cpu_arbol(raiz: int) -> float:
    """CPU seconds of the tree: each live process's own plus that of its children that exited."""
    total = 0
    for pid in descendientes(raiz):
        if (campos := _stat(pid)) is not None:
            total += sum(int(x) for x in campos[11:15])  # utime stime cutime cstime
    return total / TICS


def papel(pid: int, raiz: int) -> str:
    """'worker', 'render' or 'otro', from the command line and the parent."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            linea = f.read().replace(b"\0", b" ")
    except FileNotFoundError:
        return "otro"
    campos = _stat(pid)
    if b"gunicorn" in linea and campos is not None and int(campos[1]) == raiz:
        return "worker"
    if b"forkserver" in linea and campos is not None and b"forkserver" in _cmdline(int(campos[1])):
        return "render"
    return "otro"


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except FileNotFoundError:
        return b""


class Muestreo:
    """Peak RSS of every process of the server tree, sampled every 0.1 s; kills a process past a cap
    (gunicorn replaces a worker; the pool replaces a render process)."""

    def __init__(self, raiz: int, tope_mb: int) -> None:
        self.raiz, self.tope_kb = raiz, tope_mb * 1024
        self.picos: dict[int, tuple[str, int]] = {}
        self.excesos: list[str] = []
        self._parar = threading.Event()
        self._hilo = threading.Thread(target=self._bucle, daemon=True)
        self._hilo.start()

    def _bucle(self) -> None:
        while not self._parar.wait(0.1):
            for pid in descendientes(self.raiz)[1:]:
                try:
                    with open(f"/proc/{pid}/statm") as f:
                        rss_kb = int(f.read().split()[1]) * PAGINA // 1024
                except (FileNotFoundError, ProcessLookupError, IndexError):
                    continue
                rol, pico = self.picos.get(pid, (papel(pid, self.raiz), 0))
                self.picos[pid] = (rol, max(pico, rss_kb))
                if rss_kb > self.tope_kb:
                    self.excesos.append(f"{rol} {pid} pasó de {self.tope_kb // 1024} MB y se mató")
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)

    def parar(self) -> None:
        """Stop sampling."""
        self._parar.set()
        self._hilo.join(2)


# --- hostile inputs -----------------------------------------------------------------------------------

def hostiles(puerto: int, cookie: str, token: str, con_csv: bool) -> list[Hostil]:
    """The hostile requests of the hardening issue."""
    json_h = {"Content-Type": "application/json"}
    lista = [
        Hostil("PDF máximo, tiras sin espacios", "POST", "/api/v1/cartas/queja",
               json.dumps(caso_hostil("seguido"), ensure_ascii=False).encode(), json_h),
        Hostil("PDF máximo, palabras largas", "POST", "/api/v1/cartas/queja",
               json.dumps(caso_hostil("palabras"), ensure_ascii=False).encode(), json_h),
        Hostil("PDF con 40 fallas (se maqueta)", "POST", "/api/v1/cartas/queja",
               json.dumps(caso_hostil("seguido", fallas=40), ensure_ascii=False).encode(), json_h),
        Hostil("JSON anidado 100.000 niveles", "POST", "/api/v1/evaluar",
               b"[" * 100_000 + b"]" * 100_000, json_h),
    ]
    if con_csv:
        frontera = "----salida" + os.urandom(8).hex()
        partes = [("csrf_token", token), ("consentimiento", "si"), ("declarante", "Banco de pruebas")]
        cuerpo = b"".join(f'--{frontera}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                          .encode() for k, v in partes)
        cuerpo += (f'--{frontera}\r\nContent-Disposition: form-data; name="archivo"; '
                   f'filename="lote.csv"\r\nContent-Type: text/csv\r\n\r\n').encode()
        cuerpo += b"falla5000000_inicio\r\n2026-11-03T19:40\r\n" + f"\r\n--{frontera}--\r\n".encode()
        lista.append(Hostil("CSV falla5000000_inicio", "POST", "/lotes/", cuerpo,
                            {"Content-Type": f"multipart/form-data; boundary={frontera}",
                             "Cookie": cookie}))
    return lista


def enviar(puerto: int, h: Hostil) -> int | str:
    """Send `h` once; its HTTP status, or the connection error's name."""
    try:
        estado = wb.pedir(puerto, h.metodo, h.ruta, h.cuerpo, h.cabeceras)[0]
    except OSError as exc:
        estado = type(exc).__name__
    h.estados.append(estado)
    return estado


# --- normal load --------------------------------------------------------------------------------------

def flujos_normales(cookie: str, formulario: bytes, cartas: bytes, args: argparse.Namespace,
                    semilla: bytes) -> list[wb.Flujo]:
    """Decision pages, ordinary PDFs and API evaluations at fixed rates."""
    return [f for f in (
        wb.Flujo("página de decisión", args.decisiones, "/caso", formulario, b"respuesta__titular"),
        wb.Flujo("PDF ordinario", args.pdfs, "/cartas/terminacion.pdf", cartas, b"%PDF-"),
        wb.Flujo("API evaluar", args.evaluaciones, "/api/v1/evaluar", semilla, b"cartas_posibles"),
    ) if f.tasa > 0]


def disparar_json(flujo: wb.Flujo, puerto: int, cookie: str, programado: float) -> None:
    """`web_bench.disparar`, but JSON for the API stream."""
    if not flujo.ruta.startswith("/api/"):
        wb.disparar(flujo, puerto, cookie, programado)
        return
    try:
        estado, cuerpo = wb._post_persistente(puerto, flujo.ruta, flujo.cuerpo,
                                              {"Content-Type": "application/json"})
        fallo = None if estado == 200 and flujo.marca in cuerpo else f"HTTP {estado}"
    except OSError as exc:
        fallo = type(exc).__name__
    latencia = time.monotonic() - programado
    with flujo.candado:
        (flujo.errores.append(fallo) if fallo else flujo.latencias.append(latencia))


def _cargar(flujos: list[wb.Flujo], puerto: int, cookie: str, segundos: float) -> float:
    """`web_bench.cargar`, with JSON for the API stream."""
    return wb.cargar(flujos, puerto, cookie, segundos, disparar_json)


def p95(flujos: list[wb.Flujo]) -> float:
    """The p95 of every normal request together, in ms."""
    todas = [x for f in flujos for x in f.latencias]
    return wb.percentil(todas, 95) if todas else float("nan")


# --- the run ------------------------------------------------------------------------------------------

def main() -> int:
    """Run the three phases and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segundos", type=float, default=30, help="duración de cada fase de carga")
    parser.add_argument("--abusadores", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--decisiones", type=float, default=4, help="páginas de decisión por segundo")
    parser.add_argument("--pdfs", type=float, default=1, help="PDF ordinarios por segundo")
    parser.add_argument("--evaluaciones", type=float, default=4, help="/api/v1/evaluar por segundo")
    parser.add_argument("--tope-mb", type=int, default=1000, help="matar un proceso por encima")
    parser.add_argument("--sin-csv", action="store_true", help="no enviar el CSV de cabecera hostil")
    args = parser.parse_args()

    carpeta = tempfile.mkdtemp(prefix="salida-abuso-")
    extra = {"SALIDA_LIMITE_LOTES": "100000 per hour",
             "SALIDA_DATABASE_URL": f"sqlite:///{carpeta}/abuso.db"}
    puerto = wb.puerto_libre()
    proceso = wb.arrancar_gunicorn(puerto, args.workers, extra)
    muestreo = Muestreo(proceso.pid, args.tope_mb)
    try:
        wb.esperar(puerto, proceso, 120)
        cookie, formulario, cartas = wb.preparar(puerto)
        token = urllib.parse.parse_qs(cartas.decode())["csrf_token"][0]
        semilla = validar_caso(json.loads(wb.SEMILLA.read_text(encoding="utf-8"))).model_dump_json().encode()
        lista = hostiles(puerto, cookie, token, not args.sin_csv)

        print(f"gunicorn en http://{wb.HOST}:{puerto} ({args.workers} workers). 1) coste de cada "
              "entrada hostil, sola:", flush=True)
        costes: dict[str, float] = {}
        for h in lista:
            antes, inicio = cpu_arbol(proceso.pid), time.monotonic()
            estado = enviar(puerto, h)
            time.sleep(0.3)  # let a process that was replaced exit and be reaped (its CPU counted)
            costes[h.nombre] = cpu_arbol(proceso.pid) - antes
            print(f"  {h.nombre:<34} HTTP {estado}  {costes[h.nombre]:6.2f} s de CPU  "
                  f"{time.monotonic() - inicio:6.2f} s de pared", flush=True)

        print(f"2) carga normal sola, {args.segundos:.0f} s…", flush=True)
        quieta = flujos_normales(cookie, formulario, cartas, args, semilla)
        d_quieta = _cargar(quieta, puerto, cookie, args.segundos)

        print(f"3) la misma carga con {args.abusadores} abusadores, {args.segundos:.0f} s…", flush=True)
        bajo_abuso = flujos_normales(cookie, formulario, cartas, args, semilla)
        fin = time.monotonic() + args.segundos

        def abusar(numero: int) -> None:
            i = numero
            while time.monotonic() < fin:
                enviar(puerto, lista[i % len(lista)])
                i += 1

        abusadores = [threading.Thread(target=abusar, args=(n,), daemon=True)
                      for n in range(args.abusadores)]
        for a in abusadores:
            a.start()
        d_abuso = _cargar(bajo_abuso, puerto, cookie, args.segundos)
        for a in abusadores:
            a.join(120)
    finally:
        muestreo.parar()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proceso.pid, signal.SIGTERM)
        proceso.wait(30)

    print("\nFase tranquila:")
    wb.informe(quieta, d_quieta)
    print("\nBajo abuso:")
    wb.informe(bajo_abuso, d_abuso)
    print("\nEntradas hostiles (estados durante el abuso):")
    for h in lista:
        cuenta = {str(e): h.estados.count(e) for e in sorted(set(h.estados), key=str)}
        print(f"  {h.nombre:<34} CPU sola {costes.get(h.nombre, float('nan')):6.2f} s   {cuenta}")
    peor = max(costes, key=costes.__getitem__)
    print(f"\nPeor CPU por pedido: {costes[peor]:.2f} s ({peor})")
    for rol in ("worker", "render"):
        picos = sorted((kb for r, kb in muestreo.picos.values() if r == rol), reverse=True)
        if picos:
            print(f"RSS pico por {rol} (MB): " + ", ".join(f"{kb / 1024:.0f}" for kb in picos[:8])
                  + f"  (máximo {picos[0] / 1024:.0f} MB)")
    for tranquilo, abusado in zip(quieta, bajo_abuso, strict=True):
        if tranquilo.latencias and abusado.latencias:
            qf, af = p95([tranquilo]), p95([abusado])
            print(f"p95 {tranquilo.nombre}: tranquila {qf:.0f} ms, bajo abuso {af:.0f} ms → {af / qf:.2f}×")
    q, a = p95(quieta), p95(bajo_abuso)
    errores = sum(len(f.errores) for f in bajo_abuso)
    print(f"p95 de todos los pedidos normales: tranquila {q:.0f} ms, bajo abuso {a:.0f} ms → {a / q:.2f}×; "
          f"errores normales bajo abuso: {errores}")
    for exceso in muestreo.excesos:
        print(exceso)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
