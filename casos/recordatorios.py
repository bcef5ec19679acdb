"""Reminders by e-mail: one message per subscriber case, one digest per advocate of an organisation.

The text carries no name, document, address or CUN, and never the private link (only its hash is
stored): the operator's brand, the deadline, its date and its consequence are enough to act. Each
reminder is sent once (the run records it); without SMTP settings they are only listed.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casos.evaluacion import dia_local
from casos.revision import Aviso
from presentacion import etiquetas as et
from rules import texto as tx
from store.casos import CasoGuardado, Cuenta, RecordatorioEnviado
from store.models import ahora

registro = logging.getLogger(__name__)
PIE = "Salida informa y redacta; usted revisa, firma y presenta sus cartas. No es asesoría legal."


@dataclass(frozen=True)
class Mensaje:
    """One e-mail to send: who gets it (addresses), which reminders it carries, and its text."""

    destino: str  # "suscriptor" | "organización N"
    para: list[str]
    asunto: str
    cuerpo: str
    avisos: list[Aviso]


def _texto_suscriptor(operador: str, creado: date, avisos: list[Aviso], hoy: date) -> str:
    lineas = [
        "Hola:",
        "",
        f"Sobre su caso con {et.OPERADORES.get(operador, 'su operador')} guardado en Salida "
        f"el {tx.fecha(creado)}, al {tx.fecha(hoy)}:",
        "",
    ]
    lineas += [f"- {a.texto}" for a in avisos]
    lineas += [
        "",
        "Abra el enlace privado de su caso para ver el detalle y descargar sus cartas. Por seguridad, "
        "este correo no lo incluye.",
        "",
        "Recibe este aviso porque lo pidió al guardar su caso. Para no recibir más, use «Dejar de recibir "
        "avisos» en la página de su caso, o bórrelo.",
        PIE,
    ]
    return "\n".join(lineas)


def _texto_organizacion(casos: dict[int, tuple[str, list[Aviso]]], url: str) -> str:
    lineas = ["Hola:", "", "Estos casos de su organización tienen plazos o cartas para hoy:", ""]
    for caso_id, (operador, avisos) in sorted(casos.items()):
        enlace = f" — {url.rstrip('/')}/panel/casos/{caso_id}" if url else ""
        lineas.append(f"Caso {caso_id} ({et.OPERADORES.get(operador, operador)}){enlace}")
        lineas += [f"  - {a.texto}" for a in avisos]
    lineas += ["", PIE]
    return "\n".join(lineas)


def mensajes(
    s: Session, avisos: Iterable[Aviso], hoy: date, url_publica: str = ""
) -> tuple[list[Mensaje], list[Aviso]]:
    """Group today's reminders (those not sent before) into messages; also return those nobody can get."""
    por_caso: dict[int, list[Aviso]] = {}
    for a in avisos:
        por_caso.setdefault(a.caso_id, []).append(a)
    if not por_caso:
        return [], []
    ids = list(por_caso)
    enviados = {
        (c, k)
        for c, k in s.execute(
            select(RecordatorioEnviado.caso_id, RecordatorioEnviado.clave).where(
                RecordatorioEnviado.caso_id.in_(ids)
            )
        )
    }
    datos = {
        f[0]: f
        for f in s.execute(
            select(
                CasoGuardado.id,
                CasoGuardado.operador,
                CasoGuardado.creado,
                CasoGuardado.correo_avisos,
                CasoGuardado.organizacion_id,
            ).where(CasoGuardado.id.in_(ids))
        )
    }
    salida, sin_destino = [], []
    organizaciones: dict[int, dict[int, tuple[str, list[Aviso]]]] = {}
    for caso_id, lista in por_caso.items():
        pendientes = [a for a in lista if (caso_id, a.clave) not in enviados]
        if not pendientes or caso_id not in datos:
            continue
        _, operador, creado, correo, org = datos[caso_id]
        if org is not None:
            organizaciones.setdefault(org, {})[caso_id] = (operador, pendientes)
        elif correo:
            salida.append(
                Mensaje(
                    "suscriptor",
                    [correo],
                    f"Salida: tiene un plazo o una carta de su caso con "
                    f"{et.OPERADORES.get(operador, 'su operador')}",
                    _texto_suscriptor(operador, dia_local(creado), pendientes, hoy),
                    pendientes,
                )
            )
        else:
            sin_destino.extend(pendientes)
    for org, casos in organizaciones.items():
        correos = list(
            s.scalars(select(Cuenta.correo).where(Cuenta.organizacion_id == org, Cuenta.activa.is_(True)))
        )
        todos = [a for _, lista in casos.values() for a in lista]
        if not correos:
            sin_destino.extend(todos)
            continue
        salida.append(
            Mensaje(
                f"organización {org}",
                correos,
                f"Salida: {tx.plural(len(casos), 'caso tiene', 'casos tienen')} plazos o cartas hoy",
                _texto_organizacion(casos, url_publica),
                todos,
            )
        )
    return salida, sin_destino


