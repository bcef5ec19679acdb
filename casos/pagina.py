"""The case page and its actions, shared by the private link and the organisation's dashboard."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import werkzeug
from flask import Response, abort, redirect, render_template, request, url_for
from sqlalchemy.orm import Session

from casos import repositorio
from casos.evaluacion import Evaluado, fecha_valida
from casos.eventos import NOMBRES, EventoInvalido, NuevoEvento, leer_evento
from casos.icalendar_plazos import calendario_caso
from presentacion import etiquetas as et
from presentacion import hoy_en_bogota, linea_de_tiempo, redaccion, respuesta
from rules import TIPOS_CARTA
from rules import texto as tx
from store.casos import CasoGuardado
from web import descargar_carta, donde_se_pregunta

CAMPOS_EVENTO = (
    "tipo",
    "fecha",
    "carta",
    "canal",
    "cun",
    "reclamacion",
    "sentido",
    "incompleta",
    "radicado",
    "referencia",
    "motivos",
)
FORMULARIOS = ("carta", "respuesta", "hecho", "cierre")


@dataclass(frozen=True)
class Acceso:
    """How a page reaches its case: by private link (`casos.*`) or in an organisation (`panel.*`)."""

    prefijo: str
    clave: dict[str, Any]
    cuenta_id: int | None = None
    organizacion: str | None = None

    def url(self, nombre: str, **extra: Any) -> str:
        """The URL of one of this case's endpoints."""
        return url_for(f"{self.prefijo}.{nombre}", **self.clave, **extra)


@dataclass
class EventoEnviado:
    """Values and errors of the event form that was posted (kept when it is rejected)."""

    valores: dict[str, str] = field(default_factory=dict)
    errores: list[tuple[str, str]] = field(default_factory=list)  # (field id, Spanish message)

    @property
    def tipo(self) -> str:
        """Which of the page's forms was posted."""
        return self.valores.get("formulario", "")


def _fecha_pedida() -> date | None:
    valor = request.values.get("fecha", "")
    try:
        return date.fromisoformat(valor) if valor else None
    except ValueError:
        return None


def _reclamaciones(ev: Evaluado) -> list[tuple[int, str, bool]]:
    """(index, 'Queja del 30 de noviembre de 2026 (CUN …)', answered) for the answer form."""
    filas = []
    for i, r in enumerate(ev.caso.reclamaciones):
        nombre = f"{et.TIPOS_PQR.get(r.tipo, r.tipo)} del {tx.fecha(r.fecha_radicacion)}"
        filas.append((i, nombre + (f" (CUN {r.cun})" if r.cun else ""), r.fecha_respuesta is not None))
    return filas


def _historial(guardado: CasoGuardado) -> list[tuple[date, str, str]]:
    filas = []
    for e in guardado.eventos:
        d = e.datos or {}
        partes = []
        if d.get("carta"):
            partes.append(et.CARTAS.get(d["carta"], (d["carta"],))[0])
        if d.get("canal"):
            partes.append(f"por {et.CANALES.get(d['canal'], d['canal']).lower()}")
        if d.get("cun"):
            partes.append(f"CUN {d['cun']}")
        if d.get("sentido"):
            partes.append(et.SENTIDOS.get(d["sentido"], d["sentido"]).lower())
        if d.get("radicado"):
            partes.append(f"radicado {d['radicado']}")
        filas.append((e.fecha, NOMBRES.get(e.tipo, e.tipo), ", ".join(partes)))
    return list(reversed(filas))


