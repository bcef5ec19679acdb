"""Generator of varied, valid cases for benchmarks and robustness tests."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

SERVICIOS = ["internet_fijo", "telefonia_fija", "television", "movil"]
OPERADORES = ["claro", "movistar", "tigo", "tigo_une", "etb", "wom"]


def _fecha(r: random.Random, desde: date, hasta: date) -> date:
    return desde + timedelta(days=r.randint(0, max(0, (hasta - desde).days)))


def caso_aleatorio(r: random.Random) -> dict[str, Any]:
    """One plausible case with random dates, services, clause, incidents and complaints."""
    hoy = _fecha(r, date(2012, 1, 1), date(2026, 11, 28))
    inicio = _fecha(r, date(2011, 1, 1), hoy)
    servicios = r.sample(SERVICIOS, r.randint(1, 4))
    caso: dict[str, Any] = {
        "fecha_evaluacion": hoy.isoformat(),
        "usuario": {"nombre": "Persona de Prueba", "tipo_documento": "CC", "numero_documento": "1234567",
                    "direccion": "Calle 1 # 2-3", "ciudad": "Medellín"},
        "operador": r.choice(OPERADORES),
        "contrato": {"numero": "123", "servicios": servicios, "fecha_inicio": inicio.isoformat(),
                     "dia_corte": r.randint(1, 31), "valor_mensual": r.randint(20, 300) * 1000},
        "pretensiones": r.sample(["terminar_sin_penalidad", "compensacion", "reembolso_gastos",
                                  "informacion_falla", "copia_contrato"], r.randint(0, 3)),
    }
    if r.random() < 0.6:
        caso["permanencia"] = {
            "fecha_inicio": _fecha(r, inicio, min(hoy, inicio + timedelta(days=60))).isoformat(),
            "meses": r.choice([6, 12, 12, 18, 24]),
            "beneficio": r.choice(["subsidio_equipo", "financiacion_equipo", "descuento_tarifa",
                                   "ninguno", "desconocido"]),
            "valor_beneficio": r.choice([None, r.randint(1, 100) * 10000]),
            "documento_separado": r.choice([True, False, None]),
            "ofrecieron_plan_sin_permanencia": r.choice([True, False, None]),
            "valor_exigido": r.choice([None, r.randint(1, 60) * 10000]),
            "meses_suspension_voluntaria": r.choice([0, 0, 0, 1, 2]),
        }
    fallas = []
    for _ in range(r.randint(0, 5)):
        comienzo = datetime.combine(_fecha(r, max(inicio, hoy - timedelta(days=90)), hoy),
                                    datetime.min.time()) + timedelta(minutes=r.randint(0, 1439))
        fin = comienzo + timedelta(minutes=r.randint(10, 3000))
        limite = datetime.combine(hoy + timedelta(days=1), datetime.min.time())
        fallas.append({"servicio": r.choice(servicios), "inicio": comienzo.isoformat(),
                       "fin": None if r.random() < 0.1 or fin > limite else fin.isoformat(),
                       "masiva": r.random() < 0.5})
    caso["fallas"] = fallas
    reclamaciones = []
    for _ in range(r.randint(0, 2)):
        radicada = _fecha(r, max(inicio, hoy - timedelta(days=60)), hoy)
        respuesta = r.choice([None, _fecha(r, radicada, hoy)])
        reclamaciones.append({
            "tipo": r.choice(["queja", "peticion"]),
            "asunto": r.choice(["falla", "facturacion", "permanencia", "compensacion"]),
            "fecha_radicacion": radicada.isoformat(),
            "cun": f"{r.randint(1000, 9999)}-24-{r.randint(1, 10**9)}",
            "pretensiones": r.sample(["terminar_sin_penalidad", "compensacion"], r.randint(0, 2)),
            "fecha_respuesta": None if respuesta is None else respuesta.isoformat(),
            "sentido_respuesta": None if respuesta is None else r.choice(
                ["favorable", "parcial", "desfavorable"]),
        })
    caso["reclamaciones"] = reclamaciones
    if r.random() < 0.2:
        caso["cambios_unilaterales"] = [{"fecha": _fecha(r, inicio, hoy).isoformat(),
                                         "descripcion": "Subieron el precio sin aviso"}]
    if r.random() < 0.3:
        caso["gastos_adicionales"] = [{"descripcion": "Llamadas", "valor": r.randint(1, 50) * 1000}]
    if r.random() < 0.1:
        caso["solicitud_terminacion"] = {"fecha": _fecha(r, inicio, hoy).isoformat()}
    return caso
