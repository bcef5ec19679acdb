"""One table of spellings: what a person may write for each kind of answer, and what is refused.

Every door reads it: the form (its converter, its mapping and its page), the batch (a CSV row through
the batch reader) and the API (typed JSON). `campo` is a `Caso` path; the form's field name, the
batch column and the API's JSON path all come from it. Spellings are written as people write them;
the expected value is what the `Caso` holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from rules.caso import BOGOTA


@dataclass(frozen=True)
class Rechazo:
    """A refused spelling: part of the Spanish message the form and the batch give. `tipado`, when
    there is one, is the same fact as typed JSON (a number, a date…): the API refuses it with the same
    message (the model's own limits)."""

    mensaje: str
    tipado: Any = None


@dataclass(frozen=True)
class Grafia:
    """One spelling of one answer and what it must become (a value, or a `Rechazo`)."""

    campo: str
    escrito: str
    esperado: Any
    # Why the API, given this very text, does not agree (a known gap, reported; its check is xfail).
    api_distinta: str = ""


def _filas(campo: str, esperado: Any, *escritos: str, api_distinta: str = "") -> list[Grafia]:
    return [Grafia(campo, e, esperado, api_distinta) for e in escritos]


PESOS, ENTERO = "contrato.valor_mensual", "contrato.dia_corte"
FECHA, FECHA_HORA = "reclamaciones[0].fecha_radicacion", "fallas[0].inicio"
TRES, LISTA = "fallas[0].masiva", "contrato.servicios"
DOCUMENTO, TIPO_DOCUMENTO, NOMBRE = "usuario.numero_documento", "usuario.tipo_documento", "usuario.nombre"
CANAL, OPERADOR, DIRECCION = "reclamaciones[0].canal", "operador", "usuario.direccion"

SIN_CENTAVOS = "Escriba el valor en pesos completos, sin centavos, por ejemplo 189900."
SOLO_NUMEROS = "Escriba solo números, por ejemplo 189900."
DIA_MES_ANIO = "Escriba la fecha con día, mes y año, por ejemplo 03/11/2026."
NO_EXISTE = "Esa fecha no existe; revise el día y el mes, por ejemplo 03/11/2026."
SI_NO_NOSE = "Responda sí, no o no sé."
LA_FALLA = datetime(2026, 11, 3, 19, 40, tzinfo=BOGOTA)
SERVICIOS = ["internet_fijo", "telefonia_fija", "movil"]
UNIX = "1793752800"  # 2026-11-03 19:40 in Bogotá as Unix time: pydantic reads it, people do not write it

GRAFIAS: list[Grafia] = [
    # Pesos: whole pesos, thousands with dots (or commas); any decimal part, even ",00", is refused.
    *_filas(PESOS, 189900, "189900", "189.900", "$189.900", "$ 189.900", "189,900", " 189900 ",
            "189.900 COP"),
    *_filas(PESOS, 1234567, "1.234.567", "1,234,567"),
    *_filas(PESOS, Rechazo(SIN_CENTAVOS), "189.900,00", "189900,00", "189900.50", "189,900.00",
            "$ 189.900,00"),
    Grafia(PESOS, "12 mil", Rechazo("Escriba la cifra completa con números: 12000 en lugar de «12 mil».")),
    Grafia(PESOS, "1,5 millones", Rechazo("1500000 en lugar de «1,5 millones»")),
    *_filas(PESOS, Rechazo(SOLO_NUMEROS), "mucho", "-189900", "189 900 pesos"),
    Grafia(PESOS, "99999999999", Rechazo("Debe ser menor o igual a 10000000000.", 99999999999)),
    # Whole numbers (a day of the month, a count of months).
    *_filas(ENTERO, 15, "15", " 15 ", "015"),
    *_filas(ENTERO, Rechazo("Escriba solo números, por ejemplo 15."), "15,5", "quince", "15.0"),
    Grafia(ENTERO, "45", Rechazo("Debe ser menor o igual a 31.", 45)),
    Grafia(ENTERO, "0", Rechazo("Debe ser mayor o igual a 1.", 0)),
    # Dates: day before month; dots, slashes or hyphens; or ISO (year first).
    *_filas(FECHA, date(2026, 11, 5), "05/11/2026", "5/11/2026", "2026-11-05", "05.11.2026",
            "05-11-2026", "5.11.2026", " 05/11/2026 "),
    *_filas(FECHA, Rechazo(NO_EXISTE), "30/02/2026", "2026-11-31", "31.04.2026"),
    *_filas(FECHA, Rechazo(DIA_MES_ANIO), "11/2026", "05/11/26", "ayer", "5 de noviembre de 2026",
            "2026/11/05", "2026-11-05 10:00"),
    Grafia(FECHA, "05/11/1989", Rechazo("La fecha debe estar entre los años 1990 y 2100.", "1989-11-05")),
    # Date and time: as a date above plus the hour (24 h, or am/pm), or ISO 8601 with its zone.
    *_filas(FECHA_HORA, LA_FALLA, "03/11/2026 19:40", "3/11/2026 19:40", "03/11/2026 7:40 pm",
            "03/11/2026 7:40 p.m.", "2026-11-03 19:40", "2026-11-03T19:40", "03.11.2026 19.40",
            "03-11-2026 19:40:00", "2026-11-03T19:40:00-05:00", "2026-11-04T00:40:00Z"),
    Grafia(FECHA_HORA, "03/11/2026 8:05", datetime(2026, 11, 3, 8, 5, tzinfo=BOGOTA)),
    Grafia(FECHA_HORA, "2026-11-03", Rechazo("Escriba también la hora aproximada")),
    Grafia(FECHA_HORA, "03/11/2026 25:00", Rechazo("Esa hora no existe; escríbala así: 19:40.")),
    *_filas(FECHA_HORA, Rechazo("Escriba la hora así: 19:40."), "03/11/2026 siete", "03/11/2026 13:00 pm"),
    Grafia(FECHA_HORA, UNIX, Rechazo(DIA_MES_ANIO)),
    # Sí / No / No sé, with or without accent, any case; "x" is a tick.
    *_filas(TRES, True, "Sí", "si", "SI", "sí ", "S", "x", "X", "1", "true", "Verdadero"),
    *_filas(TRES, False, "no", "No", "NO", "n", "0", "false"),
    *_filas(TRES, None, "No sé", "no se", "NO SE", "nose", "ns", "?", "No sabe"),
    *_filas(TRES, Rechazo(SI_NO_NOSE), "x?", "tal vez", "quizás", "2"),
    # Options, by code or by label, without case, accents or punctuation.
    *_filas(TIPO_DOCUMENTO, "CC", "CC", "cc", " CC ", "C.C.", "c.c", "Cédula", "cedula",
            "Cédula de ciudadanía", "CEDULA DE CIUDADANIA"),
    *_filas(TIPO_DOCUMENTO, "CE", "C.E.", "Cédula de extranjería"),
    *_filas(TIPO_DOCUMENTO, "PA", "PA", "Pasaporte"),
    Grafia(TIPO_DOCUMENTO, "Permiso por Protección Temporal", "PPT"),
    *_filas(TIPO_DOCUMENTO, Rechazo("Elija una de las opciones: CC, CE, PPT, PA, NIT."), "XX", "DNI"),
    *_filas(CANAL, "web", "web", "WEB", "Página web", "pagina web"),
    *_filas(CANAL, "telefono", "Teléfono", "Línea telefónica"),
    *_filas(CANAL, "redes_sociales", "redes sociales", "Redes-Sociales", "REDES_SOCIALES"),
    Grafia(CANAL, "Correo electrónico", "correo"),
    Grafia(CANAL, "fax", Rechazo("Elija una de las opciones")),
    *_filas(OPERADOR, "tigo_une", "Tigo UNE", "tigo une", "Tigo UNE (hogar)", "tigo-une"),
    *_filas(OPERADOR, "claro", "Claro", "CLARO"),
    Grafia(OPERADOR, "Comcel", Rechazo("Elija una de las opciones")),
    # Lists: codes or labels separated by commas, semicolons or bars; a repeat counts once.
    *_filas(LISTA, SERVICIOS, "internet_fijo, telefonia_fija, movil",
            "Internet fijo; Teléfono fijo; Celular", "internet fijo | telefonía fija | móvil",
            "Internet fijo (hogar), Telefonía fija, Celular (móvil)",
            "internet_fijo,telefonia_fija,movil,movil"),
    Grafia(LISTA, "internet_fijo, fax", Rechazo("Elija una de las opciones")),
    # Identity numbers lose their dots and spaces; names and addresses are trimmed.
    Grafia(DOCUMENTO, "52.123.456", "52123456"),
    *_filas(DOCUMENTO, "52123456", "52 123 456", "52123456"),
    Grafia(DOCUMENTO, "52*123", Rechazo("Escriba solo números (y letras si es pasaporte)")),
    *_filas(NOMBRE, "Ana María Pérez Gómez", "Ana María Pérez Gómez", "  Ana María Pérez Gómez "),
    Grafia(NOMBRE, "Ana 😀", Rechazo("sin emojis ni símbolos")),
    Grafia(DIRECCION, "Calle 45 # 12-30, apto 402", "Calle 45 # 12-30, apto 402"),
    Grafia(DIRECCION, "Calle 45\u0007", Rechazo("caracteres de control")),
]
