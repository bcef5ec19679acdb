"""From the form to a `Caso` and back to the form: build the case, place each error beside its field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rules import Caso, CasoInvalido, ErrorCampo
from web.campos import CAMPOS, GRUPOS, campo_id, etiqueta
from web.formulario import Formulario, orden
from web.motor import validar

_TRES = {"si": True, "no": False}
_FECHA_LATINA = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_HORA = re.compile(r"^(\d{1,2})[:.h](\d{2})$")
_MILES_PUNTO = re.compile(r"^\d{1,3}(\.\d{3})+$")
_MILES_COMA = re.compile(r"^\d{1,3}(,\d{3})+$")
# Engine paths whose form field has another name.
_ALIAS = {"fallas": {"inicio": "inicio_fecha", "fin": "fin_fecha"}}


@dataclass(frozen=True)
class ErrorVisible:
    """An error as the page shows it: the field's name, id and label, and the Spanish message."""

    nombre: str | None
    id: str
    etiqueta: str
    mensaje: str


def _texto(valor: str) -> str | None:
    valor = valor.strip()
    return valor or None


def _fecha(valor: str) -> str | None:
    valor = valor.strip()
    if m := _FECHA_LATINA.match(valor):
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return valor or None


def _hora(valor: str) -> str | None:
    m = _HORA.match(valor.strip())
    if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
        return f"{int(m.group(1)):02d}:{m.group(2)}"
    return None


def _entero(valor: str) -> int | str | None:
    valor = valor.strip()
    return int(valor) if valor.isdigit() and len(valor) < 15 else (valor or None)


def _pesos(valor: str) -> int | str | None:
    limpio = valor.replace("$", "").replace(" ", "").strip()
    if _MILES_PUNTO.match(limpio):
        limpio = limpio.replace(".", "")
    elif _MILES_COMA.match(limpio):
        limpio = limpio.replace(",", "")
    return _entero(limpio) if limpio else None


def _sin_nulos(datos: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in datos.items() if v is not None}


def _momento(f: Formulario, fila: str, que: str, errores: list[ErrorCampo]) -> str | None:
    dia, hora_txt = _fecha(f.valor(f"{fila}.{que}_fecha")), f.valor(f"{fila}.{que}_hora").strip()
    hora = _hora(hora_txt)
    cuando = "empezó" if que == "inicio" else "volvió el servicio"
    if dia and not hora_txt:
        errores.append(ErrorCampo(f"{fila}.{que}_hora", f"Escriba la hora aproximada en que {cuando}."))
    elif hora_txt and not hora:
        errores.append(ErrorCampo(f"{fila}.{que}_hora", "Escriba la hora así: 19:40."))
    elif hora and not dia:
        errores.append(ErrorCampo(f"{fila}.{que}_fecha", f"Escriba el día en que {cuando}."))
    elif que == "fin" and not dia:
        errores.append(ErrorCampo(f"{fila}.fin_fecha", "Escriba cuándo volvió el servicio o marque "
                                                       "«Todavía sigue sin servicio»."))
    return f"{dia}T{hora}" if dia and hora else None


def _filas(f: Formulario, grupo: str) -> list[int]:
    return [i for i in range(f.filas.get(grupo, 0)) if not f.fila_vacia(grupo, i)]


def _falla(f: Formulario, fila: str, errores: list[ErrorCampo]) -> dict[str, Any]:
    sigue = f.valor(f"{fila}.sigue") == "si"
    return _sin_nulos({
        "servicio": _texto(f.valor(f"{fila}.servicio")),
        "inicio": _momento(f, fila, "inicio", errores),
        "fin": None if sigue else _momento(f, fila, "fin", errores),
        "masiva": f.valor(f"{fila}.masiva") == "si",
        "reportada": f.valor(f"{fila}.reportada") == "si",
        "cun": _texto(f.valor(f"{fila}.cun")),
        "descripcion": _texto(f.valor(f"{fila}.descripcion")),
    })


