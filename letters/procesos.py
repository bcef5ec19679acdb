"""A bounded pool of render processes, so WeasyPrint never runs in a page-serving interpreter.

Each process warms itself (fonts, stylesheets, one letter laid out) before its first letter, draws
one letter at a time from HTML sent over a pipe, and enforces the render budget itself
(`letters.pdf.Presupuesto`). The pool replaces a process that overran its budget, died, or grew past
its memory ceiling, and kills one that does not answer within a wall-clock backstop. Processes come
from a fork server (never a fork of a threaded web worker) that has already imported WeasyPrint, so a
replacement is cheap. With two processes or more, one of them draws only long letters, at the lowest
CPU priority, so long or hostile letters never delay ordinary ones. `del_proceso` gives each serving
process its own pool, again after a fork.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from letters.errores import (
    PresupuestoExcedido,
    RenderizadorCaido,
    RenderizadorNoDisponible,
    RenderizadorOcupado,
)
from letters.pdf import Presupuesto, paginas_minimas

CONTEXTO = "forkserver"
PRECARGA = ["weasyprint", "letters.render"]
ARRANQUE_SEGUNDOS = 120.0  # a process has this long to warm up (a loaded machine, a cold disk)
CORTESIA = 10  # nice increment of render processes: on a busy machine pages get the CPU first
CORTESIA_LARGAS = 19  # and of the process for long letters: ordinary letters get it before them
# A letter whose text alone fills this many pages is "long" (ordinary ones take two or three). With
# two processes or more, one of them draws only long letters, at the lowest priority, and the others
# only ordinary ones: a stream of long (or hostile) letters cannot delay anybody else's.
PAGINAS_LARGA = 2


@dataclass(eq=False)
class _Proceso:
    """One render process and the parent's end of its pipe."""

    proceso: BaseProcess
    conexion: Connection
    cortesia: int
    listo: bool = False


class PoolDeRender:
    """`procesos` render processes; a caller waits at most `espera` seconds for a free one, and at
    most `en_cola` callers wait at once: one more is refused at once (a 503), so PDF requests that
    pile up cannot hold every thread of the serving process while decision pages queue behind them."""

    def __init__(self, procesos: int, espera: float = 30.0, rss_maximo_mb: int = 250,
                 en_cola: int = 4) -> None:
        if procesos < 1:
            raise ValueError("El grupo de procesos de PDF necesita al menos un proceso.")
        self.procesos = procesos
        self.espera = espera
        self.en_cola = en_cola
        self._esperando = 0
        self.rss_maximo_kb = rss_maximo_mb * 1024
        self._libres: queue.Queue[_Proceso] = queue.Queue()  # ordinary letters
        self._libres_largas: queue.Queue[_Proceso] = (  # long letters (the same queue with one process)
            queue.Queue() if procesos > 1 else self._libres)
        self._todos: list[_Proceso] = []
        self._candado = threading.Lock()
        self._contexto = multiprocessing.get_context(CONTEXTO)
        self._contexto.set_forkserver_preload(PRECARGA)

    def iniciar(self) -> None:
        """Start every process; each warms up on its own (this call does not wait for them)."""
        for i in range(self.procesos):
            larga = i == 0 and self.procesos > 1
            cortesia = CORTESIA_LARGAS if larga else CORTESIA
            p = _Proceso(*self._arrancar(cortesia), cortesia=cortesia)
            with self._candado:
                self._todos.append(p)
            (self._libres_largas if larga else self._libres).put(p)

    def calentar(self) -> None:
        """Wait until every process has warmed up, so the first letter is as fast as the rest."""
        colas = [self._libres] if self._libres_largas is self._libres else [self._libres,
                                                                             self._libres_largas]
        tomados = [(cola, cola.get()) for cola in colas for _ in range(cola.qsize())]
        try:
            for _, p in tomados:
                if not p.proceso.is_alive():
                    self._renovar(p)
                if not p.listo:
                    self._esperar_listo(p)
        finally:
            for cola, p in tomados:
                cola.put(p)

    def libres(self) -> int:
        """How many processes are waiting for a letter right now."""
        if self._libres_largas is self._libres:
            return self._libres.qsize()
        return self._libres.qsize() + self._libres_largas.qsize()

    def pids(self) -> list[int]:
        """The render processes' pids (for benches and tests), the long letters' process first."""
        with self._candado:
            return [p.proceso.pid for p in self._todos if p.proceso.pid is not None]

    def html_a_pdf(self, html: str, tipo: str, presupuesto: Presupuesto) -> bytes:
        """Render letter HTML to PDF in a free process, within `presupuesto`."""
        larga = paginas_minimas(html) >= PAGINAS_LARGA
        cola = self._libres_largas if larga else self._libres
        with self._candado:
            if cola.empty() and self._esperando >= self.en_cola:
                raise RenderizadorOcupado("Todos los procesos de PDF están ocupados y la cola está llena.")
            self._esperando += 1
        try:
            p = cola.get(timeout=self.espera)
        except queue.Empty:
            raise RenderizadorOcupado("Todos los procesos de PDF siguen ocupados.") from None
        finally:
            with self._candado:
                self._esperando -= 1
        try:
            if not p.proceso.is_alive():  # killed while idle: nothing of this letter was lost
                self._renovar(p)
            if not p.listo:
                self._esperar_listo(p)
            return self._pedir(p, (html, tipo, presupuesto), presupuesto)
        finally:
            cola.put(p)

    def cerrar(self) -> None:
        """Ask every process to stop and wait briefly for them; kill those that do not."""
        with self._candado:
            todos, self._todos = self._todos, []
        for p in todos:
            with contextlib.suppress(OSError):
                p.conexion.send(None)
        for p in todos:
            p.proceso.join(5)
            if p.proceso.is_alive():
                p.proceso.kill()
                p.proceso.join(5)
            p.conexion.close()

    def _pedir(self, p: _Proceso, pedido: Any, presupuesto: Presupuesto) -> bytes:
        """Have `p` draw one letter; renew `p` after anything but a PDF (the process then leaves)."""
        try:
            p.conexion.send(pedido)
            respuesta = p.conexion.recv() if p.conexion.poll(_respaldo(presupuesto)) else None
        except (EOFError, OSError):
            self._renovar(p)
            raise RenderizadorCaido("El proceso que generaba el PDF terminó inesperadamente.") from None
        if respuesta is None:
            # The process checks its budget at every page; this backstop is for one stuck elsewhere.
            self._renovar(p)
            raise PresupuestoExcedido("segundos", presupuesto.segundos)
        if respuesta[0] == "pdf":
            _, contenido, rss_kb = respuesta
            if rss_kb > self.rss_maximo_kb:
                self._renovar(p, matar=False)
            return contenido
        self._renovar(p)
        if respuesta[0] == "presupuesto":
            raise PresupuestoExcedido(respuesta[1], respuesta[2])
        if respuesta[0] == "no_disponible":
            raise RenderizadorNoDisponible(respuesta[1])
        raise RuntimeError(f"El proceso de PDF falló: {respuesta[1]}")

    def _esperar_listo(self, p: _Proceso) -> None:
        try:
            respuesta = p.conexion.recv() if p.conexion.poll(ARRANQUE_SEGUNDOS) else None
        except (EOFError, OSError):
            respuesta = None
        if respuesta is not None and respuesta[0] == "listo":
            p.listo = True
            return
        self._renovar(p)
        if respuesta is not None and respuesta[0] == "no_disponible":
            raise RenderizadorNoDisponible(respuesta[1])
        raise RenderizadorCaido("El proceso de PDF no pudo arrancar.")

    def _arrancar(self, cortesia: int) -> tuple[BaseProcess, Connection]:
        padre, hijo = self._contexto.Pipe()
        proceso = self._contexto.Process(target=servir, args=(hijo, cortesia), name="salida-pdf",
                                         daemon=True)
        proceso.start()
        hijo.close()
        return proceso, padre

    def _renovar(self, p: _Proceso, matar: bool = True) -> None:
        """Put a fresh process in `p`'s place: the old one is killed, or asked to leave when idle."""
        viejo, conexion = p.proceso, p.conexion
        if matar:
            if viejo.is_alive():
                viejo.kill()
            viejo.join(5)
        else:
            with contextlib.suppress(OSError):
                conexion.send(None)
        conexion.close()
        p.proceso, p.conexion = self._arrancar(p.cortesia)
        p.listo = False


