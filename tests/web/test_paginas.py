"""Every page for people, through the Flask test client."""

from __future__ import annotations

import io
import json
import re

import pytest
from markupsafe import escape
from pypdf import PdfReader

from rules import evaluar, validar_caso
from tests.web.conftest import formulario_de


def _texto(html: bytes) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))


@pytest.mark.parametrize(("ruta", "contiene"), [
    ("/", "Empezar"),
    ("/caso", "Paso 1 de 7"),
    ("/reglas", "Catálogo de reglas"),
    ("/privacidad", "Ley 1581 de 2012"),
    ("/api/docs", "API de Salida"),
])
def test_paginas_get(client, ruta, contiene):
    r = client.get(ruta)
    assert r.status_code == 200
    assert r.mimetype == "text/html"
    texto = _texto(r.data)
    assert contiene in texto
    assert "Salida informa y redacta; usted revisa, firma y presenta sus cartas." in texto
    assert "No es asesoría legal" in texto


def test_el_primer_paso_es_corto_y_sin_valores_que_decidan(client):
    html = client.get("/caso").data.decode()
    assert "<h1>Su contrato</h1>" in html and "Paso 1 de 7" in html
    assert "día de corte" in html.lower()
    assert 'action="/caso/paso/contrato"' in html and 'name="csrf_token"' in html and "novalidate" in html
    assert "Permanencia" not in html.split("<main")[1].split("</form>")[0]  # one topic per page
    assert "Más datos (opcional)" in html


def test_formulario_completo_tiene_todas_las_preguntas(client, semilla_form):
    semilla_form["accion"] = "agregar:fallas"
    html = client.post("/caso", data=semilla_form).data.decode()
    for titulo in ("Su contrato", "Permanencia", "Las fallas", "Lo que ya hizo", "Sus datos para las cartas"):
        assert titulo in html
    assert re.search(r'name="permanencia.tiene" value="nose"', html)
    assert 'value="agregar:fallas"' in html and 'value="quitar:fallas:0"' in html
    assert '<template id="plantilla-fallas">' in html
    assert 'data-maximo="1000"' in html and "Hasta 1000 caracteres." in html
    # no maxlength on a text area: a browser would cut a pasted text mid-sentence without a word
    assert not re.search(r"<textarea[^>]*maxlength", html)


def test_semilla_da_la_decision(client, semilla_form):
    r = client.post("/caso", data=semilla_form)
    assert r.status_code == 200
    texto = _texto(r.data)
    assert "Sí, puede terminar sin pagar la permanencia." in texto
    assert "Si pide la terminación a más tardar el 10 de diciembre de 2026, el contrato termina el 15 de " \
           "diciembre de 2026." in texto
    assert "Requiere prueba" in texto and "Sólido" in texto
    assert "27 de noviembre de 2026" in texto and "Venció" in texto
    assert "$1.011 (automática)" in texto and "$2.022" in texto
    assert "¿Le ofrecieron el mismo plan sin permanencia?" in texto
    assert texto.index("Solicitud de terminación del contrato") < texto.index("Queja ante el operador")
    assert "Recurso de reposición" in texto  # listed among letters that do not apply, with the reason
    assert "No hay una respuesta desfavorable" in texto
    html = r.data.decode()
    assert 'name="caso"' in html and "Ana María Pérez Gómez" in html  # the case travels in the page
    assert 'formaction="/cartas/terminacion.pdf"' in html and 'formaction="/cartas/terminacion.txt"' in html
    assert 'id="texto-terminacion"' in html and "data-copiar" in html


def test_la_decision_no_redacta_las_cartas_y_las_ofrece_a_pedido(client, semilla_form, semilla_json):
    html = client.post("/caso", data=semilla_form).data.decode()
    ofrecidas = re.findall(r'data-texto-carta="/cartas/(\w+)\.txt"', html)
    assert sorted(ofrecidas) == ["queja", "queja_sic", "silencio_positivo", "terminacion"]
    assert "recurso" not in ofrecidas  # the letter that does not apply stays listed with its reason
    assert "No hay una respuesta desfavorable" in html
    for tipo in ofrecidas:
        # an empty text area: the text comes from the address the details name, with the page's form
        assert re.search(rf'<textarea [^>]*id="texto-{tipo}"[^>]*hidden></textarea>', html)
        texto = client.post(f"/cartas/{tipo}.txt", data={"caso": semilla_json}).data.decode()
        parrafo = max(texto.splitlines(), key=len)
        assert len(parrafo) > 80 and escape(parrafo) not in html and parrafo not in html
    sin_js = _texto(html.encode()).split("Ver el texto para copiar y pegar", 2)[1]
    assert "Su navegador tiene JavaScript desactivado, así que el texto no aparece aquí. Use el botón " \
           "«Descargar texto» de arriba" in sin_js
    assert html.count('aria-live="polite" data-estado-texto') == len(ofrecidas)


