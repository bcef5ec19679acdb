"""Salida's one Spanish voice: dates, pesos, numbers, lists and plurals (Babel, es_CO).

Rules, letters, web and casos all format through this module, so a page and a letter never word
the same fact differently.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date, get_month_names
from babel.numbers import format_decimal
from num2words import num2words

LOCALE = "es_CO"

MESES: tuple[str, ...] = tuple(get_month_names("wide", locale=LOCALE)[m] for m in range(1, 13))

SERVICIOS = {
    "internet_fijo": "internet fijo",
    "telefonia_fija": "telefonía fija",
    "television": "televisión por suscripción",
    "movil": "servicio móvil",
}

ARTICULOS = {"internet_fijo": "el", "telefonia_fija": "la", "television": "la", "movil": "el"}

RESULTADOS = {
    "favorable": "favorable",
    "parcial": "parcialmente favorable",
    "desfavorable": "desfavorable",
}

_ESCALAS = ("millón", "millones", "billón", "billones")


# --- dates -----------------------------------------------------------------------------------------

def fecha(dia: date | datetime) -> str:
    """'3 de noviembre de 2026'."""
    return _fecha(dia.date() if isinstance(dia, datetime) else dia)


# Babel costs ~15 µs a call and one decision words a few dozen dates and amounts: cache them.
@lru_cache(maxsize=4096)
def _fecha(dia: date) -> str:
    return format_date(dia, "d 'de' MMMM 'de' y", locale=LOCALE)


def fecha_hora(m: datetime) -> str:
    """'3 de noviembre de 2026, 19:40' (24-hour clock, as the subscriber reported it)."""
    return f"{fecha(m)}, {m:%H:%M}"


def mes(clave: str) -> str:
    """'2026-11' → 'noviembre de 2026'."""
    anio, numero_mes = clave.split("-")
    return format_date(date(int(anio), int(numero_mes), 1), "MMMM 'de' y", locale=LOCALE)


# --- numbers and money -----------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def numero(valor: float) -> str:
    """A number in Colombian style with at most two decimals: 11.5 → '11,5', 1200 → '1.200'."""
    return format_decimal(round(valor, 2), "#,##0.##", locale=LOCALE)


@lru_cache(maxsize=4096)
def pesos(valor: int) -> str:
    """'$189.900'."""
    return "$" + format_decimal(valor, "#,##0", locale=LOCALE)


def en_letras(valor: int) -> str:
    """A whole number in Spanish words as it precedes a masculine noun: 21 → 'veintiún'."""
    if valor < 0:
        raise ValueError("amounts in words must not be negative")
    palabras = num2words(valor, lang="es").split()
    # Apocope before a noun ("veintiún mil", "un millón", "treinta y un pesos").
    apocopadas = {"uno": "un", "veintiuno": "veintiún"}
    return " ".join(apocopadas.get(p, p) for p in palabras)


def pesos_en_letras(valor: int) -> str:
    """'ciento ochenta y nueve mil novecientos pesos'; 1.000.000 → 'un millón de pesos'."""
    if valor == 1:
        return "un peso"
    palabras = en_letras(valor)
    de = " de" if palabras.split()[-1] in _ESCALAS else ""
    return f"{palabras}{de} pesos"


def monto(valor: int) -> str:
    """'$189.900 (ciento ochenta y nueve mil novecientos pesos)'."""
    return f"{pesos(valor)} ({pesos_en_letras(valor)})"


# --- hours, plurals, lists -------------------------------------------------------------------------

def plural(n: int, singular: str, plural_: str) -> str:
    """'1 mes' / '3 meses'."""
    return f"{n} {palabra(n, singular, plural_)}"


def palabra(n: float, singular: str, plural_: str) -> str:
    """The noun alone, agreeing with n: 'falla' / 'fallas'."""
    return singular if n == 1 else plural_


def horas(valor: float) -> str:
    """'1 hora', '11,5 horas'."""
    return f"{numero(valor)} {palabra(valor, 'hora', 'horas')}"


def duracion(valor: float) -> str:
    """Hours as people say them: 11.5 → '11 horas y 30 minutos'; 4 → '4 horas'; 0.25 → '15 minutos'."""
    minutos = round(valor * 60)
    h, m = divmod(minutos, 60)
    partes = []
    if h:
        partes.append(plural(h, "hora", "horas"))
    if m or not h:
        partes.append(plural(m, "minuto", "minutos"))
    return lista(partes)


def _suena_i(palabra_: str) -> bool:
    """Whether a word starts with the vowel sound /i/ (not the glide of 'hielo', 'iota')."""
    p = palabra_.lower()
    return p.startswith(("i", "í", "hi", "hí")) and not p.startswith(
        ("hia", "hie", "hio", "hiu", "ia", "ie", "io", "iu"))


def _suena_o(palabra_: str) -> bool:
    """Whether a word starts with the vowel sound /o/ ('otro', 'hora')."""
    return palabra_.lower().startswith(("o", "ó", "ho", "hó"))


def nexo(conjuncion: str, siguiente: str) -> str:
    """'y' becomes 'e' before an /i/ sound, 'o' becomes 'u' before an /o/ sound (RAE)."""
    if conjuncion == "y" and _suena_i(siguiente):
        return "e"
    if conjuncion == "o" and _suena_o(siguiente):
        return "u"
    return conjuncion


def lista(partes: Iterable[str], conjuncion: str = "y") -> str:
    """'a, b y c'; 'telefonía fija e internet fijo'; empty items are left out."""
    items = [p for p in partes if p]
    if len(items) <= 1:
        return "".join(items)
    ultima = items[-1]
    return ", ".join(items[:-1]) + f" {nexo(conjuncion, ultima)} " + ultima


# --- words and sentences ---------------------------------------------------------------------------

def servicio(clave: str) -> str:
    """Spanish name of a service."""
    return SERVICIOS[clave]


def el_servicio(clave: str) -> str:
    """The service's name with its article: 'la telefonía fija'."""
    return f"{ARTICULOS[clave]} {SERVICIOS[clave]}"


def mayuscula(frase_: str) -> str:
    """The sentence with its first letter capitalised ('la queja…' → 'La queja…'), the rest untouched."""
    return frase_[:1].upper() + frase_[1:]


capitalizar = mayuscula  # the letters' template filter name


def sin_punto(texto: str) -> str:
    """The subscriber's words without a closing full stop (the letter adds its own punctuation)."""
    return texto.rstrip().rstrip(".").rstrip()


def frase(texto: str) -> str:
    """The subscriber's words as a sentence: capitalised and ending in a full stop."""
    texto = texto.strip()
    if texto and texto[-1] not in ".!?…":
        texto += "."
    return mayuscula(texto)
