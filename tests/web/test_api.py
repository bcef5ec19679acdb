"""The JSON API: evaluate, letters, rules, the OpenAPI document and its docs page."""

from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from rules import evaluar, validar_caso
from rules.catalogo import catalogo
from web.openapi import documento


def test_evaluar_devuelve_la_decision_del_motor(client, semilla):
    r = client.post("/api/v1/evaluar", json=semilla)
    assert r.status_code == 200 and r.mimetype == "application/json"
    assert r.json == json.loads(evaluar(validar_caso(semilla)).model_dump_json())


def test_evaluar_422_con_rutas_y_mensajes_en_espanol(client, semilla):
    semilla["fallas"][0]["fin"] = "2026-11-01T00:00:00-05:00"
    semilla["usuario"]["correo"] = "no"
    del semilla["contrato"]["valor_mensual"]  # dia_corte and numero may be unknown
    r = client.post("/api/v1/evaluar", json=semilla)
    assert r.status_code == 422
    assert r.json["mensaje"] == "El caso no es válido."
    errores = {e["campo"]: e["mensaje"] for e in r.json["errores"]}
    assert errores == {
        "usuario.correo": "El correo electrónico no es válido.",
        "contrato.valor_mensual": "Este dato es obligatorio.",
        "fallas[0].fin": "El fin de la falla es anterior a su inicio.",
    }


@pytest.mark.parametrize(("cuerpo", "mensaje"), [
    (b"{", "El documento no es JSON válido."),
    (b"[1, 2]", "El caso debe ser un objeto JSON con campos."),
])
def test_evaluar_json_malo(client, cuerpo, mensaje):
    r = client.post("/api/v1/evaluar", data=cuerpo, content_type="application/json")
    assert r.status_code == 422 and r.json["errores"] == [{"campo": "", "mensaje": mensaje}]


def test_evaluar_exige_json(client, semilla):
    r = client.post("/api/v1/evaluar", data=json.dumps(semilla), content_type="text/plain")
    assert r.status_code == 415 and "application/json" in r.json["mensaje"]


@pytest.mark.parametrize(("formato", "tipo_mime"), [
    ("pdf", "application/pdf"), ("txt", "text/plain"), ("html", "text/html"),
])
def test_cartas_en_cada_formato(client, semilla, formato, tipo_mime):
    r = client.post(f"/api/v1/cartas/terminacion?formato={formato}", json=semilla)
    assert r.status_code == 200 and r.mimetype == tipo_mime
    assert r.headers["Content-Disposition"] == f'attachment; filename="salida-terminacion.{formato}"'
    if formato == "pdf":
        texto = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(r.data)).pages)
    else:
        texto = r.data.decode()
    assert "Ana María Pérez Gómez" in texto


def test_cartas_pdf_por_defecto(client, semilla):
    assert client.post("/api/v1/cartas/queja", json=semilla).mimetype == "application/pdf"


def test_cartas_errores(client, semilla):
    r = client.post("/api/v1/cartas/recurso?formato=txt", json=semilla)
    assert r.status_code == 409 and r.json["mensaje"].startswith("No hay una respuesta desfavorable")
    r = client.post("/api/v1/cartas/otra", json=semilla)
    assert r.status_code == 404 and r.json["errores"] == []
    r = client.post("/api/v1/cartas/queja?formato=docx", json=semilla)
    assert r.status_code == 422
    assert r.json["errores"] == [{"campo": "formato", "mensaje": "Use uno de: pdf, txt, html."}]
    r = client.post("/api/v1/cartas/queja?formato=txt", json={"operador": "claro"})
    assert r.status_code == 422 and {e["campo"] for e in r.json["errores"]} >= {"usuario", "contrato"}


def test_reglas(client):
    r = client.get("/api/v1/reglas")
    assert r.status_code == 200
    assert r.json["version_reglas"] == catalogo()["version_reglas"]
    assert len(r.json["reglas"]) == len(catalogo()["reglas"])


def test_api_405_y_404_en_json(client):
    r = client.get("/api/v1/evaluar")
    assert r.status_code == 405 and r.mimetype == "application/json"
    r = client.get("/api/v2/nada")
    assert r.status_code == 404 and r.json == {"mensaje": r.json["mensaje"], "errores": []}


def test_openapi_31_generado_de_los_modelos(client):
    doc = client.get("/api/openapi.json").json
    assert doc == json.loads(json.dumps(documento()))
    assert doc["openapi"] == "3.1.0"
    assert set(doc["paths"]) == {"/api/v1/evaluar", "/api/v1/cartas/{tipo}", "/api/v1/reglas"}
    esquemas = doc["components"]["schemas"]
    assert {"Caso", "Decision", "RespuestaError", "ErrorDeCampo", "Catalogo", "Falla"} <= set(esquemas)
    assert esquemas["Caso"]["additionalProperties"] is False
    texto = json.dumps(doc)
    for ref in set(re.findall(r'"#/components/schemas/([^"]+)"', texto)):
        assert ref in esquemas
    ejemplo = doc["paths"]["/api/v1/evaluar"]["post"]["requestBody"]["content"]["application/json"]
    validar_caso(ejemplo["examples"]["semilla"]["value"])
    respuestas = doc["paths"]["/api/v1/cartas/{tipo}"]["post"]["responses"]
    assert {"200", "404", "409", "413", "415", "422", "429"} <= set(respuestas)
    assert "Errores" in doc["info"]["description"] or "**Errores.**" in doc["info"]["description"]


def test_docs_locales_sin_cdn(client):
    html = client.get("/api/docs").data.decode()
    assert "/static/js/api-docs.js" in html and "/api/openapi.json" in html
    assert "http://" not in html and "https://" not in html
    js = client.get("/static/js/api-docs.js").data.decode()
    assert "fetch(" in js and "http" not in js.replace("HTTP ", "")


def test_fechas_extremas_son_422_no_500(client, semilla):
    semilla["fallas"][0]["inicio"] = "0001-01-01T00:00:00Z"
    r = client.post("/api/v1/evaluar", json=semilla)
    assert r.status_code == 422 and "entre los años 1990 y 2100" in r.json["errores"][0]["mensaje"]
