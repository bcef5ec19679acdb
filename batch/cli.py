"""`flask --app app lote …`, `reanudar …` and `lotes [importar …]`: batches from the command line."""

from __future__ import annotations

import io
import sys
import threading
import time
import zipfile
from datetime import date
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from batch import repositorio
from batch.ejecutores import (
    ColaNoResponde,
    Ejecutor,
    EjecutorCelery,
    EjecutorEmbebido,
    ejecutor_configurado,
)
from batch.evento import EventoMasivo, leer_evento
from batch.informe import escribir_zip
from batch.lectura import ArchivoIlegible
from batch.lote import TEXTO_CONSENTIMIENTO, lanzar, preparar_lote
from batch.paquete import estado_paquete, paquete_listo
from consola import confirmar
from rules import CasoInvalido
from rules.decision import TIPOS_CARTA
from store.db import BaseDeDatos, base_de_datos

SALIDA_ERROR = 2  # bad input
SALIDA_DETENIDO = 1  # the batch stopped (its tasks were lost): resume it
consola = Console(stderr=True, soft_wrap=True)


def _bd() -> BaseDeDatos:
    """The app's database (`DATABASE_URL` in its settings)."""
    return base_de_datos(current_app.config.get("DATABASE_URL"))


def _fallar(mensaje: str) -> None:
    consola.print(f"[bold red]Error:[/] {mensaje}", highlight=False)
    sys.exit(SALIDA_ERROR)


def _tipos(valor: str | None) -> list[str] | None:
    if not valor:
        return None
    tipos = [t.strip() for t in valor.split(",") if t.strip()]
    malos = [t for t in tipos if t not in TIPOS_CARTA]
    if malos:
        _fallar(f"--tipos: «{', '.join(malos)}» no es un tipo de carta; use {', '.join(TIPOS_CARTA)}.")
    return tipos


def _evento(ruta: Path | None) -> EventoMasivo | None:
    if ruta is None:
        return None
    try:
        return leer_evento(ruta.read_bytes())
    except OSError:
        _fallar(f"No se pudo leer el evento «{ruta}».")
    except CasoInvalido as exc:
        _fallar("El evento no es válido: " + "; ".join(str(e) for e in exc.errores))
    return None


def comando_reanudar(lote_id: str, salida: Path) -> str:
    """The command that resumes a batch."""
    return f"flask --app app reanudar {lote_id} -o {salida}"


def _perdido(avance: repositorio.Progreso, segundos: float, lote_id: str, salida: Path,
             sin_broker: bool) -> None:
    causa = ("la cola de Celery (Redis) no responde" if sin_broker else
             "no queda ninguna tarea del lote en la cola de Celery (¿se detuvieron los trabajadores o se "
             "reinició Redis sin guardar la cola?)")
    consola.print(
        f"[bold red]El lote se detuvo:[/] ninguna fila avanzó en {segundos:.0f} s y {causa}. "
        f"Faltan {avance.total - avance.hechas} de {avance.total} filas; las hechas están guardadas. "
        f"Con los trabajadores en marcha, continúe con:\n"
        f"  {comando_reanudar(lote_id, salida)}", highlight=False)
    sys.exit(SALIDA_DETENIDO)


