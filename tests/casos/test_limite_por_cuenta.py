"""An office works as one (advocates issue, item 5): signed-in advocates get the PDF limit per account,
not per the address the whole office shares; anonymous clients keep the per-address limit."""

from __future__ import annotations

from casos.autenticacion import crear_cuenta
from store.db import base_de_datos
from tests.casos.conftest import CLAVE, entrar, hacer_app, nueva_org

PDF = "/panel/casos/999999/cartas/queja.pdf"  # counted by the limit, then 404 (no such case)


def test_cada_defensora_tiene_su_limite_aunque_compartan_direccion(url_bd):
    app = hacer_app(url_bd, RATELIMIT_ENABLED=True, LIMITE_PDF="2 per minute")
    bd = base_de_datos(url_bd)
    org = nueva_org(bd, "Oficina Centro")
    crear_cuenta(bd, org.id, "segunda@example.org", "Segunda defensora", CLAVE)
    ana, beatriz, visitante = app.test_client(), app.test_client(), app.test_client()
    entrar(ana, org.correo)
    entrar(beatriz, "segunda@example.org")
    assert [ana.post(PDF).status_code for _ in range(3)] == [404, 404, 429]
    assert [beatriz.post(PDF).status_code for _ in range(2)] == [404, 404]  # same address, own budget
    anonimos = [visitante.post("/cartas/queja.pdf", data={"caso": "{}"}).status_code for _ in range(3)]
    assert anonimos == [400, 400, 429]  # the address's own budget, untouched by the advocates
