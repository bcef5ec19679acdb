"""A batch from end to end: read the spreadsheet, store the rows, send them to a runner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from batch import repositorio
from batch.columnas import columna, problema_de_columna
from batch.conversion import ErrorFila, FilaLeida, es_referencia, leer_fila
from batch.ejecutores import EjecutorCelery, EjecutorEmbebido
from batch.evento import EventoMasivo
from batch.lectura import ArchivoIlegible, leer_hoja
from store.db import BaseDeDatos

VERSION_POLITICA = "2026-11"
TEXTO_CONSENTIMIENTO = (
    "Declaro que cuento con la autorización previa, expresa e informada de cada titular cuyos "
    "datos incluyo en este archivo para tratarlos con el fin de preparar sus cartas (Ley 1581 de 2012)."
)


def hoy_en_bogota() -> date:
    """Today's date in Colombia: the default evaluation date of a batch (read at the door)."""
    return datetime.now(ZoneInfo("America/Bogota")).date()


def consentimiento(declarante: str) -> dict[str, Any]:
    """The attestation recorded with a batch: text, policy version, time and who attested."""
    return {"texto": TEXTO_CONSENTIMIENTO, "version_politica": VERSION_POLITICA,
            "fecha": datetime.now(ZoneInfo("UTC")).isoformat(timespec="seconds"),
            "declarante": declarante}


def _filas(hoja_filas: Iterator[tuple[int, dict[str, Any]]], fecha: date,
           evento: EventoMasivo | None, limite: int | None) -> Iterator[FilaLeida]:
    vistas: dict[tuple[str, str], int] = {}
    for cuenta, (numero, celdas) in enumerate(hoja_filas, start=1):
        if limite is not None and cuenta > limite:
            raise ArchivoIlegible(f"El archivo tiene más de {limite} filas; divídalo en varios.")
        yield sin_repetir(leer_fila(numero, celdas, fecha, evento), vistas)


def sin_repetir(leida: FilaLeida, vistas: dict[tuple[str, str], int]) -> FilaLeida:
    """A second valid row with the same document and contract: flagged, no letters, no case (its
    case is kept only so that the subscriber's data can be found, exported and erased)."""
    clave = leida.clave_duplicado()
    if clave is None:
        return leida
    primera = vistas.setdefault(clave, leida.numero)
    if primera != leida.numero:
        leida.errores = [ErrorFila(leida.numero, "numero_contrato", mensaje_repetida(primera))]
    return leida


def mensaje_repetida(primera: int) -> str:
    """Why a repeated row got no letters."""
    return (f"Fila repetida: el mismo número de documento y de contrato que la fila {primera}; "
            "no se generaron cartas de nuevo y se importa una sola vez.")


def revisar_cabeceras(cabeceras: list[str]) -> None:
    """Refuse a header row naming groups beyond the model's limits, before any row is read."""
    problemas = [(c, m) for c in cabeceras if (m := problema_de_columna(c))]
    if problemas:
        detalle = " ".join(f"Columna «{_corta(c)}»: {m}" for c, m in problemas[:5])
        resto = f" (y {len(problemas) - 5} columnas más)" if len(problemas) > 5 else ""
        raise ArchivoIlegible(f"{detalle}{resto} No se leyó ninguna fila.")


def _corta(nombre: str) -> str:
    return nombre if len(nombre) <= 40 else nombre[:20] + "…" + nombre[-12:]


def preparar_lote(bd: BaseDeDatos, nombre: str, datos: bytes, propietario: str,
                  declarante: str, tipos: list[str] | None = None,
                  evento: EventoMasivo | None = None, fecha: date | None = None,
                  limite_filas: int | None = None, combinado: bool = False,
                  duenos: repositorio.Duenos | None = None) -> str:
    """Read and store a spreadsheet as a batch; raise `ArchivoIlegible` if the file can't be read."""
    hoja = leer_hoja(nombre, datos)
    revisar_cabeceras(hoja.cabeceras)
    desconocidas = [c for c in hoja.cabeceras if c and columna(c) is None and not es_referencia(c)]
    errores = [{"fila": 1, "columna": c, "mensaje": "Columna desconocida: se ignoró."}
               for c in desconocidas]
    if not any(columna(c) for c in hoja.cabeceras):
        raise ArchivoIlegible("La primera fila no tiene los nombres de columna de la plantilla.")
    filas = _filas(hoja.filas, fecha or hoy_en_bogota(), evento, limite_filas)
    return repositorio.crear_lote(
        bd, filas, propietario, consentimiento(declarante), tipos=tipos,
        evento=None if evento is None else evento.model_dump(mode="json"), errores_archivo=errores,
        combinado=combinado, duenos=duenos or repositorio.Duenos(archivo=nombre),
    )


def lanzar(bd: BaseDeDatos, lote_id: str, ejecutor: EjecutorEmbebido | EjecutorCelery,
           reanudando: bool = False, pausa: timedelta | None = None) -> int:
    """Send the batch's pending rows to the runner; return how many were sent.

    Resuming with `pausa` sends nothing unless the batch has been stopped that long.
    """
    ids = repositorio.reanudar(bd, lote_id, pausa) if reanudando else repositorio.pendientes(bd, lote_id)
    if ids:
        ejecutor.enviar(lote_id, ids)
    else:
        repositorio.marcar_en_curso(bd, lote_id)
        repositorio.cerrar_si_termino(bd, lote_id)
    return len(ids)
