"""Free text that reaches a letter: control characters, bidi overrides and emoji in names are refused
with a Spanish message naming the field; the case's free text is bounded; the form's maxlength follows
the model."""

from __future__ import annotations

from typing import Any

import pytest
from annotated_types import MaxLen
from pydantic import BaseModel

from entrada import PREGUNTAS
from rules import Caso, validar_caso
from rules.texto_seguro import TEXTO_LIBRE_MAXIMO, texto_libre
from tests.conftest import cargar_semilla


def _con(ruta: str, valor: str) -> dict[str, Any]:
    datos = cargar_semilla()
    datos["cambios_unilaterales"] = [{"fecha": "2026-10-01", "descripcion": "Subieron el plan"}]
    datos["gastos_adicionales"] = [{"descripcion": "Llamadas desde otra línea", "valor": 12000}]
    datos["operador"] = "otro"
    datos["operador_nombre"] = "Operador Local"
    datos["contrato"]["direccion_servicio"] = "Carrera 7 # 1-2"
    nodo: Any = datos
    partes = ruta.replace("[", ".").replace("]", "").split(".")
    for parte in partes[:-1]:
        nodo = nodo[int(parte)] if parte.isdigit() else nodo[parte]
    nodo[partes[-1]] = valor
    return datos


LINEAS = ["usuario.nombre", "usuario.direccion", "usuario.ciudad", "contrato.numero",
          "contrato.direccion_servicio", "operador_nombre", "reclamaciones[0].respuesta_referencia"]
PARRAFOS = ["fallas[0].descripcion", "cambios_unilaterales[0].descripcion",
            "gastos_adicionales[0].descripcion", "reclamaciones[0].respuesta_motivos"]


def _errores(client, datos) -> dict[str, str]:
    r = client.post("/api/v1/evaluar", json=datos)
    assert r.status_code == 422, r.text
    return {e["campo"]: e["mensaje"] for e in r.json["errores"]}


@pytest.mark.parametrize("ruta", LINEAS + PARRAFOS)
@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b", "\x7f", "\x85"])
def test_controles_rechazados_en_cada_texto_libre(client, ruta, control):
    errores = _errores(client, _con(ruta, f"Texto{control}oculto"))
    assert "caracteres de control invisibles" in errores[ruta]


@pytest.mark.parametrize("ruta", LINEAS + PARRAFOS)
def test_inversion_bidi_rechazada(client, ruta):
    errores = _errores(client, _con(ruta, "Pago \u202e000.01 \u202c"))
    assert "cambian el orden" in errores[ruta]


@pytest.mark.parametrize("ruta", LINEAS)
def test_una_linea_sin_saltos(client, ruta):
    assert "una sola línea" in _errores(client, _con(ruta, "Primera\nsegunda"))[ruta]


@pytest.mark.parametrize("ruta", PARRAFOS)
def test_los_parrafos_admiten_saltos_de_linea(client, ruta):
    datos = _con(ruta, "Primera línea.\nSegunda línea.")
    assert client.post("/api/v1/evaluar", json=datos).status_code == 200


@pytest.mark.parametrize("ruta", ["usuario.nombre", "usuario.ciudad", "operador_nombre"])
@pytest.mark.parametrize("emoji", ["😀", "❤️", "👍🏽", "🇨🇴", "★"])
def test_emoji_rechazados_en_nombres(client, ruta, emoji):
    assert "emoji" in _errores(client, _con(ruta, f"Ana {emoji} Pérez"))[ruta]


def test_nombres_con_tildes_y_signos_pasan(client):
    datos = _con("usuario.nombre", "María-José O'Neill Ñáñez")
    datos["usuario"]["ciudad"] = "San José de Cúcuta"
    assert client.post("/api/v1/evaluar", json=datos).status_code == 200


def test_el_texto_libre_del_caso_tiene_tope(client):
    datos = cargar_semilla()
    falla = datos["fallas"][0]
    datos["fallas"] = [{**falla, "descripcion": ("palabra " * 120).strip()} for _ in range(30)]  # 960 × 30
    errores = _errores(client, datos)
    assert f"una carta admite hasta {TEXTO_LIBRE_MAXIMO:,}".replace(",", ".") in errores[""]


def test_el_texto_en_el_tope_pasa(client):
    datos = cargar_semilla()
    falla = datos["fallas"][0]
    otros = texto_libre(validar_caso(datos)) - sum(len(f.get("descripcion") or "") for f in datos["fallas"])
    datos["fallas"] = [{**falla, "descripcion": "x" * 1000} for _ in range(TEXTO_LIBRE_MAXIMO // 1000)]
    datos["fallas"][0]["descripcion"] = "x" * (1000 - otros)
    assert client.post("/api/v1/evaluar", json=datos).status_code == 200


def _maximo_del_modelo(ruta: str) -> int | None:
    modelo: type[BaseModel] = Caso
    partes = ruta.replace("[]", "").split(".")
    for parte in partes[:-1]:
        if parte not in modelo.model_fields:
            return None
        anotacion = modelo.model_fields[parte].annotation
        modelos = [a for a in _miembros(anotacion) if isinstance(a, type) and issubclass(a, BaseModel)]
        if not modelos:
            return None
        modelo = modelos[0]
    campo = modelo.model_fields.get(partes[-1])
    if campo is None:
        return None
    return next((m.max_length for m in campo.metadata if isinstance(m, MaxLen)), None)


def _miembros(anotacion: Any) -> list[Any]:
    pendientes, vistos = [anotacion], []
    while pendientes:
        a = pendientes.pop()
        vistos.append(a)
        pendientes.extend(getattr(a, "__args__", ()))
    return vistos


def test_el_maxlength_del_formulario_sigue_al_modelo():
    revisados = 0
    for nombre, campo in PREGUNTAS.items():
        maximo = _maximo_del_modelo(nombre)
        if campo.tipo in ("texto", "area", "nombre", "telefono", "correo") and maximo is not None:
            assert campo.maximo == maximo, nombre
            revisados += 1
    assert revisados >= 12  # the interview asks 13 text questions that the model bounds
