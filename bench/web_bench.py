"""Web benchmark: the app under gunicorn on loopback, a bounded open-loop load, latency figures.

Run: .venv/bin/python bench/web_bench.py [--segundos 30] [--decisiones 50] [--pdfs 5] [--textos 0]
                                          [--workers 2]
     .venv/bin/python bench/web_bench.py --comparar RUTA [--rondas 2] [the same load options]
     .venv/bin/python bench/web_bench.py --mixto [--segundos 30] [--clientes 20] [--pausa 3] [--rondas 2]

Starts gunicorn (web/gunicorn_conf.py: gthread workers, each with its own warmed pool of PDF render
processes, workers recycled every ~2,000 requests) on 127.0.0.1, then sends the seed case as the
decision page (POST /caso, with its CSRF token) at a fixed rate and PDF downloads (POST /cartas/…pdf)
at another, each request on its own schedule whatever the previous one took. Latency counts from the
scheduled send time. Prints requests/s, p50/p95/p99/max and errors. Asserts nothing. `--textos`
adds a stream of letters' text for copying (POST /cartas/terminacion.txt, what the decision page
loads when a person opens "Ver el texto para copiar y pegar").

`--comparar RUTA`: the same load against the app of another checkout (RUTA, e.g. `git archive` of
main before a change, unpacked) and of this tree, in alternating rounds (the order flips each round,
so a change in the shared machine's load touches both alike); prints p50/p95 side by side and the
ratios this tree / RUTA, after the CPU time of one decision page and one letter text on each (the
figure a busy machine does not move).

`--mixto`: the mix of the hardening issue, run twice in one go, PDFs drawn in the request's thread
(SALIDA_PDF_PROCESOS=0 with 4 threads, the old way) and then in render processes (the default):
`--clientes` clients, each sending 70 % decision pages and 30 % PDFs, `--pausa` seconds apart, in
alternating rounds.
Prints decision and PDF p50/p95 side by side.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RAIZ))

from rules import validar_caso  # noqa: E402
from web.formulario import desde_caso  # noqa: E402

SEMILLA = RAIZ / "rules" / "ejemplos" / "semilla.json"
HOST = "127.0.0.1"


@dataclass
class Flujo:
    """One stream of requests and what came back."""

    nombre: str
    tasa: float
    ruta: str
    cuerpo: bytes
    marca: bytes  # the response must contain this
    latencias: list[float] = field(default_factory=list)
    errores: list[str] = field(default_factory=list)
    candado: threading.Lock = field(default_factory=threading.Lock)


def puerto_libre() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _primero_en_la_ruta(raiz: Path) -> str:
    """PYTHONPATH with `raiz` first (ahead of the editable install of this tree)."""
    return os.pathsep.join(filter(None, (str(raiz), os.environ.get("PYTHONPATH"))))


def arrancar_gunicorn(puerto: int, workers: int, extra: dict[str, str] | None = None,
                      raiz: Path = RAIZ) -> subprocess.Popen[bytes]:
    """Start gunicorn with the project's settings on loopback (plain HTTP, fresh secret key).

    `raiz`: the checkout whose code it serves (first on the path, ahead of the editable install)."""
    entorno = {**os.environ, **(extra or {}), "SALIDA_SECRET_KEY": secrets.token_hex(32),
               "PYTHONPATH": _primero_en_la_ruta(raiz),
               "SALIDA_SESSION_COOKIE_SECURE": "false",  # plain HTTP on loopback
               "SALIDA_LIMITE_PDF": "100000 per minute",  # measure rendering, not the limiter
               "SALIDA_RESPONSABLE_DATOS": "Banco de pruebas de Salida (sin datos reales)",
               "SALIDA_BIND": f"{HOST}:{puerto}", "SALIDA_WORKERS": str(workers)}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return subprocess.Popen([str(gunicorn), "-c", "python:web.gunicorn_conf", "app:create_app()"],
                            cwd=raiz, env=entorno, start_new_session=True)


def pedir(puerto: int, metodo: str, ruta: str, cuerpo: bytes | None = None,
          cabeceras: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One HTTP request on a new connection."""
    conexion = http.client.HTTPConnection(HOST, puerto, timeout=30)
    try:
        conexion.request(metodo, ruta, body=cuerpo, headers=cabeceras or {})
        r = conexion.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conexion.close()