MODOS_TLS = ("starttls", "ssl", "no")


def smtp_configurado(config: dict[str, Any]) -> bool:
    """Whether SMTP settings are present (`SALIDA_SMTP_HOST` at least)."""
    return bool(config.get("SMTP_HOST"))


class ErrorCorreo(Exception):
    """The SMTP server could not be used; the message says why in Spanish and what to configure."""


def _servidor(config: dict[str, Any]) -> str:
    return f"{config['SMTP_HOST']}:{int(config.get('SMTP_PORT') or 587)}"


def _conectar(config: dict[str, Any]) -> smtplib.SMTP:
    """An SMTP connection ready to send: encrypted as `SMTP_TLS` says and logged in when configured."""
    modo = str(config.get("SMTP_TLS", "starttls")).lower()
    if modo not in MODOS_TLS:
        raise ErrorCorreo(
            f"SALIDA_SMTP_TLS vale «{modo}»; use uno de: {', '.join(MODOS_TLS)}."
        )
    clase = smtplib.SMTP_SSL if modo == "ssl" else smtplib.SMTP
    try:
        smtp = clase(config["SMTP_HOST"], int(config.get("SMTP_PORT") or 587), timeout=30)
    except (OSError, smtplib.SMTPException) as exc:
        raise ErrorCorreo(
            f"No se pudo conectar con el servidor de correo {_servidor(config)} ({type(exc).__name__}). "
            "Revise SALIDA_SMTP_HOST y SALIDA_SMTP_PORT."
        ) from None
    try:
        if modo == "starttls":
            smtp.starttls()
        if config.get("SMTP_USUARIO"):
            smtp.login(config["SMTP_USUARIO"], config.get("SMTP_CLAVE") or "")
    except smtplib.SMTPNotSupportedError:
        smtp.close()
        raise ErrorCorreo(
            f"El servidor de correo {_servidor(config)} no ofrece STARTTLS. Si es un servidor local sin "
            "cifrado, configure SALIDA_SMTP_TLS=no; si usa SSL desde el inicio (puerto 465), "
            "SALIDA_SMTP_TLS=ssl."
        ) from None
    except smtplib.SMTPAuthenticationError:
        smtp.close()
        raise ErrorCorreo(
            f"El servidor de correo {_servidor(config)} rechazó el usuario o la contraseña "
            "(SALIDA_SMTP_USUARIO, SALIDA_SMTP_CLAVE)."
        ) from None
    except (OSError, smtplib.SMTPException) as exc:
        smtp.close()
        raise ErrorCorreo(
            f"El servidor de correo {_servidor(config)} cortó la conexión ({type(exc).__name__})."
        ) from None
    return smtp


def enviar(config: dict[str, Any], lista: list[Mensaje]) -> list[Mensaje]:
    """Send the messages through the configured SMTP server; return those that were sent.

    Raises `ErrorCorreo` when the server cannot be reached or refuses the session; a message the
    server refuses is logged (by case id) and skipped, so it is tried again on the next run.
    """
    enviados = []
    with _conectar(config) as smtp:
        for m in lista:
            correo = EmailMessage()
            correo["From"] = config.get("SMTP_REMITENTE") or "Salida <avisos@localhost>"
            correo["To"] = ", ".join(m.para)
            correo["Subject"] = m.asunto
            correo["Date"] = formatdate(localtime=False)
            correo["Message-ID"] = make_msgid(domain="salida")
            correo["Auto-Submitted"] = "auto-generated"
            correo.set_content(m.cuerpo)
            try:
                smtp.send_message(correo)
            except smtplib.SMTPException:
                registro.error("No se pudo enviar un recordatorio (%s)", m.destino)
                continue
            enviados.append(m)
    return enviados


def marcar_enviados(s: Session, lista: Iterable[Mensaje]) -> int:
    """Record the reminders of the messages sent (so none goes twice)."""
    n = 0
    for m in lista:
        for a in m.avisos:
            s.add(RecordatorioEnviado(caso_id=a.caso_id, clave=a.clave[:120], enviado=ahora()))
            n += 1
    return n
