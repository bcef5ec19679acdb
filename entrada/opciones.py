"""Spanish words for the codes a person chooses (operators, services, channels…): the form,
the batch template and the pages all show these."""

from __future__ import annotations

import re
from collections.abc import Iterator

OPERADORES: dict[str, str] = {
    "claro": "Claro",
    "movistar": "Movistar",
    "tigo": "Tigo (celular)",
    "tigo_une": "Tigo UNE (hogar)",
    "etb": "ETB",
    "wom": "WOM",
    "otro": "Otra empresa",
}

SERVICIOS_FORMULARIO: dict[str, str] = {
    "internet_fijo": "Internet fijo (hogar)",
    "telefonia_fija": "Teléfono fijo",
    "television": "Televisión por suscripción",
    "movil": "Celular (móvil)",
}

SERVICIOS: dict[str, str] = {
    "internet_fijo": "Internet fijo",
    "telefonia_fija": "Telefonía fija",
    "television": "Televisión",
    "movil": "Celular",
}

MODALIDADES: dict[str, str] = {"pospago": "Pospago (plan con factura)", "prepago": "Prepago (recargas)"}

BENEFICIOS: dict[str, str] = {
    "desconocido": "No sé",
    "subsidio_equipo": "Un equipo (celular, módem, decodificador) más barato",
    "financiacion_equipo": "El equipo pagado a cuotas",
    "descuento_conexion": "La instalación gratis o con descuento",
    "descuento_tarifa": "Un descuento en la tarifa mensual",
    "ninguno": "Nada",
}

TIPOS_PQR: dict[str, str] = {"queja": "Queja o reclamo", "peticion": "Petición", "recurso": "Recurso"}

ASUNTOS: dict[str, str] = {
    "falla": "Fallas del servicio",
    "facturacion": "La factura",
    "terminacion": "Terminar el contrato",
    "permanencia": "La permanencia",
    "compensacion": "La compensación",
    "otro": "Otro asunto",
}

CANALES: dict[str, str] = {
    "web": "Página web",
    "app": "Aplicación del operador",
    "telefono": "Línea telefónica",
    "oficina": "Oficina",
    "correo": "Correo electrónico",
    "redes_sociales": "Redes sociales",
}

PRETENSIONES: dict[str, str] = {
    "terminar_sin_penalidad": "Terminar el contrato sin pagar la permanencia",
    "terminar": "Terminar el contrato",
    "compensacion": "Que me compensen por el tiempo sin servicio",
    "reembolso_gastos": "Que me devuelvan los gastos que me causó la falla",
    "informacion_falla": "Saber la causa y la duración de la falla",
    "copia_contrato": "Recibir copia del contrato y del documento de permanencia",
    "revertir_cambio": "Que reviertan un cambio que no autoricé",
}

SENTIDOS: dict[str, str] = {
    "favorable": "A mi favor",
    "parcial": "Solo en parte a mi favor",
    "desfavorable": "En contra",
}

DOCUMENTOS: dict[str, str] = {
    "CC": "Cédula de ciudadanía",
    "CE": "Cédula de extranjería",
    "PPT": "Permiso por Protección Temporal",
    "PA": "Pasaporte",
    "NIT": "NIT",
}

# Other ways people write a code, beyond its code and its label ("cédula" for CC).
SINONIMOS: dict[str, str] = {
    "cédula": "CC", "cédula ciudadanía": "CC", "cédula extranjería": "CE", "no sabe": "desconocido",
}


def etiquetas() -> Iterator[tuple[str, str]]:
    """Every (Spanish label, code) pair a person may write for a code: the labels above, each also
    without its parenthesis ('Tigo UNE (hogar)' → 'Tigo UNE'), and the synonyms."""
    for mapa in (OPERADORES, SERVICIOS_FORMULARIO, SERVICIOS, MODALIDADES, BENEFICIOS, TIPOS_PQR,
                 ASUNTOS, CANALES, PRETENSIONES, SENTIDOS, DOCUMENTOS):
        for codigo, etiqueta in mapa.items():
            yield etiqueta, codigo
            corta = re.sub(r"\s*\(.*?\)", "", etiqueta)
            if corta != etiqueta:
                yield corta, codigo
    yield from SINONIMOS.items()
