"""Runners behind one interface: an in-process pool (default) or Celery workers (distributed).

Both hand chunks of row ids to `procesar_bloque`, which claims each row, processes it and stores
its one result in the shared database; progress is read from the database, not from the runner.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, cast

from batch import AJUSTES, repositorio
from batch.proceso import LIMITE_SEGUNDOS_FILA, procesar
from store.db import BaseDeDatos, base_de_datos
from store.models import Combinado, Lote
from web.config import REDIS_POR_DEFECTO

TAMANO_BLOQUE = 8  # rows per chunk at most
BLOQUES_POR_TRABAJADOR = 8  # at least, when the batch is big enough: the last chunk is short
TAREAS_POR_TRABAJADOR = 40  # chunks per worker before its pool is renewed (bounded memory)


def procesar_bloque(url_bd: str | None, lote_id: str, fila_ids: list[int],
                    segundos: int = LIMITE_SEGUNDOS_FILA) -> int:
    """Claim and process each row of a chunk; return how many results this call stored."""
    bd = base_de_datos(url_bd)
    with bd.sesiones() as s:
        lote = s.get(Lote, lote_id)
        tipos = None if lote is None else lote.tipos
        combinado = lote is not None and lote.combinado
    hechas = 0
    impresion: list[tuple[int, str, Any]] = []
    for fila_id in fila_ids:
        reclamo = repositorio.reclamar(bd, fila_id)
        if reclamo is None:
            continue  # done, cancelled, or being processed elsewhere
        ficha, fila = reclamo
        maquetados: list[tuple[int, str, Any]] | None = [] if combinado else None
        resultado = procesar(fila.numero, fila.caso or {}, fila.tipos or tipos, segundos, maquetados)
        if repositorio.terminar(bd, fila_id, ficha, resultado.estado, resultado.resumen,
                                resultado.documentos, resultado.errores):
            hechas += 1
            impresion += maquetados or []
    if impresion:
        _combinar(bd, lote_id, impresion)
    if hechas and repositorio.progreso(bd, lote_id).estado == "terminado":
        from batch.paquete import preparar_paquete

        try:  # on this worker: the download is ready when the batch ends
            preparar_paquete(bd, lote_id)
        except Exception:  # the download builds the zip itself if the stored one is missing
            logging.getLogger("salida.lotes").exception("paquete del lote no preparado")
    return hechas


def _combinar(bd: BaseDeDatos, lote_id: str, impresion: list[tuple[int, str, Any]]) -> None:
    """Record the page count of each of the chunk's letters, for the printing PDF's index and its
    odd-page starts (the pages themselves are taken from each letter's own PDF when packing)."""
    paginas = [[numero, tipo, cuantas] for numero, tipo, cuantas in impresion]
    with bd.sesiones.begin() as s:
        s.add(Combinado(lote_id=lote_id, contenido=b"", paginas=paginas))


def tamano_bloque(filas: int, trabajadores: int) -> int:
    """Rows per chunk: `TAMANO_BLOQUE`, smaller for a small batch so that no worker idles long at
    its end while another finishes a whole chunk alone."""
    return max(1, min(TAMANO_BLOQUE, math.ceil(filas / (trabajadores * BLOQUES_POR_TRABAJADOR))))


def bloques(ids: list[int], tamano: int = TAMANO_BLOQUE) -> Iterable[list[int]]:
    """Split row ids into chunks."""
    for i in range(0, len(ids), tamano):
        yield ids[i:i + tamano]


def _vigilar_padre(padre: int) -> None:
    # A pool worker whose parent died (web server killed) would otherwise wait forever.
    while os.getppid() == padre:
        time.sleep(2)
    os._exit(0)


def iniciar_trabajador() -> None:
    """Pool worker start-up: exit with the parent process, then warm up."""
    threading.Thread(target=_vigilar_padre, args=(os.getppid(),), daemon=True).start()
    calentar_trabajador()


def calentar_trabajador() -> None:
    """Warm a worker once (fonts, parsed CSS, the row's evaluation and report line) so the first row
    is not slower than the rest."""
    try:
        import letters
        from batch.proceso import calentar

        calentar()
        letters.calentar()  # last: it freezes what was built so far out of the collector's scans
    except Exception:  # a worker that cannot warm up still processes rows (and reports errors)
        pass


class Ejecutor(Protocol):
    """Sends a batch's pending rows to workers."""

    def enviar(self, lote_id: str, fila_ids: list[int]) -> None:
        """Hand the rows to workers; returns at once."""

    def esperar(self) -> None:
        """Block until the rows sent by this process are done (or handed off)."""


class EjecutorEmbebido:
    """An in-process pool of worker processes, one per core, renewed every few chunks.

    Workers are recycled by generations: a pool processes at most `TAREAS_POR_TRABAJADOR` chunks
    per worker, then a fresh pool takes over (bounded memory; Python 3.11's own per-worker
    recycling can hang). A pool broken by a dying worker is replaced; rows it held are resumed by
    `reanudar`.
    """

    def __init__(self, url_bd: str | None = None, trabajadores: int | None = None) -> None:
        self.url_bd = url_bd
        self.trabajadores = trabajadores or os.cpu_count() or 1
        self._cola: queue.Queue[tuple[str, list[int]]] = queue.Queue()
        self._hilo: threading.Thread | None = None
        self._candado = threading.Lock()
        self._caliente: ProcessPoolExecutor | None = None

    def _nuevo_grupo(self) -> ProcessPoolExecutor:
        # spawn: workers never inherit the parent's connections, threads or locks.
        return ProcessPoolExecutor(max_workers=self.trabajadores,
                                   mp_context=multiprocessing.get_context("spawn"),
                                   initializer=iniciar_trabajador)

    def iniciar(self) -> None:
        """Start and warm the first generation's workers now."""
        with self._candado:
            if self._caliente is None:
                self._caliente = self._nuevo_grupo()
            grupo = self._caliente
        wait([grupo.submit(os.getpid) for _ in range(self.trabajadores * 2)])

    def enviar(self, lote_id: str, fila_ids: list[int]) -> None:
        """Queue the rows in chunks; a background thread feeds them to generations of pools."""
        repositorio.marcar_en_curso(base_de_datos(self.url_bd), lote_id)
        for bloque in bloques(fila_ids, tamano_bloque(len(fila_ids), self.trabajadores)):
            self._cola.put((lote_id, bloque))
        with self._candado:
            if self._hilo is None or not self._hilo.is_alive():
                self._hilo = threading.Thread(target=self._alimentar, daemon=True)
                self._hilo.start()

    def _alimentar(self) -> None:
        limite = self.trabajadores * TAREAS_POR_TRABAJADOR
        while True:
            generacion: list[tuple[str, list[int]]] = []
            while len(generacion) < limite:
                try:
                    generacion.append(self._cola.get_nowait())
                except queue.Empty:
                    break
            if not generacion:
                with self._candado:
                    if self._cola.empty():
                        self._hilo = None
                        return
                continue
            with self._candado:
                grupo, self._caliente = self._caliente or self._nuevo_grupo(), None
            try:
                wait([grupo.submit(procesar_bloque, self.url_bd, lote, b) for lote, b in generacion])
            except BrokenProcessPool:
                pass  # a worker died: its rows stay claimed until `reanudar`
            except RuntimeError:
                # The process is exiting (no new pool can start): unsent rows stay pending, and a
                # later `reanudar` sends them.
                with self._candado:
                    self._hilo = None
                return
            finally:
                grupo.shutdown(wait=True, cancel_futures=True)

    def esperar(self) -> None:
        """Wait until every chunk queued by this process has been handed to a pool and finished."""
        while True:
            with self._candado:
                hilo = self._hilo
            if hilo is None:
                return
            hilo.join()

    def cerrar(self) -> None:
        """Stop the warm pool, if one is waiting."""
        with self._candado:
            grupo, self._caliente = self._caliente, None
        if grupo is not None:
            grupo.shutdown(wait=True, cancel_futures=True)


class ColaNoResponde(Exception):
    """The broker (Redis) did not take the batch's chunks; the batch stays stored, to be resumed."""


class EjecutorCelery:
    """Chunks sent through the broker (Redis) to any number of `celery worker` processes."""

    def __init__(self, url_bd: str | None, broker: str, cola: str) -> None:
        from batch.celery_app import crear

        self.url_bd = url_bd
        self.celery = crear(broker, cola)  # without Celery installed: a Spanish start-up error

    def enviar(self, lote_id: str, fila_ids: list[int]) -> None:
        """Queue one task per chunk; `ColaNoResponde` if the broker does not answer."""
        from kombu.exceptions import OperationalError

        from batch.celery_app import TAREA

        repositorio.marcar_en_curso(base_de_datos(self.url_bd), lote_id)
        try:
            for bloque in bloques(fila_ids):
                self.celery.send_task(TAREA, args=(lote_id, bloque))
        except OperationalError as exc:
            raise ColaNoResponde(str(exc)) from exc

    def esperar(self) -> None:
        """Workers run elsewhere: progress is read from the database."""

    def tareas_en_cola(self, lote_id: str) -> int | None:
        """How many of the batch's chunks the broker still holds (waiting, or taken but unacked);
        None if the broker does not answer.

        With late acks a chunk stays `unacked` until its worker finishes it, so zero means no
        worker has or will get any of this batch's rows: its tasks were done or lost.
        """
        import redis

        cola = self.celery.conf.task_default_queue
        cliente = redis.Redis.from_url(self.celery.conf.broker_url, socket_connect_timeout=5,
                                       socket_timeout=10)
        try:
            mensajes: list[bytes] = []
            for prioridad in (0, 3, 6, 9):  # kombu's priority steps: one list per step
                clave = cola if not prioridad else f"{cola}\x06\x16{prioridad}"
                mensajes += cast("list[bytes]", cliente.lrange(clave, 0, -1))  # no decode_responses
            mensajes += cast("list[bytes]", cliente.hvals("unacked"))
        except redis.RedisError:
            return None
        finally:
            cliente.close()
        marca = lote_id.encode()  # the task's arguments are in each message's headers
        return sum(marca in m for m in mensajes)


EJECUTORES = ("embebido", "celery")


def ejecutor_configurado(config: Mapping[str, Any]) -> EjecutorEmbebido | EjecutorCelery:
    """The runner the settings choose (`create_app`'s config): Celery when `CELERY_BROKER_URL` is
    set or `EJECUTOR` is "celery", else the in-process pool; a Spanish error for anything else."""
    ajustes = {**AJUSTES, **config}
    eleccion = str(ajustes["EJECUTOR"] or "")
    if eleccion and eleccion not in EJECUTORES:
        raise RuntimeError(f"SALIDA_EJECUTOR={eleccion} no es un ejecutor de lotes: use "
                           f"{' o '.join(EJECUTORES)}, o no la defina (elige según CELERY_BROKER_URL).")
    broker = ajustes["CELERY_BROKER_URL"]
    if eleccion == "celery" or (not eleccion and broker):
        return EjecutorCelery(ajustes["DATABASE_URL"], broker or REDIS_POR_DEFECTO, ajustes["CELERY_COLA"])
    return EjecutorEmbebido(ajustes["DATABASE_URL"])
