"""One row's work: evaluate its case and render its letters; any failure becomes that row's error."""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rules import Caso, Decision, evaluar

LIMITE_SEGUNDOS_FILA = 120
registro = logging.getLogger("salida.lotes")


class FilaDemorada(TimeoutError):
    """A row took longer than its time limit."""


@dataclass
class ResultadoFila:
    """What processing one row produced: its state, report line, documents and errors."""

    estado: str
    resumen: dict[str, Any] | None = None
    documentos: list[tuple[str, str, bytes, str | None]] = field(default_factory=list)
    errores: list[dict[str, Any]] | None = None


@contextlib.contextmanager
def limite_de_tiempo(segundos: int) -> Iterator[None]:
    """Raise `FilaDemorada` if the block runs longer than `segundos` (main thread only)."""
    if segundos <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _vencido(_sig: int, _frame: Any) -> None:
        raise FilaDemorada()

    anterior = signal.signal(signal.SIGALRM, _vencido)
    signal.setitimer(signal.ITIMER_REAL, segundos)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, anterior)


def _registrar(numero: int, exc: BaseException) -> None:
    # Only the kind of error and where it happened: messages may carry personal data.
    marco = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    lugar = f"{Path(marco.filename).name}:{marco.lineno}" if marco else "?"
    registro.error("fila %s: %s en %s", numero, type(exc).__name__, lugar)


def nombre_documento(numero: int, tipo: str) -> str:
    """`0042_terminacion.pdf`: the row number and the kind, never personal data."""
    return f"{numero:04d}_{tipo}.pdf"


def _faltantes(decision: Decision) -> list[str]:
    """The facts that would change the answer: the question, and the column that answers it."""
    from batch.columnas import nombre_de_ruta
    from web.presentacion import faltantes

    textos = []
    for f in faltantes(decision):
        columna = ("valor_<servicio>" if f.ruta.startswith("contrato.valores_por_servicio")
                   else nombre_de_ruta(f.ruta))
        textos.append(f"{f.pregunta} (columna {columna})")
    return textos


def _sin_respuesta(caso: Caso | None, plazo: Any) -> bool:
    """Whether the PQR behind an answer term is still unanswered (an answered one has no term)."""
    if plazo.id != "respuesta_pqr" or caso is None or plazo.reclamacion is None:
        return True
    indice = plazo.reclamacion
    return not (0 <= indice < len(caso.reclamaciones)) or caso.reclamaciones[indice].fecha_respuesta is None


def resumen(decision: Decision, cartas: list[str], no_disponibles: dict[str, str],
            caso: Caso | None = None) -> dict[str, Any]:
    """One report line of a row's decision (no personal data)."""
    perm, term = decision.permanencia, decision.terminacion
    plazos: dict[str, str] = {}
    for p in decision.plazos:
        if p.vence is not None and p.id not in plazos and _sin_respuesta(caso, p):
            plazos[p.id] = p.vence.isoformat()
    sap = [s.desde.isoformat() for s in decision.silencio_positivo if s.aplica and s.desde]
    return {
        "puede_terminar_sin_penalidad": {True: "sí", False: "no", None: "por definir"}[
            term.sin_penalidad],
        "fuerza": perm.fuerza or "",
        "permanencia_valor_maximo": perm.valor_maximo if perm.existe else 0,
        "permanencia_si_no_prospera": perm.valor_proporcional,
        "compensacion_estimada": decision.compensacion.valor_estimado_total,
        "fecha_limite_aviso": term.fecha_limite_aviso.isoformat() if term.fecha_limite_aviso else "",
        "fecha_efectiva_terminacion": term.fecha_efectiva.isoformat() if term.fecha_efectiva else "",
        "vence_respuesta_pqr": plazos.get("respuesta_pqr", ""),
        "silencio_positivo_desde": sap[0] if sap else "",
        "vence_recurso": plazos.get("recurso", ""),
        "cartas": cartas,
        "cartas_no_disponibles": no_disponibles,
        "faltantes": decision.faltantes,
        "faltantes_texto": _faltantes(decision),
        "sugeridas": list(decision.cartas_sugeridas),
        # Operator + services decide the legal addressee (Tigo fixed → UNE); a mixed bundle is flagged.
        "destinatario": decision.destinatario.clave if decision.destinatario else "",
        "destinatario_confirmar": (decision.destinatario.motivo or ""
                                   if decision.destinatario and decision.destinatario.confirmar else ""),
    }


def calentar() -> None:
    """Warm the row path of this process: evaluate the seed case and write its report line (which
    imports the form's labels for the missing facts), so the first real row costs what the others do."""
    from importlib.resources import files

    from rules import validar_caso

    caso = validar_caso((files("rules") / "ejemplos" / "semilla.json").read_bytes())
    resumen(evaluar(caso), [], {}, caso)


def procesar(numero: int, datos: dict[str, Any], tipos: list[str] | None,
             segundos: int = LIMITE_SEGUNDOS_FILA,
             maquetados: list[tuple[int, str, Any]] | None = None) -> ResultadoFila:
    """Evaluate a stored case and render its letters; never raises.

    With `maquetados`, each letter's page count is also kept there (row, kind, pages), for the
    printing PDF's index and odd-page starts.
    """
    from letters import documento_a_pdf, render_documento, render_pdf

    try:
        with limite_de_tiempo(segundos):
            caso = Caso.model_validate(datos)
            decision = evaluar(caso)
            pedidas = tipos or list(decision.cartas_sugeridas)
            documentos, no_disponibles = [], {}
            for tipo in pedidas:
                if tipo not in decision.cartas_posibles:
                    no_disponibles[tipo] = decision.cartas_no_disponibles.get(tipo, "no disponible")
                    continue
                if maquetados is None:
                    pdf = render_pdf(caso, decision, tipo)
                else:
                    documento = render_documento(caso, decision, tipo)
                    pdf = documento_a_pdf(documento)
                    # Only its page count is kept: the laid-out pages are freed with the letter.
                    maquetados.append((numero, tipo, len(documento.pages)))
                documentos.append((nombre_documento(numero, tipo), tipo, pdf, None))
            cartas = [d[1] for d in documentos]
            return ResultadoFila("ok", resumen(decision, cartas, no_disponibles, caso),
                                documentos)
    except FilaDemorada:
        mensaje = f"La fila tardó más de {segundos} segundos y se detuvo; las demás siguen."
    except Exception as exc:  # one row's crash never stops the batch
        _registrar(numero, exc)
        mensaje = f"Error interno al procesar la fila ({type(exc).__name__}); las demás siguen."
    return ResultadoFila("error", errores=[{"fila": numero, "columna": "", "mensaje": mensaje}])
