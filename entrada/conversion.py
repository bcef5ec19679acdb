"""One converter per kind of answer: what a person types (form cell or spreadsheet cell) → a value.

Every converter takes the text as typed and returns the value the `Caso` expects, or raises
`ErrorEntrada` with a Spanish message that says what was wrong and shows an example.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from entrada.opciones import etiquetas


class ErrorEntrada(ValueError):
    """A value a person typed that cannot be read; `mensaje` says why, in Spanish, with an example."""

    def __init__(self, mensaje: str) -> None:
        super().__init__(mensaje)
        self.mensaje = mensaje


_DMA = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_AMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_HORA = re.compile(r"^(\d{1,2})[:.h](\d{2})(?::\d{2}(?:\.\d+)?)?\s*([ap]\.?\s?m\.?)?$", re.IGNORECASE)
_MILES_PUNTO = re.compile(r"^\d{1,3}(\.\d{3})+$")
_MILES_COMA = re.compile(r"^\d{1,3}(,\d{3})+$")
_DECIMALES = re.compile(r"^\d{1,3}([.,]\d{3})*[.,]\d{1,2}$|^\d+[.,]\d{1,2}$")
_SI = {"si", "s", "x", "1", "true", "verdadero", "yes"}
_NO = {"no", "n", "0", "false", "falso"}
_NO_SE = {"nose", "no se", "ns", "desconocido", "no sabe", "?"}
_EJEMPLO_FECHA = "por ejemplo 03/11/2026"
# "12 mil", "1,5 millones", "80k": amounts in words are refused, with the figure they stand for.
_EN_PALABRAS = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(mil|k|millon|millones|millón|mill)\.?$", re.IGNORECASE)
_MULTIPLO = {"mil": 1_000, "k": 1_000}
# ISO 8601 with a zone, as the API and other systems write it ("2026-11-03T19:40:00-05:00").
_ISO_CON_ZONA = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")


def normalizar(texto: str) -> str:
    """Lower case, no accents, spaces and hyphens as '_' (how option codes are compared)."""
    sin_tildes = unicodedata.normalize("NFKD", texto).encode("ascii", "ignore").decode()
    return re.sub(r"[\s-]+", "_", sin_tildes.strip().lower())


def texto(valor: str) -> str | None:
    """Free text: trimmed; control characters refused (line breaks and tabs are fine)."""
    valor = valor.strip()
    if any(unicodedata.category(c) in ("Cc", "Cs", "Co") and c not in "\n\r\t" for c in valor):
        raise ErrorEntrada("El texto tiene caracteres de control; escríbalo de nuevo sin pegarlo.")
    return valor or None


def nombre(valor: str) -> str | None:
    """A name printed in a letter: letters, spaces and . , ' - # only; no emoji or symbols."""
    limpio = texto(valor)
    if limpio and any(unicodedata.category(c)[0] in "CS" and c not in "#$°º" for c in limpio):
        raise ErrorEntrada("Escríbalo solo con letras y números, sin emojis ni símbolos, "
                           "por ejemplo Ana María Pérez.")
    return limpio


def documento(valor: str) -> str | None:
    """An identity number: dots, commas and spaces are dropped ('52.123.456' → '52123456')."""
    limpio = re.sub(r"[.,\s]", "", valor)
    if limpio and not re.fullmatch(r"[A-Za-z0-9-]+", limpio):
        raise ErrorEntrada("Escriba solo números (y letras si es pasaporte), por ejemplo 52123456.")
    return limpio or None


def entero(valor: str) -> int | None:
    """A whole number such as a day of the month or a count of months."""
    limpio = valor.strip()
    if not limpio:
        return None
    if not limpio.isdigit() or len(limpio) > 12:
        raise ErrorEntrada("Escriba solo números, por ejemplo 15.")
    return int(limpio)


def pesos(valor: str) -> int | None:
    """Whole pesos: '$189.900', '189.900', '189,900' and '189900' → 189900; decimals refused."""
    limpio = re.sub(r"[\s$]|COP|cop", "", valor)
    if not limpio:
        return None
    if _MILES_PUNTO.match(limpio) or _MILES_COMA.match(limpio):
        return int(re.sub(r"[.,]", "", limpio))
    if limpio.isdigit() and len(limpio) <= 12:
        return int(limpio)
    if _DECIMALES.match(limpio):
        raise ErrorEntrada("Escriba el valor en pesos completos, sin centavos, por ejemplo 189900.")
    if m := _EN_PALABRAS.match(valor.strip().replace("$", "").strip()):
        cifra = float(m.group(1).replace(",", ".")) * _MULTIPLO.get(m.group(2).lower(), 1_000_000)
        raise ErrorEntrada(f"Escriba la cifra completa con números: {round(cifra)} en lugar de "
                           f"«{valor.strip()}».")
    raise ErrorEntrada("Escriba solo números, por ejemplo 189900.")


