"""The most expensive case a letter can be asked to carry: every list and free-text field at the
model's own maximum, filled with long unbroken strings or long words (shared by tests and bench/)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Literal

from annotated_types import MaxLen
from pydantic import BaseModel

from rules import caso as modelo
from rules.texto_seguro import TEXTO_LIBRE_MAXIMO
from tests.conftest import cargar_semilla

Relleno = Literal["seguido", "palabras"]


def maximo(clase: type[BaseModel], campo: str) -> int:
    """The `max_length` the model declares for `clase.campo` (a string or a list)."""
    for restriccion in clase.model_fields[campo].metadata:
        if isinstance(restriccion, MaxLen):
            return restriccion.max_length
    raise LookupError(f"{clase.__name__}.{campo} no declara una longitud máxima")


def texto(largo: int, relleno: Relleno, semilla: int = 0) -> str:
    """`largo` characters: one unbroken word ('seguido') or 40-letter words ('palabras')."""
    letras = "abcdefghijklmnopqrstuvwxyzáéíóúñ"
    base = "".join(letras[(semilla + i * 7) % len(letras)] for i in range(largo))
    if relleno == "seguido":
        return "X" + base[1:]
    return " ".join(base[i:i + 40] for i in range(0, largo, 41))[:largo].strip().rjust(largo, "x")


class _Bolsa:
    """The model bounds the sum of a case's free texts (`TEXTO_LIBRE_MAXIMO`): each text takes its
    field's maximum while the sum allows, then one character, so the case stays valid."""

    def __init__(self, textos: int) -> None:
        self.resto, self.pendientes = TEXTO_LIBRE_MAXIMO, textos

    def largo(self, maximo_del_campo: int) -> int:
        self.pendientes -= 1
        largo = max(1, min(maximo_del_campo, self.resto - self.pendientes))
        self.resto -= largo
        return largo


def caso_hostil(relleno: Relleno = "seguido", fallas: int | None = None) -> dict[str, Any]:
    """The seed with every list at its maximum length and every free text as long as the model
    allows, field by field and in all (`fallas` failures instead of the maximum when given)."""
    c = cargar_semilla()
    M = modelo
    n_fallas = maximo(M.Caso, "fallas") if fallas is None else fallas
    bolsa = _Bolsa(n_fallas + maximo(M.Caso, "reclamaciones") + maximo(M.Caso, "cambios_unilaterales")
                   + maximo(M.Caso, "gastos_adicionales"))
    u = c["usuario"]
    u["nombre"] = texto(maximo(M.Usuario, "nombre"), relleno, 1)
    u["direccion"] = texto(maximo(M.Usuario, "direccion"), relleno, 2)
    u["ciudad"] = texto(maximo(M.Usuario, "ciudad"), relleno, 3)
    c["operador"], c["operador_nombre"] = "otro", texto(maximo(M.Caso, "operador_nombre"), relleno, 4)
    c["contrato"]["numero"] = texto(maximo(M.Contrato, "numero"), relleno, 5)
    c["contrato"]["direccion_servicio"] = texto(maximo(M.Contrato, "direccion_servicio"), relleno, 6)
    inicio = datetime.fromisoformat("2026-04-01T00:00:00-05:00")
    c["fallas"] = [
        {"servicio": "internet_fijo", "inicio": (inicio + timedelta(hours=20 * i)).isoformat(),
         "fin": (inicio + timedelta(hours=20 * i + 5)).isoformat(), "reportada": True,
         "cun": "1" * 40,
         "descripcion": texto(bolsa.largo(maximo(M.Falla, "descripcion")), relleno, i)}
        for i in range(n_fallas)
    ]
    c["reclamaciones"] = [
        {"tipo": "queja", "asunto": "falla", "fecha_radicacion": "2026-06-01", "canal": "web",
         "cun": "2" * 40,
         "pretensiones": ["compensacion", "informacion_falla"],
         "fecha_respuesta": "2026-06-20", "sentido_respuesta": "desfavorable",
         "respuesta_incompleta": True,
         "respuesta_referencia": texto(maximo(M.Reclamacion, "respuesta_referencia"), relleno, i),
         "respuesta_motivos": texto(bolsa.largo(maximo(M.Reclamacion, "respuesta_motivos")), relleno, i + 9)}
        for i in range(maximo(M.Caso, "reclamaciones"))
    ]
    c["cambios_unilaterales"] = [
        {"fecha": "2026-05-01",
         "descripcion": texto(bolsa.largo(maximo(M.CambioUnilateral, "descripcion")), relleno, i)}
        for i in range(maximo(M.Caso, "cambios_unilaterales"))
    ]
    c["gastos_adicionales"] = [
        {"descripcion": texto(bolsa.largo(maximo(M.GastoAdicional, "descripcion")), relleno, i),
         "valor": 1000 + i}
        for i in range(maximo(M.Caso, "gastos_adicionales"))
    ]
    c["pretensiones"] = ["terminar_sin_penalidad", "compensacion", "reembolso_gastos",
                         "informacion_falla", "copia_contrato", "revertir_cambio"]
    return c