def _esperar(bd: BaseDeDatos, lote_id: str, ejecutor: Ejecutor, salida: Path) -> None:
    """Show progress (a bar on a terminal) until every row has its result or the pool stops.

    On Celery, a batch with no row moving for `LOTE_ESPERA_SIN_AVANCE` seconds and none of its
    tasks left in the broker is reported as stopped (exit 1) instead of waited on forever.
    """
    hilo = threading.Thread(target=ejecutor.esperar, daemon=True)
    hilo.start()
    embebido = isinstance(ejecutor, EjecutorEmbebido)
    espera = float(current_app.config.get("LOTE_ESPERA_SIN_AVANCE", 60))
    avance = repositorio.progreso(bd, lote_id)
    firma, desde = None, time.monotonic()
    with Progress(TextColumn("Procesando filas"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=consola, disable=not consola.is_terminal) as barra:
        tarea = barra.add_task("filas", total=avance.total)
        while True:
            avance = repositorio.progreso(bd, lote_id)
            barra.update(tarea, completed=avance.hechas)
            if avance.terminado or (embebido and not hilo.is_alive()):
                break
            if (avance.pendientes, avance.en_proceso, avance.hechas) != firma:
                firma, desde = (avance.pendientes, avance.en_proceso, avance.hechas), time.monotonic()
            elif isinstance(ejecutor, EjecutorCelery) and time.monotonic() - desde >= espera:
                en_cola = ejecutor.tareas_en_cola(lote_id)
                if not en_cola:
                    barra.stop()
                    _perdido(avance, time.monotonic() - desde, lote_id, salida, en_cola is None)
            time.sleep(0.3)


def _correr(bd: BaseDeDatos, lote_id: str, salida: Path, trabajadores: int | None,
            reanudando: bool) -> None:
    ejecutor = ejecutor_configurado(current_app.config)
    if isinstance(ejecutor, EjecutorEmbebido) and trabajadores:
        ejecutor.trabajadores = trabajadores
    inicio = time.monotonic()
    try:
        try:
            lanzar(bd, lote_id, ejecutor, reanudando=reanudando)
        except ColaNoResponde:  # Celery could not publish: the broker does not answer
            consola.print("[bold red]No se pudo enviar el lote a la cola de Celery:[/] Redis no responde. "
                          f"Cuando responda, continúe con: {comando_reanudar(lote_id, salida)}",
                          highlight=False)
            sys.exit(SALIDA_DETENIDO)
        _esperar(bd, lote_id, ejecutor, salida)
        for _ in range(2):  # a pool worker killed mid-row leaves rows behind: resume them
            embebido = isinstance(ejecutor, EjecutorEmbebido)
            if repositorio.progreso(bd, lote_id).terminado or not embebido:
                break
            lanzar(bd, lote_id, ejecutor, reanudando=True)
            _esperar(bd, lote_id, ejecutor, salida)
    finally:
        if isinstance(ejecutor, EjecutorEmbebido):
            ejecutor.cerrar()
    repositorio.cerrar_si_termino(bd, lote_id)  # in case the last row's worker died before closing
    nombres = _guardar_paquete(bd, lote_id, salida)
    _resumen(repositorio.progreso(bd, lote_id), nombres, salida, time.monotonic() - inicio, lote_id)


ESPERA_PAQUETE = 300  # seconds to wait for a worker building the zip before building it here


def _guardar_paquete(bd: BaseDeDatos, lote_id: str, salida: Path) -> list[str]:
    """Write the zip the workers built when the batch ended (or build it now); return its names."""
    limite = time.monotonic() + ESPERA_PAQUETE
    while estado_paquete(bd, lote_id) == "preparando" and time.monotonic() < limite:
        time.sleep(0.2)  # the worker that ended the batch is writing it
    listo = paquete_listo(bd, lote_id)
    if listo is None:
        return escribir_zip(bd, lote_id, salida)
    salida.write_bytes(listo)
    with zipfile.ZipFile(io.BytesIO(listo)) as z:
        return z.namelist()


def _resumen(avance: repositorio.Progreso, nombres: list[str], salida: Path, segundos: float,
             lote_id: str) -> None:
    tabla = Table(title="Resumen del lote", show_header=False)
    cartas = sum(1 for n in nombres if n.startswith("cartas/"))
    for etiqueta, valor in (
        ("Filas", avance.total), ("Procesadas", avance.ok), ("Con errores", avance.error),
        ("Sin terminar", avance.total - avance.hechas), ("Cartas generadas", cartas),
        ("Tiempo", f"{segundos:.1f} s"), ("Archivo", str(salida)), ("Lote", lote_id),
    ):
        tabla.add_row(etiqueta, str(valor))
    Console().print(tabla)
    if not avance.terminado:
        consola.print(f"Quedaron filas sin terminar; continúe con: {comando_reanudar(lote_id, salida)}",
                      highlight=False)


@click.command("lote")
@click.argument("archivo", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--salida", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Archivo .zip de salida.")
@click.option("--evento", type=click.Path(path_type=Path, dir_okay=False),
              help="JSON con la falla masiva común (se aplica a las filas sin fallas propias).")
@click.option("--tipos", help="Cartas a generar, separadas por comas (por defecto: las sugeridas).")
@click.option("--fecha", type=click.DateTime(["%Y-%m-%d"]),
              help="Fecha de evaluación para filas sin fecha (por defecto: hoy en Colombia).")
@click.option("--trabajadores", type=int,
              help="Procesos del ejecutor embebido (por defecto: uno por núcleo).")
@click.option("--combinado", is_flag=True,
              help="Agrega impresion.pdf: todas las cartas en un PDF con índice, para imprimir.")
@click.option("--declaro-autorizacion", is_flag=True,
              help="Declara que tiene la autorización de cada titular (Ley 1581 de 2012).")
@click.option("--declarante", default="línea de comandos", help="Quién hace la declaración.")
@click.option("--organizacion", "organizacion_id", type=int,
              help="Id de la organización dueña del lote (sus cuentas lo ven e importan en el panel).")
@with_appcontext
def lote_cli(archivo: Path, salida: Path, evento: Path | None, tipos: str | None, fecha: object,
             trabajadores: int | None, combinado: bool, declaro_autorizacion: bool,
             declarante: str, organizacion_id: int | None) -> None:
    """Genera las cartas de un archivo CSV o XLSX de casos y las empaca en un .zip."""
    lista_tipos = _tipos(tipos)
    evento_masivo = _evento(evento)
    bd = _bd()
    if organizacion_id is not None:
        _organizacion(bd, organizacion_id)
    if not declaro_autorizacion:
        if not sys.stdin.isatty():
            _fallar("Debe declarar que cuenta con la autorización de cada titular: "
                    "use --declaro-autorizacion.")
        if not confirmar(TEXTO_CONSENTIMIENTO + " ¿Lo declara?", err=True):
            _fallar("Sin esa declaración no se procesan datos personales.")
    try:
        datos = archivo.read_bytes()
    except OSError:
        _fallar(f"No se pudo leer el archivo «{archivo}».")
    dia = fecha.date() if fecha is not None else None  # type: ignore[attr-defined]
    duenos = repositorio.Duenos(archivo=archivo.name, origen="cli", organizacion_id=organizacion_id)
    try:
        lote_id = preparar_lote(bd, archivo.name, datos, "cli", declarante, lista_tipos,
                                evento_masivo, dia if isinstance(dia, date) else None,
                                combinado=combinado, duenos=duenos)
    except ArchivoIlegible as exc:
        _fallar(str(exc))
    consola.print(f"Lote {lote_id}. Si se interrumpe, continúe con: {comando_reanudar(lote_id, salida)}",
                  highlight=False)
    _correr(bd, lote_id, salida, trabajadores, reanudando=False)


@click.command("reanudar")
@click.argument("lote_id")
@click.option("-o", "--salida", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Archivo .zip de salida.")
@click.option("--trabajadores", type=int, help="Procesos del ejecutor embebido.")
@with_appcontext
def reanudar_cli(lote_id: str, salida: Path, trabajadores: int | None) -> None:
    """Reanuda un lote interrumpido: cada fila termina con exactamente un resultado."""
    bd = _bd()
    if repositorio.lote_de(bd, lote_id) is None:
        _fallar(f"No existe el lote «{lote_id}».")
    _correr(bd, lote_id, salida, trabajadores, reanudando=True)


def _organizacion(bd: BaseDeDatos, organizacion_id: int) -> str:
    from store.casos import Organizacion

    with bd.sesiones() as s:
        org = s.get(Organizacion, organizacion_id)
        if org is None:
            _fallar(f"--organizacion: no existe la organización {organizacion_id} "
                    "(créela con «flask --app app cuentas organizacion NOMBRE»).")
        return org.nombre  # type: ignore[union-attr]


ESTADOS_LOTE = {"pendiente": "pendiente", "en_curso": "en curso", "terminado": "terminado",
                "cancelado": "cancelado"}


@click.group("lotes", invoke_without_command=True)
@click.option("--organizacion", "organizacion_id", type=int, help="Solo los lotes de esta organización.")
@click.pass_context
@with_appcontext
def lotes_cli(ctx: click.Context, organizacion_id: int | None) -> None:
    """Lista los lotes (id, archivo, filas, estado, dueño, fecha); «lotes importar» los vuelve casos."""
    if ctx.invoked_subcommand is not None:
        return
    bd = _bd()
    if organizacion_id is not None:
        _organizacion(bd, organizacion_id)
    filas = repositorio.listar(bd, organizacion_id)
    if not filas:
        click.echo("No hay lotes.")
        return
    tabla = Table(title="Lotes", show_lines=False)
    for titulo in ("Lote", "Archivo", "Filas", "Estado", "Dueño", "Fecha (UTC)", "Casos"):
        tabla.add_column(titulo, overflow="fold")
    for f in filas:
        tabla.add_row(f.id, f.archivo, str(f.filas), ESTADOS_LOTE.get(f.estado, f.estado), f.dueno,
                      f.creado.strftime("%d/%m/%Y %H:%M"), "importado" if f.importado else "")
    Console(width=200).print(tabla)


@lotes_cli.command("importar")
@click.argument("lote_id")
@click.option("--organizacion", "organizacion_id", type=int, required=True,
              help="Id de la organización que sigue los casos.")
@click.option("--declaro-autorizacion", is_flag=True,
              help="Declara que cada titular autorizó el seguimiento de su caso (Ley 1581 de 2012).")
@with_appcontext
def importar_cli(lote_id: str, organizacion_id: int, declaro_autorizacion: bool) -> None:
    """Importa las filas válidas de un lote terminado como casos de la organización (una vez cada una)."""
    from casos.lotes import LoteNoImportable, desde_lote
    from casos.textos import TEXTO_LOTE

    bd = _bd()
    nombre = _organizacion(bd, organizacion_id)
    lote = repositorio.lote_de(bd, lote_id)
    if lote is None:
        _fallar(f"No existe el lote «{lote_id}».")
    assert lote is not None
    if lote.estado not in ("terminado", "cancelado"):
        _fallar(f"El lote «{lote_id}» aún no termina; continúe con «flask --app app reanudar {lote_id} "
                "-o cartas.zip» o espere a que termine.")
    if not declaro_autorizacion:
        if not sys.stdin.isatty():
            _fallar("Debe declarar que cada titular autorizó el seguimiento: use --declaro-autorizacion.")
        if not confirmar(TEXTO_LOTE + " ¿Lo declara?", err=True):
            _fallar("Sin esa declaración no se guardan casos.")
    try:
        nuevos = desde_lote(bd, lote_id, organizacion_id, declarante=f"línea de comandos ({nombre})")
    except LoteNoImportable as exc:
        _fallar(str(exc))
    click.echo(f"{nuevos} casos importados en «{nombre}».")


COMANDOS = (lote_cli, reanudar_cli, lotes_cli)