def esperar(puerto: int, proceso: subprocess.Popen[bytes], segundos: float = 30) -> None:
    """Wait until the app answers."""
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        if proceso.poll() is not None:
            raise SystemExit("gunicorn terminó antes de responder")
        try:
            if pedir(puerto, "GET", "/")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn no respondió a tiempo")


def preparar(puerto: int) -> tuple[str, bytes, bytes]:
    """A session cookie and its CSRF token; the seed as the posted form and as the letters' form."""
    _, cabeceras, html = pedir(puerto, "GET", "/caso")
    cookie = cabeceras["set-cookie"].split(";", 1)[0]
    token = re.search(rb'name="csrf_token" value="([^"]+)"', html).group(1).decode()
    caso = validar_caso(json.loads(SEMILLA.read_text(encoding="utf-8")))
    f = desde_caso(caso.model_dump(mode="json"))
    pares = [("csrf_token", token), ("accion", "evaluar")]
    for nombre, valor in f.valores.items():
        pares += [(nombre, v) for v in valor] if isinstance(valor, list) else [(nombre, valor)]
    formulario = urllib.parse.urlencode(pares).encode()
    cartas = urllib.parse.urlencode({"csrf_token": token, "caso": caso.model_dump_json()}).encode()
    return cookie, formulario, cartas


_local = threading.local()


def _post_persistente(puerto: int, ruta: str, cuerpo: bytes, cabeceras: dict[str, str]) -> tuple[int, bytes]:
    """POST on this thread's keep-alive connection (as a browser would), reconnecting once if closed."""
    for intento in range(2):
        conexion = getattr(_local, "conexion", None)
        if conexion is None:
            conexion = _local.conexion = http.client.HTTPConnection(HOST, puerto, timeout=30)
        try:
            conexion.request("POST", ruta, body=cuerpo, headers=cabeceras)
            r = conexion.getresponse()
            datos = r.read()
            if r.will_close:
                conexion.close()
                _local.conexion = None
            return r.status, datos
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            conexion.close()
            _local.conexion = None
            if intento:
                raise
    raise AssertionError("inalcanzable")


def disparar(flujo: Flujo, puerto: int, cookie: str, programado: float) -> None:
    """Send one request of `flujo` and record its latency from `programado` (or the error)."""
    cabeceras = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    try:
        estado, cuerpo = _post_persistente(puerto, flujo.ruta, flujo.cuerpo, cabeceras)
        fallo = None if estado == 200 and flujo.marca in cuerpo else f"HTTP {estado}"
    except OSError as exc:
        fallo = type(exc).__name__
    latencia = time.monotonic() - programado
    with flujo.candado:
        if fallo:
            flujo.errores.append(fallo)
        else:
            flujo.latencias.append(latencia)


def cargar(flujos: list[Flujo], puerto: int, cookie: str, segundos: float,
           disparo: Callable[[Flujo, int, str, float], None] | None = None) -> float:
    """Open-loop load: each stream sends at its own fixed rate for `segundos`; return the elapsed time.

    `disparo` sends one request (default: `disparar`, the form posts)."""
    disparo = disparo or disparar
    calendario = sorted(((i / f.tasa, f) for f in flujos for i in range(int(segundos * f.tasa))),
                        key=lambda par: par[0])
    inicio = time.monotonic()
    with ThreadPoolExecutor(max_workers=128) as grupo:
        for desfase, flujo in calendario:
            programado = inicio + desfase
            espera = programado - time.monotonic()
            if espera > 0:
                time.sleep(espera)
            grupo.submit(disparo, flujo, puerto, cookie, programado)
    return time.monotonic() - inicio


def percentil(valores: list[float], p: float) -> float:
    """The p-th percentile (nearest rank), in milliseconds."""
    ordenados = sorted(valores)
    return 1000 * ordenados[min(len(ordenados) - 1, max(0, round(p / 100 * len(ordenados)) - 1))]


