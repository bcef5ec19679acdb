"""Spanish formatting for letters: long dates (Babel es_CO), pesos, amounts in words, hours, lists."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal
from num2words import num2words

from rules import texto as texto_reglas

LOCALE = "es_CO"
_ESCALAS = ("millón", "millones", "billón", "billones")


def fecha_larga(dia: date | datetime) -> str:
    """'28 de noviembre de 2026'."""
    if isinstance(dia, datetime):
        dia = dia.date()
    return format_date(dia, "d 'de' MMMM 'de' y", locale=LOCALE)


def fecha_hora(momento: datetime) -> str:
    """'3 de noviembre de 2026, 19:40' (24-hour clock, as the subscriber reported it)."""
    return f"{fecha_larga(momento)}, {momento:%H:%M}"


def numero(valor: float) -> str:
    """A number in Colombian style with at most two decimals: 11.5 → '11,5', 1200 → '1.200'."""
    return format_decimal(round(valor, 2), "#,##0.##", locale=LOCALE)


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
    palabras = en_letras(valor)
    if valor == 1:
        return "un peso"
    de = " de" if palabras.split()[-1] in _ESCALAS else ""
    return f"{palabras}{de} pesos"


def monto(valor: int) -> str:
    """'$189.900 (ciento ochenta y nueve mil novecientos pesos)'."""
    return f"{pesos(valor)} ({pesos_en_letras(valor)})"


def horas(valor: float) -> str:
    """'1 hora', '11,5 horas'."""
    return f"{numero(valor)} {'hora' if valor == 1 else 'horas'}"


def duracion(valor: float) -> str:
    """A duration in hours as people say it: 11.5 → '11 horas y 30 minutos'."""
    return texto_reglas.duracion(valor)


def plural(n: int, singular: str, plural_: str) -> str:
    """'1 falla' / '3 fallas'."""
    return f"{n} {singular if n == 1 else plural_}"


def palabra(n: int, singular: str, plural_: str) -> str:
    """The noun alone, agreeing with n: 'falla' / 'fallas'."""
    return singular if n == 1 else plural_


def lista(partes: Iterable[str], conjuncion: str = "y") -> str:
    """'a, b y c'; 'e' before a word starting with an i sound ('internet e inglés' rule)."""
    items = [p for p in partes if p]
    if len(items) <= 1:
        return "".join(items)
    ultima = items[-1]
    if conjuncion == "y" and ultima.lower().startswith(("i", "hi")) and not ultima.lower().startswith(
        ("hie", "ia", "ie", "io", "iu")
    ):
        conjuncion = "e"
    return ", ".join(items[:-1]) + f" {conjuncion} " + ultima


def capitalizar(texto: str) -> str:
    """First letter upper-case, the rest untouched."""
    return texto[:1].upper() + texto[1:]


def sin_punto(texto: str) -> str:
    """The subscriber's words without a closing full stop (the letter adds its own punctuation)."""
    return texto.rstrip().rstrip(".").rstrip()


def frase(texto: str) -> str:
    """The subscriber's words as a sentence: capitalised and ending in a full stop."""
    texto = texto.strip()
    if texto and texto[-1] not in ".!?…":
        texto += "."
    return capitalizar(texto)


def mes(clave: str) -> str:
    """'2026-11' → 'noviembre de 2026'."""
    anio, numero_mes = clave.split("-")
    return format_date(date(int(anio), int(numero_mes), 1), "MMMM 'de' y", locale=LOCALE)


FILTROS = {
    "mes": mes,
    "sin_punto": sin_punto,
    "frase": frase,
    "fecha": fecha_larga,
    "fecha_hora": fecha_hora,
    "numero": numero,
    "pesos": pesos,
    "en_letras": pesos_en_letras,
    "monto": monto,
    "horas": horas,
    "duracion": duracion,
    "lista": lista,
    "capitalizar": capitalizar,
}
GLOBALES = {"plural": plural, "palabra": palabra}