def _reclamacion(f: Formulario, fila: str) -> dict[str, Any]:
    return _sin_nulos({
        "tipo": _texto(f.valor(f"{fila}.tipo")),
        "asunto": _texto(f.valor(f"{fila}.asunto")),
        "fecha_radicacion": _fecha(f.valor(f"{fila}.fecha_radicacion")),
        "canal": _texto(f.valor(f"{fila}.canal")),
        "cun": _texto(f.valor(f"{fila}.cun")),
        "pretensiones": f.lista(f"{fila}.pretensiones"),
        "fecha_respuesta": _fecha(f.valor(f"{fila}.fecha_respuesta")),
        "sentido_respuesta": _texto(f.valor(f"{fila}.sentido_respuesta")),
        "respuesta_incompleta": f.valor(f"{fila}.respuesta_incompleta") == "si",
        "respuesta_referencia": _texto(f.valor(f"{fila}.respuesta_referencia")),
        "respuesta_motivos": _texto(f.valor(f"{fila}.respuesta_motivos")),
        "sap_cumplido": _TRES.get(f.valor(f"{fila}.sap_cumplido")),
    })


def _contrato(f: Formulario, errores: list[ErrorCampo]) -> dict[str, Any]:
    servicios = f.lista("contrato.servicios")
    if not servicios:
        errores.append(ErrorCampo("contrato.servicios", "Marque al menos un servicio."))
    valores = {s: v for s in servicios
               if (v := _pesos(f.valor(f"contrato.valores_por_servicio.{s}"))) is not None}
    return _sin_nulos({
        "numero": _texto(f.valor("contrato.numero")),
        "servicios": servicios,
        "modalidad_movil": _texto(f.valor("contrato.modalidad_movil")) if "movil" in servicios else None,
        "fecha_inicio": _fecha(f.valor("contrato.fecha_inicio")),
        "dia_corte": _entero(f.valor("contrato.dia_corte")),
        "valor_mensual": _pesos(f.valor("contrato.valor_mensual")),
        "direccion_servicio": _texto(f.valor("contrato.direccion_servicio")),
        "valores_por_servicio": valores or None,
        "servicio_iniciado": _TRES.get(f.valor("contrato.servicio_iniciado")),
        "a_distancia": _TRES.get(f.valor("contrato.a_distancia")),
    })


def _permanencia(f: Formulario) -> dict[str, Any] | None:
    if f.valor("permanencia.tiene") != "si":
        return None
    return _sin_nulos({
        "fecha_inicio": _fecha(f.valor("permanencia.fecha_inicio")),
        "meses": _entero(f.valor("permanencia.meses")),
        "beneficio": _texto(f.valor("permanencia.beneficio")),
        "valor_beneficio": _pesos(f.valor("permanencia.valor_beneficio")),
        "documento_separado": _TRES.get(f.valor("permanencia.documento_separado")),
        "ofrecieron_plan_sin_permanencia": _TRES.get(f.valor("permanencia.ofrecieron_plan_sin_permanencia")),
        "valor_exigido": _pesos(f.valor("permanencia.valor_exigido")),
        "meses_suspension_voluntaria": _entero(f.valor("permanencia.meses_suspension_voluntaria")) or 0,
    })


