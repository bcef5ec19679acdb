"""Scenarios for the letters' tests, built from the seed case; each names the kinds it must support."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import cargar_semilla

Caso = dict[str, Any]


def semilla() -> Caso:
    """The seed: a night-long massive outage, a complaint unanswered past its deadline (SAP)."""
    return cargar_semilla()


def recurso_reciente() -> Caso:
    """The seed, but the operator answered unfavourably on 20 November: the appeal term is open."""
    c = cargar_semilla()
    c["reclamaciones"][0].update(fecha_respuesta="2026-11-20", sentido_respuesta="desfavorable")
    return c


def otro_sin_permanencia() -> Caso:
    """A small operator typed by the user, no permanence clause, no complaint filed yet."""
    c = cargar_semilla()
    c.update(operador="otro", operador_nombre="Cablemás del Llano S.A.S.", permanencia=None,
             reclamaciones=[])
    c["usuario"].update(nombre="Jorge Iván Ríos", tipo_documento="CE", numero_documento="E4455667",
                        correo=None, telefono=None, ciudad="Villavicencio")
    c["gastos_adicionales"] = [
        {"descripcion": "Recargas para llamar al operador", "valor": 21000},
        {"descripcion": "Datos móviles para trabajar", "valor": 1000000},
    ]
    return c


def prueba_b1() -> Caso:
    """The seed without any complaint: leaving without penalty rests on B1, which requires proof."""
    c = cargar_semilla()
    c["reclamaciones"] = []
    return c


def sap_tardio_movistar() -> Caso:
    """Movistar answered a complaint late: silencio positivo for a late answer."""
    c = cargar_semilla()
    c.update(operador="movistar", permanencia=None, gastos_adicionales=[])
    c["contrato"].update(servicios=["internet_fijo", "television"], modalidad_movil=None,
                         valor_mensual=99900, fecha_inicio="2025-01-20", dia_corte=1)
    c["fallas"] = [
        {"servicio": "internet_fijo", "inicio": "2026-09-28T08:00:00-05:00",
         "fin": "2026-09-28T14:30:00-05:00", "reportada": True, "cun": "1234-26-0000987654"},
        {"servicio": "television", "inicio": "2026-09-29T20:00:00-05:00",
         "fin": "2026-09-30T22:00:00-05:00", "reportada": False},
    ]
    c["reclamaciones"] = [{
        "tipo": "queja", "asunto": "compensacion", "fecha_radicacion": "2026-10-01", "canal": "telefono",
        "cun": "1234-26-0000987654", "pretensiones": ["compensacion", "informacion_falla"],
        "fecha_respuesta": "2026-11-10", "sentido_respuesta": "desfavorable",
    }]
    c["pretensiones"] = ["compensacion", "informacion_falla"]
    return c


def sap_peticion_etb() -> Caso:
    """ETB never answered a request for the contract copy and termination; no separate annex."""
    c = cargar_semilla()
    c.update(operador="etb", fallas=[], gastos_adicionales=[])
    c["contrato"].update(servicios=["internet_fijo", "telefonia_fija"], modalidad_movil=None)
    c["permanencia"].update(documento_separado=False, beneficio="descuento_tarifa",
                            valor_beneficio=240000, valor_exigido=None)
    c["reclamaciones"] = [{
        "tipo": "peticion", "asunto": "terminacion", "fecha_radicacion": "2026-10-15", "canal": "oficina",
        "cun": "7777-26-0000000042", "pretensiones": ["terminar_sin_penalidad", "copia_contrato"],
    }]
    c["pretensiones"] = ["terminar_sin_penalidad", "copia_contrato"]
    return c


def recurso_tigo_une() -> Caso:
    """A partly favourable answer on a compensation claim for a TV outage, notified on 25 November."""
    c = cargar_semilla()
    c.update(operador="tigo_une", permanencia=None, gastos_adicionales=[])
    c["contrato"].update(servicios=["internet_fijo", "television"], modalidad_movil=None,
                         valores_por_servicio={"internet_fijo": 80000, "television": 45000},
                         valor_mensual=125000)
    c["fallas"] = [{"servicio": "television", "inicio": "2026-11-10T06:00:00-05:00",
                    "fin": "2026-11-11T04:00:00-05:00", "reportada": True, "cun": "5555-26-0000111222",
                    "descripcion": "Sin señal de televisión en todo el barrio"}]
    c["reclamaciones"] = [{
        "tipo": "queja", "asunto": "compensacion", "fecha_radicacion": "2026-11-12", "canal": "app",
        "cun": "5555-26-0000111222", "pretensiones": ["compensacion"],
        "fecha_respuesta": "2026-11-25", "sentido_respuesta": "parcial",
    }]
    c["pretensiones"] = ["compensacion"]
    return c


def recurso_wom_terminacion() -> Caso:
    """WOM refused to end a mobile-only contract whose permanence is prohibited; answer on 24 Nov."""
    c = cargar_semilla()
    c.update(operador="wom", fallas=[], gastos_adicionales=[])
    c["contrato"].update(servicios=["movil"], modalidad_movil="pospago", valor_mensual=45900)
    c["permanencia"].update(valor_exigido=200000)
    c["reclamaciones"] = [{
        "tipo": "queja", "asunto": "terminacion", "fecha_radicacion": "2026-11-17", "canal": "correo",
        "cun": "8888-26-0000333444", "pretensiones": ["terminar_sin_penalidad"],
        "fecha_respuesta": "2026-11-24", "sentido_respuesta": "desfavorable",
    }]
    c["pretensiones"] = ["terminar_sin_penalidad"]
    return c


def permanencia_exigible() -> Caso:
    """No failures and no ground: the permanence is owed, capped at the proportional amount."""
    c = cargar_semilla()
    c.update(fallas=[], reclamaciones=[], gastos_adicionales=[], pretensiones=["terminar"])
    c["contrato"].update(servicios=["internet_fijo"], modalidad_movil=None)
    c["permanencia"].update(ofrecieron_plan_sin_permanencia=True)
    return c


ESCENARIOS: dict[str, tuple[Callable[[], Caso], tuple[str, ...]]] = {
    "semilla": (semilla, ("queja", "terminacion", "silencio_positivo", "queja_sic")),
    # Q4: never the SIC while the recurso window is open.
    "recurso_reciente": (recurso_reciente, ("queja", "terminacion", "recurso")),
    "otro_sin_permanencia": (otro_sin_permanencia, ("queja", "terminacion")),
    "prueba_b1": (prueba_b1, ("queja", "terminacion")),
    "sap_tardio_movistar": (sap_tardio_movistar, ("queja", "silencio_positivo", "queja_sic")),
    "sap_peticion_etb": (sap_peticion_etb, ("terminacion", "silencio_positivo", "queja_sic")),
    "recurso_tigo_une": (recurso_tigo_une, ("queja", "recurso")),
    "recurso_wom_terminacion": (recurso_wom_terminacion, ("terminacion", "recurso")),
    "permanencia_exigible": (permanencia_exigible, ("terminacion",)),
}

PARES: list[tuple[str, str]] = [(e, t) for e, (_, tipos) in ESCENARIOS.items() for t in tipos]
