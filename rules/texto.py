"""Plain-Spanish wording of facts inside explanations (dates, hours, pesos, lists)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

MESES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
)

SERVICIOS = {
    "internet_fijo": "internet fijo",
    "telefonia_fija": "telefonía fija",
    "television": "televisión por suscripción",
    "movil": "servicio móvil",
}

RESULTADOS = {
    "favorable": "favorable",
    "parcial": "parcialmente favorable",
    "desfavorable": "desfavorable",
}


def fecha(dia: date) -> str:
    """'3 de noviembre de 2026'."""
    return f"{dia.day} de {MESES[dia.month - 1]} de {dia.year}"


def momento(m: datetime) -> str:
    """'3 de noviembre de 2026 a las 19:40'."""
    return f"{fecha(m.date())} a las {m:%H:%M}"


def mes(clave: str) -> str:
    """'2026-11' → 'noviembre de 2026'."""
    anio, numero = clave.split("-")
    return f"{MESES[int(numero) - 1]} de {anio}"


def numero(valor: float) -> str:
    """A number with a decimal comma and at most two decimals: 11.5 → '11,5'."""
    texto = f"{valor:.2f}".rstrip("0").rstrip(".")
    entero, _, decimales = texto.partition(".")
    entero = f"{int(entero):,}".replace(",", ".")
    return f"{entero},{decimales}" if decimales else entero


def horas(valor: float) -> str:
    """'1 hora', '11,5 horas'."""
    return f"{numero(valor)} {'hora' if valor == 1 else 'horas'}"


def duracion(valor: float) -> str:
    """11.5 → '11 horas y 30 minutos'; 4 → '4 horas'; 0.25 → '15 minutos'."""
    minutos = round(valor * 60)
    h, m = divmod(minutos, 60)
    partes = []
    if h:
        partes.append(plural(h, "hora", "horas"))
    if m or not h:
        partes.append(plural(m, "minuto", "minutos"))
    return " y ".join(partes)


def pesos(valor: int) -> str:
    """'$189.900'."""
    return "$" + f"{valor:,}".replace(",", ".")


def plural(n: int, singular: str, plural_: str) -> str:
    """'1 mes' / '3 meses'."""
    return f"{n} {singular if n == 1 else plural_}"


def lista(partes: Iterable[str]) -> str:
    """'a, b y c'."""
    items = list(partes)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " y " + items[-1]


ARTICULOS = {"internet_fijo": "el", "telefonia_fija": "la", "television": "la", "movil": "el"}


def servicio(clave: str) -> str:
    """Spanish name of a service."""
    return SERVICIOS[clave]


def el_servicio(clave: str) -> str:
    """The service's name with its article: 'la telefonía fija'."""
    return f"{ARTICULOS[clave]} {SERVICIOS[clave]}"


def mayuscula(frase: str) -> str:
    """The sentence with its first letter capitalised ('la queja…' → 'La queja…')."""
    return frase[:1].upper() + frase[1:]
