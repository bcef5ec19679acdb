"""The dashboard and the operator scorecard, on SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from werkzeug.datastructures import MultiDict

from casos import consultas, graficos, puntaje
from presentacion import hoy_en_bogota
from store.db import base_de_datos
from tests.casos.conftest import HOY, caso_de_org, caso_sin_reclamar, entrar, hacer_app, nueva_org


def _con_queja(radicada: str, respuesta: str | None = None, sentido: str | None = None, **cambios) -> dict:
    datos = caso_sin_reclamar(**cambios)
    datos["reclamaciones"] = [
        {
            "tipo": "queja",
            "asunto": "falla",
            "fecha_radicacion": radicada,
            "canal": "web",
            "pretensiones": ["compensacion"],
            "fecha_respuesta": respuesta,
            "sentido_respuesta": sentido,
        }
    ]
    return datos


def test_primero_los_vencidos_luego_los_proximos_y_al_final_los_cerrados(url_ambas):
    bd = base_de_datos(url_ambas)
    org = nueva_org(bd, "Liga Orden").id
    reciente = caso_de_org(bd, org, _con_queja("2026-11-05"))  # silencio positivo since 28 Nov
    antiguo = caso_de_org(bd, org, _con_queja("2026-10-01"))  # term ends 23 Oct (12 Oct is a holiday)
    sin_queja = caso_de_org(bd, org, caso_sin_reclamar(operador="movistar"))
    cerrado = caso_de_org(bd, org, caso_sin_reclamar())
    with bd.sesiones.begin() as s:
        from casos import repositorio
        from casos.eventos import leer_evento

        g = repositorio.de_organizacion(s, cerrado, org)
        repositorio.registrar_evento(s, g, leer_evento({"tipo": "caso_cerrado", "fecha": "2026-11-28"}), HOY)
    with bd.sesiones() as s:
        filas, total = consultas.listar(s, org, consultas.Filtros())
        assert [f.id for f in filas] == [antiguo, reciente, sin_queja, cerrado] and total == 4
        assert filas[0].vencido_desde == date(2026, 10, 24) and filas[0].nombre == "Ana María Pérez Gómez"
        assert filas[2].proximo_vence == date(2026, 12, 10) and filas[3].estado == "cerrado"
        totales = consultas.resumen(s, org, HOY)
        assert totales.por_estado["silencio_positivo"] == 2 and totales.total == 4
        assert totales.vencidos == 2 and totales.ciudades == ["Bogotá D.C."]
        solo = consultas.listar(s, org, consultas.Filtros(operador="movistar"))[0]
        assert [f.id for f in solo] == [sin_queja]
        assert consultas.listar(s, org, consultas.Filtros(estado="cerrado"))[1] == 1
        assert consultas.listar(s, org, consultas.Filtros(ciudad="Bogotá D.C."))[1] == 4
        assert consultas.listar(s, org, consultas.Filtros(ciudad="Cali"))[1] == 0
        hoy = hoy_en_bogota()
        assert consultas.listar(s, org, consultas.Filtros(desde=hoy + timedelta(days=2)))[1] == 0
        assert consultas.listar(s, org, consultas.Filtros(hasta=hoy - timedelta(days=2)))[1] == 0
        assert consultas.listar(s, org, consultas.Filtros(desde=hoy - timedelta(days=2)))[1] == 4
        assert consultas.listar(s, org + 1, consultas.Filtros()) == ([], 0)


def test_filtros_invalidos_se_ignoran():
    f = consultas.Filtros.de(
        MultiDict({"estado": "x'; drop", "operador": "nadie", "desde": "ayer", "pagina": "-3"})
    )
    assert f == consultas.Filtros()
    assert consultas.Filtros.de(MultiDict({"pagina": "2", "operador": "etb"})).enlace(pagina=3) == {
        "operador": "etb",
        "pagina": 3,
    }


def _datos_de_puntaje(bd, org: int) -> None:
    caso_de_org(bd, org, _con_queja("2026-10-01", "2026-10-10", "favorable"))  # in time
    caso_de_org(bd, org, _con_queja("2026-10-01", "2026-11-20", "desfavorable"))  # late
    caso_de_org(bd, org, _con_queja("2026-10-05"))  # no answer, term over
    caso_de_org(bd, org, _con_queja("2026-11-25"))  # term running
    incompleta = _con_queja("2026-11-02", "2026-11-10", "parcial", operador="movistar")
    incompleta["reclamaciones"][0]["respuesta_incompleta"] = True
    caso_de_org(bd, org, incompleta)


def test_puntaje_por_operador_y_mes(url_ambas):
    bd = base_de_datos(url_ambas)
    org = nueva_org(bd, "Liga Cifras").id
    _datos_de_puntaje(bd, org)
    caso_de_org(bd, nueva_org(bd, "Otra Liga").id, _con_queja("2026-10-01"))  # another organisation's
    with bd.sesiones() as s:
        claro, movistar = puntaje.puntaje(s, org, HOY)
    c = claro.total
    assert (claro.clave, c.radicadas, c.en_curso, c.evaluables, c.a_tiempo, c.tarde, c.sin_respuesta) == (
        "claro",
        4,
        1,
        3,
        1,
        1,
        1,
    )
    assert (c.silencio, c.favorables, c.desfavorables) == (2, 1, 1)
    assert list(claro.meses) == ["2026-10", "2026-11"] and claro.meses["2026-10"].radicadas == 3
    m = movistar.total
    assert (m.radicadas, m.a_tiempo, m.incompletas, m.silencio, m.parciales) == (1, 1, 1, 1, 1)
    assert puntaje.porcentaje(c.parte(c.a_tiempo)) == "33 %" and puntaje.porcentaje(None) == "—"
    lineas = list(
        csv.reader(io.StringIO(puntaje.csv_puntaje([claro, movistar]).decode("utf-8-sig")), delimiter=";")
    )
    assert lineas[0] == puntaje.CABECERA and len(lineas) == 1 + 3 + 2
    assert lineas[3] == [
        "Claro",
        "total",
        "4",
        "1",
        "3",
        "1",
        "1",
        "1",
        "0",
        "2",
        "1",
        "0",
        "1",
        "33,3",
        "66,7",
    ]


def test_los_graficos_son_svg_valido_y_accesible():
    svg = graficos.barras("g", "Título <con> signos & más", [("Claro", 0.5, 10), ("ETB", None, 0)])
    raiz = ET.fromstring(str(svg))
    ns = "{http://www.w3.org/2000/svg}"
    assert raiz.get("role") == "img" and raiz.find(f"{ns}title").text == "Título <con> signos & más"
    assert "Claro: 50 % (n = 10)" in raiz.find(f"{ns}desc").text
    meses = graficos.meses(
        "m",
        "Por mes",
        {
            "2026-06": puntaje.Cifras(radicadas=2, favorables=2),
            "2026-09": puntaje.Cifras(radicadas=1, sin_respuesta=1),
        },
    )
    raiz = ET.fromstring(str(meses))
    etiquetas = [t.text for t in raiz.iter(f"{ns}text")]
    assert [t for t in etiquetas if t in ("jun", "jul", "ago", "sep")] == ["jun", "jul", "ago", "sep"]
    assert "<script" not in str(meses) and "style=" not in str(meses)


@pytest.mark.slow
def test_paginas_del_panel_y_del_puntaje(url_bd):
    app = hacer_app(url_bd)
    bd = base_de_datos(url_bd)
    org = nueva_org(bd, "Liga Páginas")
    _datos_de_puntaje(bd, org.id)
    for _ in range(50):
        caso_de_org(bd, org.id)
    client = app.test_client()
    entrar(client, org.correo)
    panel = client.get("/panel/").text
    assert "55 casos" in panel and "Página 1 de 2" in panel and 'rel="next"' in panel
    assert "Vencido desde el" in panel
    segunda = client.get("/panel/?pagina=2").text
    assert "Página 2 de 2" in segunda and segunda.count('<th scope="row">') == 5
    pagina = client.get("/panel/operadores").text
    assert (
        pagina.count('<svg class="grafico"') == 2 + 2
    )  # two share charts and one monthly chart per operator
    assert "muestra pequeña" in pagina
    r = client.get("/panel/operadores.csv")
    assert r.headers["Content-Disposition"] == 'attachment; filename="salida-operadores.csv"'
    assert r.data.startswith("\ufeff".encode())