def _respaldo(presupuesto: Presupuesto) -> float:
    """Wall-clock seconds after which a process that has not answered is killed."""
    return 30.0 + 6 * presupuesto.segundos


def _rss_kb() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def servir(conexion: Connection, cortesia: int = CORTESIA) -> None:
    """A render process: warm up, then draw letters until the pipe closes or a letter goes wrong."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent ends us
    os.nice(cortesia)
    from letters.pdf import html_a_pdf
    from letters.render import calentar

    try:
        calentar()
    except RenderizadorNoDisponible as exc:
        conexion.send(("no_disponible", str(exc)))
        return
    conexion.send(("listo", _rss_kb()))
    while True:
        try:
            pedido = conexion.recv()
        except (EOFError, OSError):
            return
        if pedido is None:
            return
        html, tipo, presupuesto = pedido
        try:
            contenido = html_a_pdf(html, tipo, presupuesto)
        except PresupuestoExcedido as exc:
            conexion.send(("presupuesto", exc.limite, exc.valor))
            return
        except RenderizadorNoDisponible as exc:
            conexion.send(("no_disponible", str(exc)))
            return
        except Exception as exc:  # reported to the caller; a fresh process takes this one's place
            conexion.send(("error", f"{type(exc).__name__}: {exc}"))
            return
        conexion.send(("pdf", contenido, _rss_kb()))


_pools: dict[tuple[int, float, int], PoolDeRender] = {}
_pools_pid = 0
_pools_candado = threading.Lock()


def del_proceso(procesos: int, espera: float = 30.0, en_cola: int = 4) -> PoolDeRender:
    """This serving process's pool of that size, started (not yet warm) on first call and after a
    fork (a server uses one size; tests may ask for several)."""
    global _pools_pid
    with _pools_candado:
        if _pools_pid != os.getpid():
            _pools.clear()  # a forked child does not own its parent's processes
            _pools_pid = os.getpid()
        pool = _pools.get((procesos, espera, en_cola))
        if pool is None:
            pool = _pools[(procesos, espera, en_cola)] = PoolDeRender(procesos, espera, en_cola=en_cola)
            pool.iniciar()
        return pool


def cerrar_todos() -> None:
    """Stop every pool this process started."""
    with _pools_candado:
        pools = list(_pools.values()) if _pools_pid == os.getpid() else []
        _pools.clear()
    for pool in pools:
        pool.cerrar()