def informe(flujos: list[Flujo], duracion: float) -> None:
    """Print one line per stream."""
    print(f"\n{'flujo':<22}{'pedidas/s':>10}{'logradas/s':>11}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'p99 ms':>9}{'máx ms':>9}{'errores':>9}")
    for f in flujos:
        n = len(f.latencias)
        if n:
            cifras = (f"{percentil(f.latencias, 50):>9.1f}{percentil(f.latencias, 95):>9.1f}"
                      f"{percentil(f.latencias, 99):>9.1f}{1000 * max(f.latencias):>9.1f}")
        else:
            cifras = f"{'—':>9}" * 4
        print(f"{f.nombre:<22}{f.tasa:>10.1f}{n / duracion:>11.1f}{n:>6}{cifras}{len(f.errores):>9}")
        if f.errores:
            print(f"  errores: {dict((e, f.errores.count(e)) for e in sorted(set(f.errores)))}")
    todas = [x for f in flujos for x in f.latencias]
    if todas:
        print(f"\ntotal: {len(todas) / duracion:.1f} respuestas/s en {duracion:.1f} s; "
              f"media {1000 * statistics.fmean(todas):.1f} ms")


def clientes_mixtos(flujos: tuple[Flujo, Flujo], puerto: int, cookie: str, clientes: int,
                    pausa: float, segundos: float, proporcion_pdf: float = 0.3) -> float:
    """Closed loop: each client sends a PDF with probability `proporcion_pdf`, else a decision page,
    then pauses `pausa` seconds, until `segundos` are over; return the elapsed time."""
    decisiones, pdfs = flujos
    fin = time.monotonic() + segundos

    def cliente(numero: int) -> None:
        azar = random.Random(numero)
        time.sleep(azar.uniform(0, pausa))  # clients do not all start on the same beat
        while time.monotonic() < fin:
            flujo = pdfs if azar.random() < proporcion_pdf else decisiones
            disparar(flujo, puerto, cookie, time.monotonic())
            time.sleep(pausa)

    inicio = time.monotonic()
    with ThreadPoolExecutor(max_workers=clientes) as grupo:
        list(grupo.map(cliente, range(clientes)))
    return time.monotonic() - inicio


def mixto(args: argparse.Namespace) -> None:
    """Decision pages and PDFs together, PDFs in the request's thread and then in render processes,
    in alternating rounds (so a change in the machine's load touches both alike)."""
    variantes = (("antes: PDF en el hilo", {"SALIDA_PDF_PROCESOS": "0", "SALIDA_THREADS": "4"}),
                 ("después: procesos de PDF", {}))
    resultados: dict[str, tuple[Flujo, Flujo, list[float]]] = {
        nombre: (Flujo("decisión", 0, "/caso", b"", b"respuesta__titular"),
                 Flujo("PDF", 0, "/cartas/terminacion.pdf", b"", b"%PDF-"), [])
        for nombre, _ in variantes}
    for ronda in range(args.rondas):
        for nombre, extra in variantes:
            puerto = puerto_libre()
            proceso = arrancar_gunicorn(puerto, args.workers, extra)
            try:
                esperar(puerto, proceso, 120)
                cookie, formulario, cartas = preparar(puerto)
                decisiones, pdfs, duraciones = resultados[nombre]
                decisiones.cuerpo, pdfs.cuerpo = formulario, cartas
                print(f"ronda {ronda + 1}, {nombre}: {args.clientes} clientes durante "
                      f"{args.segundos:.0f} s…", flush=True)
                duraciones.append(clientes_mixtos((decisiones, pdfs), puerto, cookie, args.clientes,
                                                  args.pausa, args.segundos))
            finally:
                os.killpg(proceso.pid, signal.SIGTERM)
                proceso.wait(30)
    print(f"\nMezcla 70 % decisiones / 30 % PDF, {args.clientes} clientes, pausa {args.pausa:g} s, "
          f"gunicorn {args.workers} workers gthread, {args.rondas} × {args.segundos:.0f} s por variante")
    print(f"{'':<26}{'pedidas/s':>10}{'dec. p50':>10}{'dec. p95':>10}{'PDF p50':>10}{'PDF p95':>10}"
          f"{'errores':>9}")
    for nombre, (decisiones, pdfs, duraciones) in resultados.items():
        n = len(decisiones.latencias) + len(pdfs.latencias)
        cifras = "".join(f"{percentil(f.latencias, p):>10.0f}" if f.latencias else f"{'—':>10}"
                         for f in (decisiones, pdfs) for p in (50, 95))
        errores = len(decisiones.errores) + len(pdfs.errores)
        print(f"{nombre:<26}{n / sum(duraciones):>10.1f}{cifras}{errores:>9}")
    print("(ms; latencia desde el envío)")


