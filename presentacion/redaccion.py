"""Deadlines in words, shared by the timelines of both pages, the calendar and reminders.

Never surer than the source: a term whose source is S says so, one that is U is "por confirmar".
"""

from __future__ import annotations

from datetime import date

from presentacion import etiquetas as et
from rules import Plazo
from rules import texto as tx

CERTEZA: dict[str, str] = {
    "V": "",
    "S": "Según fuentes secundarias coincidentes{estado}.",
    "U": "Dato por confirmar{estado}: tómelo como una estimación y no espere al último momento.",
}
FUTURO: dict[str, str] = {
    "puede_acudir_a_la_sic": (
        "Si el operador no ha respondido para entonces, desde ese día podrá presentar su queja ante la "
        "Superintendencia de Industria y Comercio."
    ),
}
CARTAS_CORTAS: dict[str, str] = {
    "queja": "la queja al operador",
    "terminacion": "la solicitud de terminación",
    "silencio_positivo": "la solicitud de cumplimiento del silencio positivo",
    "recurso": "el recurso de reposición y en subsidio apelación",
    "queja_sic": "la queja ante la Superintendencia de Industria y Comercio",
}


def titulo(p: Plazo, con_cun: bool = True) -> str:
    """'Plazo del operador para responder su reclamación (CUN 4563…)'."""
    base = et.PLAZOS.get(p.id, p.id.replace("_", " ").capitalize())
    return f"{base} (CUN {p.cun})" if con_cun and p.cun else base


def consecuencia(p: Plazo, hoy: date | None = None) -> str:
    """What happens when the term runs out (or, for a 'from' date still ahead, what will be possible)."""
    if p.vence is None and hoy is not None and p.desde > hoy and p.consecuencia in FUTURO:
        return FUTURO[p.consecuencia]
    return et.CONSECUENCIAS.get(p.consecuencia, p.consecuencia.replace("_", " ").capitalize() + ".")


def computo(p: Plazo) -> str:
    """How the term is counted: '15 días hábiles contados desde el 30 de noviembre de 2026.'."""
    if p.id == "aviso_terminacion" and p.dias_habiles:
        dias = tx.plural(p.dias_habiles, "día hábil", "días hábiles")
        return f"Al menos {dias} antes del día de corte de la factura."
    if p.dias_habiles:
        return (
            f"{tx.plural(p.dias_habiles, 'día hábil', 'días hábiles')} contados desde el "
            f"{tx.fecha(p.desde)} (sin sábados, domingos ni festivos)."
        )
    if p.horas:
        return f"{p.horas} horas desde el {tx.fecha(p.desde)}."
    return f"Desde el {tx.fecha(p.desde)}."


def certeza(p: Plazo, con_estado: bool = True) -> str:
    """The caveat that goes with the term's source status (empty for V); `con_estado` names the status
    ("(estado S)") where no badge shows it (calendar, e-mail)."""
    return CERTEZA.get(p.estado or "", "").format(estado=f" (estado {p.estado})" if con_estado else "")


def detalle(p: Plazo, hoy: date | None = None) -> str:
    """A deadline explained on the page (its status badge sits beside it): consequence and counting."""
    partes = [consecuencia(p, hoy), computo(p), certeza(p, con_estado=False) if p.estado == "U" else ""]
    return " ".join(x for x in partes if x)


def descripcion(p: Plazo, hoy: date | None = None) -> str:
    """A deadline explained on its own (calendar, e-mail): consequence, counting, certainty, notice."""
    partes = [
        consecuencia(p, hoy),
        computo(p),
        certeza(p),
        "Salida informa y redacta; usted revisa, firma y presenta sus cartas. No es asesoría legal.",
    ]
    return " ".join(x for x in partes if x)


def en_dias(dias: int) -> str:
    """'hoy', 'mañana', 'en 3 días' for a number of days ahead."""
    if dias == 0:
        return "hoy"
    if dias == 1:
        return "mañana"
    return f"en {dias} días"