def test_errores_resumen_y_junto_al_campo_y_lo_escrito_se_conserva(client, semilla_form):
    semilla_form["usuario.nombre"] = ""
    semilla_form["usuario.correo"] = "ana(arroba)example"
    semilla_form["fallas[0].descripcion"] = "Texto que debe quedarse <b>igual</b>"
    r = client.post("/caso", data=semilla_form)
    assert r.status_code == 422
    html = r.data.decode()
    assert "<title>Error: Su caso · Salida</title>" in html
    resumen = html[html.index('id="resumen-errores"'):html.index("</ul>", html.index('id="resumen-errores"'))]
    assert 'href="#campo-usuario-nombre"' in resumen and 'href="#campo-usuario-correo"' in resumen
    assert "Revise estos 2 datos" in html
    assert 'id="campo-usuario-correo-error"' in html and 'aria-invalid="true"' in html
    assert 'value="ana(arroba)example"' in html
    assert "Texto que debe quedarse &lt;b&gt;igual&lt;/b&gt;" in html
    assert 'value="4563-24-0000123456"' in html


def test_agregar_fila_en_el_servidor_enfoca_la_nueva(client, semilla_form):
    semilla_form["accion"] = "agregar:reclamaciones"
    r = client.post("/caso", data=semilla_form)
    assert r.status_code == 200
    html = r.data.decode()
    assert 'name="reclamaciones[1].fecha_radicacion"' in html
    assert re.search(r'id="campo-reclamaciones-1-fecha_radicacion"[^>]*autofocus', html)
    assert "resumen-errores" not in html


def test_quitar_fila_en_el_servidor(client, semilla_form):
    semilla_form["accion"] = "quitar:fallas:0"
    html = client.post("/caso", data=semilla_form).data.decode()
    assert 'name="fallas[2].servicios"' not in html
    assert re.search(r'name="fallas\[0\]\.servicios" value="telefonia_fija" checked', html)


def test_editar_desde_la_decision_lleva_a_revisar_con_todo(client, semilla_json):
    r = client.post("/caso/editar", data={"caso": semilla_json})
    assert r.status_code == 303 and r.headers["Location"] == "/caso/revisar"
    texto = _texto(client.get("/caso/revisar").data)
    assert "Ana María Pérez Gómez" in texto and "3 de noviembre de 2026, 19:40" in texto
    html = client.get("/caso/paso/permanencia").data.decode()
    assert re.search(r'name="permanencia.tiene" value="si"\s+checked', html)


def test_caso_manipulado_da_400(client):
    for caso in ("", "{", '{"fecha_evaluacion": "ayer"}'):
        r = client.post("/caso/editar", data={"caso": caso})
        assert r.status_code == 400
        assert "Solicitud no válida" in _texto(r.data)


def test_carta_pdf(client, semilla_json):
    r = client.post("/cartas/terminacion.pdf", data={"caso": semilla_json})
    assert r.status_code == 200
    assert r.mimetype == "application/pdf"
    assert r.headers["Content-Disposition"] == 'attachment; filename="salida-terminacion.pdf"'
    texto = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(r.data)).pages)
    assert "Ana María Pérez Gómez" in texto and "15 de diciembre de 2026" in texto


def test_carta_texto(client, semilla_json):
    r = client.post("/cartas/queja_sic.txt", data={"caso": semilla_json})
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert r.headers["Content-Disposition"] == 'attachment; filename="salida-queja_sic.txt"'
    assert "4563-24-0000123456" in r.data.decode()


