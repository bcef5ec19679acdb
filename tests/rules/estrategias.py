"""Hypothesis strategies for valid cases, built from the model (rules/caso.py).

Every choice is drawn from the model's own types (its `Literal`s and bounds) through `st.builds` on
its pydantic classes, so a failing case shrinks field by field (fewer failures, earlier dates, no
clause, …) to the smallest case that still fails. Dates are drawn in the order the model's
cross-field checks (rules/coherencia.py) require: contract ≤ clause, complaint, change ≤ evaluation.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import get_args

from hypothesis import strategies as st

from rules.caso import (
    BOGOTA,
    Asunto,
    Beneficio,
    CambioUnilateral,
    Canal,
    Caso,
    Contrato,
    Falla,
    GastoAdicional,
    ModalidadMovil,
    Operador,
    Permanencia,
    Pretension,
    Reclamacion,
    Sentido,
    Servicio,
    SolicitudTerminacion,
    TipoReclamacion,
    Usuario,
    fin_del_dia,
)

# From before the engine's coverage (2011-05-18) to well after today, inside the model's 1990–2100.
PRIMER_DIA, ULTIMO_DIA = date(2008, 1, 1), date(2032, 12, 31)
USUARIO = Usuario(nombre="Persona de Prueba", tipo_documento="CC", numero_documento="1234567",
                  direccion="Calle 1 # 2-3", ciudad="Medellín")
CUN = "4563-24-0000123456"


def opcional(estrategia: st.SearchStrategy) -> st.SearchStrategy:
    """`None` (which shrinks first) or a value of `estrategia`."""
    return st.none() | estrategia


def de(tipo: object) -> st.SearchStrategy:
    """One of the values of a model `Literal` type."""
    return st.sampled_from(get_args(tipo))


def dias(desde: date, hasta: date) -> st.SearchStrategy[date]:
    """A date between `desde` and `hasta`, both included."""
    return st.dates(min_value=desde, max_value=max(desde, hasta))


@st.composite
def fallas(draw: st.DrawFn, servicios: list[str], desde: date, hoy: date) -> Falla:
    """An outage of a contracted service, started and (if ended) ended by the end of `hoy`."""
    inicio = draw(st.datetimes(min_value=datetime.combine(desde, time(0)),
                               max_value=datetime.combine(hoy, time(23, 59)),
                               timezones=st.just(BOGOTA)))
    minutos = draw(opcional(st.integers(min_value=0, max_value=60 * 24 * 40)))
    fin = None if minutos is None else min(inicio + timedelta(minutes=minutos), fin_del_dia(hoy))
    return draw(st.builds(Falla, servicio=st.sampled_from(servicios), inicio=st.just(inicio),
                          fin=st.just(fin), masiva=opcional(st.booleans()), reportada=st.booleans(),
                          cun=opcional(st.just(CUN))))


@st.composite
def reclamaciones(draw: st.DrawFn, desde: date, hoy: date) -> Reclamacion:
    """A PQR filed between the contract and `hoy`, answered (or not) by `hoy`."""
    radicada = draw(dias(desde, hoy))
    respuesta = draw(opcional(dias(radicada, hoy)))
    return draw(st.builds(
        Reclamacion, tipo=de(TipoReclamacion), asunto=de(Asunto), fecha_radicacion=st.just(radicada),
        canal=de(Canal), cun=opcional(st.just(CUN)),
        pretensiones=st.lists(de(Pretension), max_size=3, unique=True),
        fecha_respuesta=st.just(respuesta),
        sentido_respuesta=st.none() if respuesta is None else de(Sentido),
        respuesta_incompleta=st.booleans(), sap_cumplido=opcional(st.booleans()),
    ))


@st.composite
def casos(draw: st.DrawFn) -> Caso:
    """A valid `Caso`: any operator, services, clause, outages, complaints and requests."""
    hoy = draw(dias(PRIMER_DIA, ULTIMO_DIA))
    inicio = draw(dias(date(2005, 1, 1), hoy))
    servicios = draw(st.lists(de(Servicio), min_size=1, max_size=4, unique=True))
    contrato = draw(st.builds(
        Contrato, numero=opcional(st.just("1.23456789")), servicios=st.just(servicios),
        modalidad_movil=opcional(de(ModalidadMovil)) if "movil" in servicios else st.none(),
        fecha_inicio=st.just(inicio), dia_corte=opcional(st.integers(min_value=1, max_value=31)),
        valor_mensual=st.integers(min_value=0, max_value=2_000_000),
        valores_por_servicio=opcional(st.dictionaries(st.sampled_from(servicios),
                                                      st.integers(min_value=0, max_value=500_000))),
        servicio_iniciado=opcional(st.booleans()), a_distancia=opcional(st.booleans()),
        fecha_limite_instalacion=opcional(dias(inicio, inicio + timedelta(days=90))),
    ))
    permanencia = draw(opcional(st.builds(
        Permanencia, fecha_inicio=dias(inicio, hoy), meses=st.integers(min_value=1, max_value=60),
        beneficio=de(Beneficio), valor_beneficio=opcional(st.integers(min_value=0, max_value=5_000_000)),
        documento_separado=opcional(st.booleans()),
        ofrecieron_plan_sin_permanencia=opcional(st.booleans()),
        valor_exigido=opcional(st.integers(min_value=0, max_value=5_000_000)),
        meses_suspension_voluntaria=st.integers(min_value=0, max_value=24),
    )))
    hay = st.sampled_from([None, "no", "no_se"]) if permanencia is None else st.sampled_from([None, "si"])
    operador = draw(de(Operador))
    return draw(st.builds(
        Caso, fecha_evaluacion=st.just(hoy), usuario=st.just(USUARIO), operador=st.just(operador),
        operador_nombre=st.just("Cablemás del Llano S.A.S.") if operador == "otro" else st.none(),
        contrato=st.just(contrato), permanencia=st.just(permanencia), hay_permanencia=hay,
        fallas=st.lists(fallas(servicios, max(inicio, hoy - timedelta(days=120)), hoy), max_size=5),
        reclamaciones=st.lists(reclamaciones(max(inicio, hoy - timedelta(days=120)), hoy), max_size=3),
        cambios_unilaterales=st.lists(st.builds(
            CambioUnilateral, fecha=dias(inicio, hoy), descripcion=st.just("Subieron el precio"),
            previsto_en_contrato=opcional(st.booleans()), notificado=opcional(st.booleans())),
            max_size=2),
        gastos_adicionales=st.lists(st.builds(
            GastoAdicional, descripcion=st.just("Llamadas desde otra línea"),
            valor=st.integers(min_value=0, max_value=1_000_000)), max_size=2),
        solicitud_terminacion=opcional(st.builds(SolicitudTerminacion, fecha=dias(inicio, hoy),
                                                 canal=de(Canal), cun=opcional(st.just(CUN)))),
        pretensiones=st.lists(de(Pretension), max_size=4, unique=True),
        compensacion_aplicada=opcional(st.booleans()),
    ))
