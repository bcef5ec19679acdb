"""Commands for cron and for whoever runs the installation: reminders, retention purge, data subjects'
rights, and advocate accounts. Output names cases by id, never by person."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import select

from casos import autenticacion as auth
from casos import datos as derechos
from casos import recordatorios as rec
from casos.revision import revisar
from consola import confirmar
from presentacion import hoy_en_bogota
from store.casos import Cuenta
from store.db import BaseDeDatos, base_de_datos, compactar


def _bd() -> BaseDeDatos:
    return base_de_datos(current_app.config.get("DATABASE_URL"))


def _hoy() -> date:
    """Today in Colombia, or the fixed date of `SALIDA_FECHA_HOY` (reproducible runs and tests)."""
    fija = current_app.config.get("FECHA_HOY")
    return date.fromisoformat(str(fija)) if fija else hoy_en_bogota()


def _dias_antes() -> tuple[int, ...]:
    valor = current_app.config["RECORDATORIOS_DIAS"]
    partes = valor if isinstance(valor, list | tuple) else str(valor).split(",")
    return tuple(sorted({int(p) for p in partes if str(p).strip() != ""}, reverse=True))


@click.command("recordatorios")
@click.option(
    "--fecha",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Fecha de la revisión (por defecto, hoy). Una fecha futura es una simulación: muestra lo que "
    "se enviaría, sin guardar ningún estado ni enviar correos.",
)
@click.option(
    "--procesos", type=int, default=None, help="Procesos para evaluar (por defecto, uno por núcleo)."
)
@with_appcontext
def recordatorios(fecha: datetime | None, procesos: int | None) -> None:
    """Re-evaluate every open case and send (or, without SMTP, list) the reminders due."""
    hoy_real = _hoy()
    hoy: date = fecha.date() if fecha else hoy_real
    simulacion = hoy > hoy_real
    bd = _bd()
    r = revisar(bd, hoy, _dias_antes(), procesos, escribir=not simulacion)
    if simulacion:
        click.echo(f"Simulación al {hoy:%d/%m/%Y}: no se guarda ningún estado ni se envía ningún correo.")
    click.echo(
        f"Casos abiertos revisados: {r.casos} en {r.segundos:.1f} s ({r.por_segundo:,.0f} por segundo); "
        f"cambiaron: {r.cambiados}; con error: {r.errores}."
    )
    cfg = current_app.config
    with bd.sesiones.begin() as s:
        mensajes, sin_destino = rec.mensajes(s, r.avisos, hoy, cfg.get("URL_PUBLICA") or "")
        if simulacion or not rec.smtp_configurado(cfg):
            if not simulacion:
                click.echo(f"SMTP sin configurar (SALIDA_SMTP_HOST): {len(mensajes)} correo(s) por enviar.")
            for m in mensajes:
                for a in m.avisos:
                    click.echo(f"  caso {a.caso_id} → {m.destino}: {a.texto}")
        else:
            try:
                enviados = rec.enviar(cfg, mensajes)
            except rec.ErrorCorreo as exc:
                click.echo(f"Error: {exc} No se envió ningún correo; se intentará de nuevo en la próxima "
                           "ejecución.", err=True)
                sys.exit(1)
            n = rec.marcar_enviados(s, enviados)
            click.echo(f"Correos enviados: {len(enviados)} de {len(mensajes)} ({n} recordatorios).")
        for a in sin_destino:
            click.echo(f"  caso {a.caso_id} → sin correo para avisos: {a.texto}")


@click.command("purgar")
@click.option("--simular", is_flag=True, help="Solo decir qué se borraría.")
@with_appcontext
def purgar(simular: bool) -> None:
    """Delete saved cases and batches older than the retention periods in configuration."""
    cfg = current_app.config
    plazos = derechos.Retencion(
        int(cfg["RETENCION_DIAS"]), int(cfg["RETENCION_CERRADOS_DIAS"]), int(cfg["RETENCION_LOTES_DIAS"])
    )
    bd = _bd()
    with bd.sesiones.begin() as s:
        casos, lotes = derechos.purgar(s, plazos, simular)
    if not simular:
        compactar(bd.motor, derechos.TABLAS_PURGADAS)  # PostgreSQL: VACUUM; SQLite: truncate the log
    verbo = "Se borrarían" if simular else "Borrados"
    click.echo(
        f"{verbo}: {len(casos)} caso(s) y {len(lotes)} lote(s) (retención: casos {plazos.casos} días, "
        f"cerrados {plazos.cerrados}, lotes {plazos.lotes})."
    )
    if casos:
        click.echo("Casos: " + ", ".join(str(c) for c in casos))


titular = AppGroup("titular", help="Derechos del titular (Ley 1581 de 2012): exportar o borrar sus datos.")


def _quien(tipo: str, numero: str) -> derechos.Titular:
    return derechos.Titular(tipo.upper(), numero.strip())


@titular.command("exportar")
@click.option(
    "--tipo", required=True, type=click.Choice(["CC", "CE", "PA", "NIT", "PPT"], case_sensitive=False)
)
@click.option("--numero", required=True, help="Número del documento.")
@click.option(
    "-o", "--salida", type=click.Path(dir_okay=False, path_type=Path), help="Archivo JSON (o la pantalla)."
)
def exportar(tipo: str, numero: str, salida: Path | None) -> None:
    """Everything stored about one person, as JSON."""
    with _bd().sesiones() as s:
        datos = derechos.exportar_titular(s, _quien(tipo, numero))
    texto = json.dumps(datos, ensure_ascii=False, indent=2)
    if salida:
        salida.write_text(texto, encoding="utf-8")
        click.echo(
            f"{len(datos['casos_guardados'])} caso(s) y {len(datos['filas_de_lotes'])} fila(s) de lotes.",
            err=True,
        )
    else:
        click.echo(texto)


@titular.command("borrar")
@click.option(
    "--tipo", required=True, type=click.Choice(["CC", "CE", "PA", "NIT", "PPT"], case_sensitive=False)
)
@click.option("--numero", required=True, help="Número del documento.")
@click.option("--si", "confirmado", is_flag=True, help="No preguntar.")
def borrar(tipo: str, numero: str, confirmado: bool) -> None:
    """Delete everything about one person: saved cases, batch rows and their letters."""
    if not confirmado and not confirmar("Se borrarán todos sus casos y filas de lotes. ¿Continuar?"):
        raise click.Abort
    with _bd().sesiones.begin() as s:
        casos, filas = derechos.borrar_titular(s, _quien(tipo, numero))
    click.echo(f"Borrados: {casos} caso(s); vaciadas: {filas} fila(s) de lotes.")


@titular.command("huellas")
def huellas() -> None:
    """Recompute every saved case's data-subject index with the current key (SALIDA_CLAVE_TITULAR)."""
    with _bd().sesiones.begin() as s:
        n = derechos.recalcular_huellas(s)
    click.echo(f"Índices de titular recalculados: {n} caso(s).")