def flujos_estandar(args: argparse.Namespace, formulario: bytes, cartas: bytes) -> list[Flujo]:
    """The open-loop streams of the standard load (those with a rate above 0)."""
    return [f for f in (
        Flujo("página de decisión", args.decisiones, "/caso", formulario, b"respuesta__titular"),
        Flujo("PDF (terminación)", args.pdfs, "/cartas/terminacion.pdf", cartas, b"%PDF-"),
        Flujo("texto (terminación)", args.textos, "/cartas/terminacion.txt", cartas, b"Atentamente"),
    ) if f.tasa > 0]


def una_carga(args: argparse.Namespace, raiz: Path = RAIZ) -> tuple[list[Flujo], float]:
    """Start the app of `raiz`, warm it for 2 s, run the standard load; the streams and the time."""
    puerto = puerto_libre()
    proceso = arrancar_gunicorn(puerto, args.workers, raiz=raiz)
    try:
        esperar(puerto, proceso, 120)
        cookie, formulario, cartas = preparar(puerto)
        calentamiento = flujos_estandar(args, formulario, cartas)
        cargar(calentamiento, puerto, cookie, 2)
        print(f"gunicorn en http://{HOST}:{puerto} ({args.workers} workers gthread, código de {raiz}); "
              f"calentamiento: {sum(len(f.errores) for f in calentamiento)} errores. "
              f"Carga de {args.segundos:.0f} s…", flush=True)
        flujos = flujos_estandar(args, formulario, cartas)
        return flujos, cargar(flujos, puerto, cookie, args.segundos)
    finally:
        os.killpg(proceso.pid, signal.SIGTERM)
        proceso.wait(15)


# Run in a child process on one checkout's code: the CPU time of one request, serving thread only.
_MEDIR_CPU = """
import json, statistics, sys, time
from app import create_app
pedidos, n = json.load(sys.stdin), int(sys.argv[1])
app = create_app({"TESTING": True, "SECRET_KEY": "banco-" + "x" * 40, "WTF_CSRF_ENABLED": False,
                  "RATELIMIT_ENABLED": False, "PDF_PROCESOS": 0})
cliente, cifras = app.test_client(), {}
for nombre, ruta, cuerpo in pedidos:
    tiempos = []
    for i in range(n + 3):  # the first three warm the templates up
        antes = time.thread_time()
        r = cliente.post(ruta, data=cuerpo.encode(), content_type="application/x-www-form-urlencoded")
        tiempos.append(time.thread_time() - antes)
        assert r.status_code == 200, (ruta, r.status_code)
    cifras[nombre] = 1000 * statistics.median(tiempos[3:])
print(json.dumps(cifras))
"""


def cpu_por_pedido(raiz: Path, n: int = 30) -> dict[str, float]:
    """Median CPU ms of one decision page and one letter text, on `raiz`'s code (load-proof)."""
    caso = validar_caso(json.loads(SEMILLA.read_text(encoding="utf-8")))
    pares = [("accion", "evaluar")]
    for nombre, valor in desde_caso(caso.model_dump(mode="json")).valores.items():
        pares += [(nombre, v) for v in valor] if isinstance(valor, list) else [(nombre, valor)]
    cartas = urllib.parse.urlencode({"caso": caso.model_dump_json()})
    pedidos = [("página de decisión", "/caso", urllib.parse.urlencode(pares)),
               ("texto (terminación)", "/cartas/terminacion.txt", cartas)]
    entorno = {**os.environ, "PYTHONPATH": _primero_en_la_ruta(raiz)}
    salida = subprocess.run([sys.executable, "-c", _MEDIR_CPU, str(n)], input=json.dumps(pedidos), cwd=raiz,
                            env=entorno, capture_output=True, text=True, check=True).stdout
    return dict(json.loads(salida.strip().splitlines()[-1]))


