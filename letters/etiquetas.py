"""Spanish labels for the case's enumerations, as a letter prints them."""

from __future__ import annotations

from rules.texto import ARTICULOS, SERVICIOS

DOCUMENTOS: dict[str, tuple[str, str]] = {
    "CC": ("cédula de ciudadanía", "C.C."),
    "CE": ("cédula de extranjería", "C.E."),
    "PA": ("pasaporte", "Pasaporte"),
    "NIT": ("NIT", "NIT"),
    "PPT": ("Permiso por Protección Temporal", "PPT"),
}

CANALES: dict[str, str] = {
    "oficina": "en una oficina de atención",
    "web": "por la página web",
    "telefono": "por la línea de atención telefónica",
    "redes_sociales": "por redes sociales",
    "correo": "por correo electrónico",
    "app": "por la aplicación móvil",
}

TIPOS_PQR: dict[str, str] = {"peticion": "petición", "queja": "queja", "recurso": "recurso"}

SENTIDOS: dict[str, str] = {
    "favorable": "favorable",
    "parcial": "parcialmente favorable",
    "desfavorable": "desfavorable",
}

PRETENSIONES: dict[str, str] = {
    "terminar_sin_penalidad": "la terminación del contrato sin pagar la cláusula de permanencia",
    "terminar": "la terminación del contrato",
    "compensacion": "la compensación por la falta de disponibilidad del servicio",
    "reembolso_gastos": "el reembolso de los gastos que me causó la falla",
    "informacion_falla": "información sobre la causa y la duración de la falla",
    "copia_contrato": "copia del contrato y del anexo de permanencia",
    "revertir_cambio": "que se revirtiera el cambio del plan o del precio que no autoricé",
}

BENEFICIOS: dict[str, str | None] = {
    "subsidio_equipo": "un subsidio para el equipo",
    "financiacion_equipo": "la financiación del equipo",
    "descuento_conexion": "un descuento en el cargo de conexión",
    "descuento_tarifa": "un descuento en la tarifa",
    "ninguno": None,
    "desconocido": None,
}

MODALIDADES: dict[str, str] = {"pospago": "pospago", "prepago": "prepago"}

TITULOS: dict[str, str] = {
    "queja": "Queja ante el operador",
    "terminacion": "Solicitud de terminación del contrato",
    "silencio_positivo": "Solicitud de reconocimiento del silencio administrativo positivo",
    "recurso": "Recurso de reposición y en subsidio de apelación",
    "queja_sic": "Queja ante la Superintendencia de Industria y Comercio",
}


def servicio(clave: str) -> str:
    """'internet fijo'."""
    return SERVICIOS[clave]


def el_servicio(clave: str) -> str:
    """'el internet fijo'."""
    return f"{ARTICULOS[clave]} {SERVICIOS[clave]}"