def a_caso(f: Formulario) -> tuple[dict[str, Any], list[ErrorCampo]]:
    """The case the form describes (for `validar_caso`) and the form's own errors (missing hours…)."""
    errores: list[ErrorCampo] = []
    usuario = {k: _texto(f.valor(f"usuario.{k}")) for k in (
        "nombre", "tipo_documento", "numero_documento", "direccion", "ciudad", "telefono", "correo")}
    operador = _texto(f.valor("operador"))
    solicitud = None
    if f.valor("solicitud_terminacion.ya") == "si":
        solicitud = _sin_nulos({"fecha": _fecha(f.valor("solicitud_terminacion.fecha")),
                                "canal": _texto(f.valor("solicitud_terminacion.canal")),
                                "cun": _texto(f.valor("solicitud_terminacion.cun"))})
    caso = _sin_nulos({
        "fecha_evaluacion": _fecha(f.valor("fecha_evaluacion")),
        "usuario": _sin_nulos(usuario),
        "operador": operador,
        "operador_nombre": _texto(f.valor("operador_nombre")) if operador == "otro" else None,
        "contrato": _contrato(f, errores),
        "permanencia": _permanencia(f),
        "fallas": [_falla(f, f"fallas[{i}]", errores) for i in _filas(f, "fallas")],
        "reclamaciones": [_reclamacion(f, f"reclamaciones[{i}]") for i in _filas(f, "reclamaciones")],
        "cambios_unilaterales": [
            _sin_nulos({"fecha": _fecha(f.valor(f"cambios_unilaterales[{i}].fecha")),
                        "descripcion": _texto(f.valor(f"cambios_unilaterales[{i}].descripcion"))})
            for i in _filas(f, "cambios_unilaterales")],
        "gastos_adicionales": [
            _sin_nulos({"descripcion": _texto(f.valor(f"gastos_adicionales[{i}].descripcion")),
                        "valor": _pesos(f.valor(f"gastos_adicionales[{i}].valor"))})
            for i in _filas(f, "gastos_adicionales")],
        "solicitud_terminacion": solicitud,
        "pretensiones": f.lista("pretensiones"),
        "compensacion_aplicada": _TRES.get(f.valor("compensacion_aplicada")),
    })
    return caso, errores


def validar_formulario(f: Formulario) -> tuple[Caso | None, list[ErrorVisible]]:
    """Validate the form as a case: the case, or every error placed beside its field."""
    datos, propios = a_caso(f)
    try:
        caso = validar(datos)
        del_motor: list[ErrorCampo] = []
    except CasoInvalido as exc:
        caso, del_motor = None, exc.errores
    errores = ubicar(f, propios, del_motor)
    return (None if errores else caso), errores


def nombre_del_campo(ruta: str) -> str | None:
    """The form field for an engine path: `fallas[0].fin` → `fallas[0].fin_fecha`; None if none."""
    if not ruta:
        return None
    m = re.match(r"^(\w+)\[(\d+)\]\.?([^.\[]*)", ruta)
    if m and m.group(1) in GRUPOS:
        grupo, i, resto = m.group(1), m.group(2), m.group(3)
        resto = _ALIAS.get(grupo, {}).get(resto, resto)
        nombres = [c.nombre for c in GRUPOS[grupo].campos]
        return f"{grupo}[{i}].{resto if resto in nombres else nombres[0]}"
    partes = re.sub(r"\[\d+\]", "", ruta).split(".")
    while partes:
        candidato = ".".join(partes)
        if candidato in CAMPOS:
            return candidato
        hijos = [n for n in CAMPOS if n.startswith(candidato + ".")]
        if hijos:
            return hijos[0]
        partes.pop()
    return None


def ubicar(f: Formulario, propios: list[ErrorCampo], del_motor: list[ErrorCampo]) -> list[ErrorVisible]:
    """Place errors beside fields, the form's own first; sort them in page order, without repeats."""
    por_campo: dict[str | None, list[str]] = {}
    for e in propios:
        por_campo.setdefault(e.campo, []).append(e.mensaje)
    dichos = {_base(n) for n in por_campo if n}
    for e in del_motor:
        nombre = nombre_del_campo(e.campo)
        if nombre and _base(nombre) in dichos:
            continue  # the form already said it, in plainer words
        mensajes = por_campo.setdefault(nombre, [])
        if e.mensaje not in mensajes:
            mensajes.append(e.mensaje)
    posicion = {n: i for i, n in enumerate(orden(f))}
    visibles = [
        ErrorVisible(n, campo_id(n) if n else "formulario", etiqueta(n) if n else "Caso", m)
        for n, mensajes in por_campo.items() for m in mensajes
    ]
    return sorted(visibles, key=lambda e: posicion.get(e.nombre or "", len(posicion)))


def _base(nombre: str) -> str:
    return re.sub(r"_(fecha|hora)$", "", nombre)