def comparar(args: argparse.Namespace) -> None:
    """The standard load on another checkout and on this tree, alternating; figures and ratios.

    First the CPU time of one request of each kind on each checkout (median, in-process): the figure
    the machine's other work does not move; then the load."""
    otra = Path(args.comparar).resolve()
    if not (otra / "web" / "gunicorn_conf.py").is_file():
        raise SystemExit(f"{otra} no es una copia de Salida (falta web/gunicorn_conf.py)")
    variantes = {f"antes: {otra.name}": otra, "después: este árbol": RAIZ}
    cpu = {nombre: cpu_por_pedido(raiz) for nombre, raiz in variantes.items()}
    (antes_cpu, despues_cpu) = cpu.values()
    print(f"\nCPU por pedido (ms, mediana de 30, en el hilo que sirve)\n{'flujo':<22}"
          + "".join(f"{n.split(':')[0]:>10}" for n in variantes) + f"{'razón':>8}")
    for flujo in antes_cpu:
        print(f"{flujo:<22}{antes_cpu[flujo]:>10.1f}{despues_cpu[flujo]:>10.1f}"
              f"{despues_cpu[flujo] / antes_cpu[flujo]:>8.2f}")
    print(flush=True)
    juntos: dict[str, list[Flujo]] = {}
    duraciones: dict[str, float] = dict.fromkeys(variantes, 0.0)
    for ronda in range(args.rondas):
        orden = list(variantes.items())
        for nombre, raiz in (orden if ronda % 2 == 0 else orden[::-1]):
            print(f"ronda {ronda + 1}, {nombre}", flush=True)
            flujos, duracion = una_carga(args, raiz)
            duraciones[nombre] += duracion
            if nombre not in juntos:
                juntos[nombre] = flujos
            else:
                for acumulado, f in zip(juntos[nombre], flujos, strict=True):
                    acumulado.latencias += f.latencias
                    acumulado.errores += f.errores
    for nombre, flujos in juntos.items():
        print(f"\n{nombre}", end="")
        informe(flujos, duraciones[nombre])
    antes, despues = juntos.values()
    print(f"\nRazón este árbol / {otra.name} ({args.rondas} × {args.segundos:.0f} s por variante; "
          "< 1: más rápido ahora)")
    print(f"{'flujo':<22}{'p50':>8}{'p95':>8}")
    for a, d in zip(antes, despues, strict=True):
        if a.latencias and d.latencias:
            razones = [percentil(d.latencias, p) / percentil(a.latencias, p) for p in (50, 95)]
            print(f"{a.nombre:<22}{razones[0]:>8.2f}{razones[1]:>8.2f}")


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segundos", type=float, default=30)
    parser.add_argument("--decisiones", type=float, default=50, help="páginas de decisión por segundo")
    parser.add_argument("--pdfs", type=float, default=5, help="PDF por segundo")
    parser.add_argument("--textos", type=float, default=0,
                        help="textos de carta por segundo (lo que pide «Ver el texto para copiar y pegar»)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--comparar", metavar="RUTA", help="otra copia de Salida, medida al lado")
    parser.add_argument("--mixto", action="store_true", help="la mezcla antes/después (ver arriba)")
    parser.add_argument("--clientes", type=int, default=20)
    parser.add_argument("--pausa", type=float, default=3.0, help="segundos entre pedidos de un cliente")
    parser.add_argument("--rondas", type=int, default=2, help="rondas alternadas de cada variante")
    args = parser.parse_args()
    if args.mixto:
        mixto(args)
        return 0
    if args.comparar:
        comparar(args)
        return 0
    flujos, duracion = una_carga(args)
    informe(flujos, duracion)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