def pagina(
    guardado: CasoGuardado,
    acceso: Acceso,
    form: EventoEnviado | None = None,
    codigo: int = 200,
    mensaje: str | None = None,
) -> tuple[str, int]:
    """Render the case page as of the date asked for (or today)."""
    hoy = hoy_en_bogota()
    fecha, aviso = fecha_valida(guardado.caso, _fecha_pedida(), hoy)
    ev = repositorio.evaluar(guardado, hoy, fecha)
    s = ev.situacion
    ofrecidas = [t for t in s.cartas_pendientes if t in ev.decision.cartas_posibles]
    otras = [t for t in ev.decision.cartas_posibles if t not in ofrecidas]
    reclamaciones = _reclamaciones(ev)
    html = render_template(
        "casos/caso.html",
        g_caso=guardado,
        acceso=acceso,
        ev=ev,
        s=s,
        d=ev.decision,
        caso=ev.caso,
        respuesta=respuesta(ev.caso, ev.decision, donde_se_pregunta),
        hitos=linea_de_tiempo(s.plazos, ev.fecha),
        proximo=s.proximo,
        vencidos=s.vencidos,
        ofrecidas=ofrecidas,
        otras=otras,
        historial=_historial(guardado),
        reclamaciones=reclamaciones,
        aviso=aviso,
        mensaje=mensaje,
        reclamacion_defecto=next((i for i, _, r in reversed(reclamaciones) if not r), len(reclamaciones) - 1),
        reclamacion_sap=next(
            (
                x.reclamacion
                for x in ev.decision.silencio_positivo
                if x.aplica and not ev.caso.reclamaciones[x.reclamacion or 0].sap_cumplido
            ),
            None,
        ),
        form=form or EventoEnviado(),
        hoy=hoy,
        tipos_carta=TIPOS_CARTA,
        redaccion=redaccion,
    )
    return html, codigo


def registrar(s: Session, guardado: CasoGuardado, acceso: Acceso) -> werkzeug.Response | tuple[str, int]:
    """Record the posted event, or show the page again with the errors beside the form."""
    valores = {k: request.form.get(k, "").strip()[:1200] for k in CAMPOS_EVENTO if k in request.form}
    datos: dict[str, Any] = dict(valores)
    datos["incompleta"] = valores.get("incompleta") == "si"
    formulario = request.form.get("formulario", "")
    valores["formulario"] = formulario if formulario in FORMULARIOS else "carta"
    try:
        evento = leer_evento(datos)
        repositorio.registrar_evento(s, guardado, evento, hoy_en_bogota(), acceso.cuenta_id)
    except EventoInvalido as exc:
        errores = [
            (f"ev-{valores['formulario']}-{c if c in CAMPOS_EVENTO else 'fecha'}", m) for c, m in exc.errores
        ]
        return pagina(guardado, acceso, EventoEnviado(valores, errores), 422)
    return redirect(acceso.url("ver") + "#estado", 303)


def deshacer(s: Session, guardado: CasoGuardado, acceso: Acceso) -> werkzeug.Response:
    """Remove the last event."""
    repositorio.deshacer_ultimo(s, guardado, hoy_en_bogota())
    return redirect(acceso.url("ver") + "#historial", 303)


def carta(s: Session, guardado: CasoGuardado, acceso: Acceso, tipo: str, formato: str) -> Response:
    """Download a letter of the case as of the page's date; the download is a fact of the timeline.

    A letter the case does not allow answers 409 with the reason, and nothing is recorded."""
    if tipo not in TIPOS_CARTA or formato not in ("pdf", "txt"):
        abort(404)
    ev = repositorio.evaluar(guardado, hoy_en_bogota(), _fecha_pedida())
    descarga = descargar_carta(ev.caso, ev.decision, tipo, formato)
    evento = NuevoEvento(tipo="carta_generada", fecha=ev.fecha, carta=tipo)
    repositorio.registrar_evento(s, guardado, evento, hoy_en_bogota(), acceso.cuenta_id)
    return descarga


def ics(guardado: CasoGuardado) -> Response:
    """The case's deadlines as a calendar file (no personal data in its name or titles)."""
    hoy = hoy_en_bogota()
    ev = repositorio.evaluar(guardado, hoy, _fecha_pedida())
    cuerpo = calendario_caso(guardado.uid, guardado.operador, ev.situacion.plazos, ev.fecha)
    return Response(
        cuerpo,
        content_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="salida-plazos.ics"'},
    )