cuentas = AppGroup("cuentas", help="Organizaciones y cuentas de defensores.")


@cuentas.command("organizacion")
@click.argument("nombre")
def organizacion(nombre: str) -> None:
    """Create an organisation; print its id."""
    click.echo(auth.crear_organizacion(_bd(), nombre))


@cuentas.command("crear")
@click.option("--organizacion", "organizacion_id", type=int, required=True)
@click.option("--correo", required=True)
@click.option("--nombre", required=True)
@click.option("--clave-stdin", is_flag=True, help="Leer la contraseña de la entrada estándar.")
def crear(organizacion_id: int, correo: str, nombre: str, clave_stdin: bool) -> None:
    """Create an advocate account (the password is asked, never passed as an argument)."""
    clave = (
        sys.stdin.readline().rstrip("\n")
        if clave_stdin
        else click.prompt("Contraseña", hide_input=True, confirmation_prompt=True)
    )
    try:
        click.echo(auth.crear_cuenta(_bd(), organizacion_id, correo, nombre, clave))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None  # exit code 2: bad input, with the reason


@cuentas.command("desactivar")
@click.option("--correo", required=True)
def desactivar(correo: str) -> None:
    """Deactivate an account (its sessions end at once)."""
    with _bd().sesiones.begin() as s:
        cuenta = s.scalar(select(Cuenta).where(Cuenta.correo == auth.normalizar_correo(correo)))
        if cuenta is None:
            raise click.ClickException("No hay una cuenta con ese correo.")
        cuenta.activa = False
    click.echo("Cuenta desactivada.")


COMANDOS = (recordatorios, purgar, titular, cuentas)
