"""What every page's templates use: field ids, labels, and the Spanish date and peso filters."""

from __future__ import annotations

from datetime import date

from flask import Flask

from rules import texto as tx
from web import campos, etiquetas


def instalar(app: Flask) -> None:
    """Add the template globals (`campo_id`, `et`) and filters (`fecha`, `pesos`)."""
    app.jinja_env.globals.update(campo_id=campos.campo_id, et=etiquetas)
    app.jinja_env.filters.update(fecha=_fecha, pesos=tx.pesos)


def _fecha(valor: date | str | None) -> str:
    if valor is None:
        return ""
    return tx.fecha(date.fromisoformat(valor) if isinstance(valor, str) else valor)