def test_carta_que_no_corresponde_dice_por_que(client, semilla_json):
    r = client.post("/cartas/recurso.pdf", data={"caso": semilla_json})
    assert r.status_code == 409
    assert "No hay una respuesta desfavorable" in _texto(r.data)


@pytest.mark.parametrize("ruta", ["/cartas/otra.pdf", "/cartas/queja.docx"])
def test_carta_desconocida_404(client, semilla_json, ruta):
    assert client.post(ruta, data={"caso": semilla_json}).status_code == 404


def test_sin_permanencia_y_con_costo(client, semilla):
    semilla["permanencia"] = None
    html = _texto(client.post("/caso", data=formulario_de(semilla)).data)
    assert "Sí, puede terminar sin pagar permanencia." in html
    assert "no tiene cláusula de permanencia" in html


def test_reglas_muestra_citas_estado_y_parametros(client):
    texto = _texto(client.get("/reglas").data)
    assert "Ley 1480 de 2011" in texto and "art. 41" in texto
    assert "verificado" in texto and "sin verificar" in texto
    assert "umbral_horas_internet_fijo" in texto
    assert "Comunicación Celular S.A. Comcel S.A." in texto


def test_fecha_extrema_en_el_formulario(client, semilla_form):
    semilla_form["fecha_evaluacion"] = "9999-12-31"
    r = client.post("/caso", data=semilla_form)
    assert r.status_code == 422
    assert "entre los años 1990 y 2100" in r.data.decode()


def test_privacidad_nombra_al_responsable_y_el_borrador():
    import copy

    from app import create_app
    from tests.web.conftest import CONFIG_PRUEBAS

    app = create_app({**copy.deepcopy(CONFIG_PRUEBAS),
                      "RESPONSABLE_DATOS": "Fundación Ejemplo, datos@ejemplo.org"})
    texto = _texto(app.test_client().get("/privacidad").data)
    assert "Fundación Ejemplo, datos@ejemplo.org" in texto
    assert "borrador" in texto and "2 horas" in texto and "base de datos" in texto


def test_en_produccion_no_arranca_sin_responsable(monkeypatch):
    import sys
    import types

    from app import create_app
    from tests.web.conftest import CONFIG_PRUEBAS

    monkeypatch.setitem(sys.modules, "gunicorn.workers.base", types.ModuleType("gunicorn.workers.base"))
    monkeypatch.setenv("SALIDA_LIMITES_REVISADOS", "1")  # as web.gunicorn_conf leaves it for its workers
    with pytest.raises(RuntimeError, match="SALIDA_RESPONSABLE_DATOS"):
        create_app(dict(CONFIG_PRUEBAS))
    assert create_app({**CONFIG_PRUEBAS, "RESPONSABLE_DATOS": "Fundación Ejemplo"}) is not None


def test_reglas_dice_si_y_no():
    from app import create_app
    from tests.web.conftest import CONFIG_PRUEBAS

    html = create_app(dict(CONFIG_PRUEBAS)).test_client().get("/reglas").data.decode()
    assert "True" not in html and "False" not in html and "<td>Sí</td>" in html


def test_cabecera_de_una_fila_y_enlaces_de_organizaciones_en_el_pie(client):
    html = client.get("/caso").data.decode()
    cabecera = html[html.index('<header'):html.index('</header>')]
    assert "Lotes" not in cabecera and "Reglas" not in cabecera and "Organizaciones" in cabecera
    pie = html[html.index('<footer'):]
    assert "/lotes" in pie and "Organizaciones" in pie


def test_cada_hallazgo_dice_si_es_a_favor_o_en_contra(client, semilla_form, semilla_json):
    """"Se cumple" is good news for some rules and bad news for others: the badge beside it says which."""
    decision = evaluar(validar_caso(json.loads(semilla_json)))
    html = client.post("/caso", data=semilla_form).data.decode()
    vistos = {True: 0, False: 0}
    for h in decision.hallazgos:
        articulo = html.split(f'id="regla-{h.id}"', 1)[1].split("</article>", 1)[0]
        if h.favorece_al_usuario is None:
            assert "efecto--" not in articulo
            continue
        esperado = "A su favor" if h.favorece_al_usuario else "En su contra"
        assert esperado in articulo, h.id
        vistos[h.favorece_al_usuario] += 1
    assert vistos[True] and vistos[False]  # the seed has both kinds, so the check is not vacuous