def fecha(valor: str) -> date | None:
    """A date as 2026-11-03, 03/11/2026, 3-11-2026 or 03.11.2026 (day before month)."""
    limpio = valor.strip()
    if not limpio:
        return None
    if m := _DMA.match(limpio):
        d, mes, a = m.groups()
    elif m := _AMD.match(limpio):
        a, mes, d = m.groups()
    else:
        raise ErrorEntrada(f"Escriba la fecha con día, mes y año, {_EJEMPLO_FECHA}.")
    try:
        return date(int(a), int(mes), int(d))
    except ValueError:
        raise ErrorEntrada(f"Esa fecha no existe; revise el día y el mes, {_EJEMPLO_FECHA}.") from None


def hora(valor: str) -> tuple[int, int] | None:
    """An hour as 19:40, 7:40 pm or 19.40."""
    limpio = valor.strip()
    if not limpio:
        return None
    m = _HORA.match(limpio)
    if not m:
        raise ErrorEntrada("Escriba la hora así: 19:40.")
    h, mi, sufijo = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
    if sufijo:
        if not 1 <= h <= 12:
            raise ErrorEntrada("Escriba la hora así: 19:40.")
        h = h % 12 + (12 if sufijo.startswith("p") else 0)
    if h > 23 or mi > 59:
        raise ErrorEntrada("Esa hora no existe; escríbala así: 19:40.")
    return h, mi


def fecha_hora(valor: str) -> datetime | None:
    """A moment as 2026-11-03T19:40, 2026-11-03 19:40 or 03/11/2026 19:40 (Colombian time), or
    ISO 8601 with its zone (2026-11-03T19:40:00-05:00), as the API takes it."""
    limpio = valor.strip()
    if not limpio:
        return None
    if _ISO_CON_ZONA.match(limpio):
        try:
            return datetime.fromisoformat(limpio.replace("Z", "+00:00"))
        except ValueError:
            raise ErrorEntrada("Esa fecha u hora no existe; escríbala así: 03/11/2026 19:40.") from None
    dia_txt, _, hora_txt = limpio.replace("T", " ", 1).partition(" ")
    dia = fecha(dia_txt)
    if not hora_txt.strip():
        raise ErrorEntrada("Escriba también la hora aproximada, por ejemplo 03/11/2026 19:40.")
    h, mi = hora(hora_txt) or (0, 0)
    assert dia is not None
    return datetime(dia.year, dia.month, dia.day, h, mi)


def tres(valor: str) -> bool | None:
    """Sí / No / No sé → True / False / None (blank is 'No sé')."""
    limpio = normalizar(valor).replace("_", " ")
    if limpio in _SI:
        return True
    if limpio in _NO:
        return False
    if limpio in _NO_SE or not limpio:
        return None
    raise ErrorEntrada("Responda sí, no o no sé.")


def _clave(texto: str) -> str:
    """Letters and digits only, lower case, no accents: 'C.C.' → 'cc', 'Internet fijo' → 'internetfijo'."""
    return re.sub(r"[^a-z0-9]", "", normalizar(texto))


def opcion(valor: str, opciones: Sequence[str]) -> str | None:
    """One of the codes in `opciones`, by its code or its Spanish label, without case, accents or
    punctuation ('Teléfono fijo', 'telefonia_fija', 'C.C.', 'cédula')."""
    limpio = valor.strip()
    if not limpio:
        return None
    por_clave = {_clave(o): o for o in opciones}
    escrito = _clave(limpio)
    elegido = por_clave.get(escrito) or next(
        (c for c in ETIQUETAS.get(escrito, ()) if c in opciones), None)
    if elegido is None:
        raise ErrorEntrada(f"Elija una de las opciones: {', '.join(opciones)}.")
    return elegido


def lista(valores: Sequence[str] | str, opciones: Sequence[str]) -> list[str]:
    """Several codes (check boxes, or texts separated by commas, semicolons, bars or lines), without
    repeats."""
    textos = [valores] if isinstance(valores, str) else valores
    partes = [p for v in textos for p in re.split(r"[,;|\n]", v)]
    elegidos: list[str] = []
    for parte in partes:
        codigo = opcion(parte, opciones)
        if codigo and codigo not in elegidos:
            elegidos.append(codigo)
    return elegidos


ETIQUETAS: dict[str, tuple[str, ...]] = {}
for _etiqueta, _codigo in etiquetas():
    ETIQUETAS[_clave(_etiqueta)] = (*ETIQUETAS.get(_clave(_etiqueta), ()), _codigo)

CONVERSORES: dict[str, Callable[[str], Any]] = {
    "texto": texto, "area": texto, "nombre": nombre, "documento": documento, "correo": texto,
    "telefono": texto, "cun": texto, "entero": entero, "pesos": pesos, "fecha": fecha,
    "fecha_hora": fecha_hora, "tres": tres,
}
