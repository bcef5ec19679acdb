"""Batches belong to an organisation (web and CLI) or to a private link; `flask lotes` lists them;
any of them can be imported as cases by its organisation, repeated rows once."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from casos.autenticacion import crear_cuenta
from store.casos import CasoGuardado
from tests.batch.conftest import fila_ejemplo, hacer_csv
from tests.casos.conftest import CLAVE, entrar, hacer_app, nueva_org


@pytest.fixture
def app(tmp_path):
    url_bd = f"sqlite:///{tmp_path / 'salida.db'}"
    aplicacion = hacer_app(url_bd, SESSION_COOKIE_SECURE=False)
    yield aplicacion
    ejecutor = aplicacion.extensions.get("salida_lotes", {}).get("ejecutor")
    if ejecutor is not None:
        ejecutor.cerrar()


def _filas() -> bytes:
    # Rows 2 and 4 are the same person and contract: one case.
    return hacer_csv([fila_ejemplo(numero_contrato="C-1"), fila_ejemplo(numero_contrato="C-2"),
                      fila_ejemplo(numero_contrato="C-1")])


def _subir(cliente: FlaskClient) -> str:
    r = cliente.post("/lotes/", content_type="multipart/form-data", data={
        "consentimiento": "si", "declarante": "Liga", "fecha": "2026-11-28", "tipos": ["terminacion"],
        "archivo": (io.BytesIO(_filas()), "apagon-noviembre.csv")})
    assert r.status_code == 303, r.text
    return r.headers["Location"]


def _terminado(cliente: FlaskClient, pagina: str) -> None:
    """Wait until the batch ended and the worker that ended it stored its zip."""
    limite = time.monotonic() + 180
    while cliente.get(pagina + "/estado.json").get_json()["paquete"] != "listo":
        assert time.monotonic() < limite, "el lote no terminó"
        time.sleep(0.3)


def _casos(bd) -> int:
    with bd.sesiones() as s:
        return s.scalar(select(func.count()).select_from(CasoGuardado))


def test_un_lote_anonimo_se_abre_con_su_enlace_privado(app):
    quien_sube, otro = app.test_client(), app.test_client()
    pagina = _subir(quien_sube)
    vista = quien_sube.get(pagina).text
    assert "Enlace privado" in vista
    enlace = vista.split('id="lote-enlace">', 1)[1].split("<code>", 1)[1].split("</code>", 1)[0]
    assert otro.get(pagina).status_code == 404
    assert otro.get("/lotes/enlace/no-es-un-enlace").status_code == 404
    abierto = otro.get(enlace.replace("http://localhost", ""))
    assert abierto.status_code == 303 and abierto.headers["Location"].endswith(pagina)
    assert otro.get(pagina).status_code == 200
    _terminado(otro, pagina)


def test_un_lote_de_la_linea_de_comandos_se_lista_y_se_importa(app, bd, tmp_path):
    liga, otra = nueva_org(bd, "Liga Sur"), nueva_org(bd, "Liga Este")
    ruta = tmp_path / "apagon.csv"
    ruta.write_bytes(_filas())
    cli = app.test_cli_runner()
    with app.app_context():  # what `flask` gives every command
        malo = cli.invoke(args=["lote", str(ruta), "-o", str(tmp_path / "x.zip"),
                                "--declaro-autorizacion", "--organizacion", "999"])
        assert malo.exit_code == 2 and "no existe la organización 999" in malo.output
        hecho = cli.invoke(args=["lote", str(ruta), "-o", str(tmp_path / "cartas.zip"),
                                 "--declaro-autorizacion", "--organizacion", str(liga.id),
                                 "--trabajadores", "1", "--tipos", "terminacion"])
        assert hecho.exit_code == 0, hecho.output
        lote_id = hecho.output.split("Lote ", 1)[1].split(".", 1)[0]
        assert zipfile.ZipFile(tmp_path / "cartas.zip").namelist()[:2] == [
            "cartas/0002_terminacion.pdf", "cartas/0003_terminacion.pdf"]

        listado = cli.invoke(args=["lotes"])
        assert listado.exit_code == 0
        linea = next(linea for linea in listado.output.splitlines() if lote_id in linea)
        assert "apagon.csv" in linea and "terminado" in linea and "Liga Sur" in linea and "│ 3 " in linea
        assert lote_id not in cli.invoke(args=["lotes", "--organizacion", str(otra.id)]).output

        ajena = cli.invoke(args=["lotes", "importar", lote_id, "--organizacion", str(otra.id),
                                 "--declaro-autorizacion"])
        assert ajena.exit_code == 2 and "pertenece a otra organización" in ajena.output
        importado = cli.invoke(args=["lotes", "importar", lote_id, "--organizacion", str(liga.id),
                                     "--declaro-autorizacion"])
        assert importado.exit_code == 0 and "2 casos importados en «Liga Sur»" in importado.output
        assert _casos(bd) == 2
        assert "importado" in cli.invoke(args=["lotes"]).output


def test_las_cuentas_tienen_su_propio_limite_detras_de_la_misma_direccion(tmp_path, bd):
    app = hacer_app(str(bd.motor.url), SESSION_COOKIE_SECURE=False, RATELIMIT_ENABLED=True,
                    LIMITE_LOTES="2 per hour")
    liga = nueva_org(bd, "Liga Oficina")
    crear_cuenta(bd, liga.id, "vecina@example.org", "Vecina", CLAVE)
    una, otra, anonima = app.test_client(), app.test_client(), app.test_client()
    entrar(una, liga.correo)
    entrar(otra, "vecina@example.org")
    try:
        for _ in range(2):
            _subir(una)
        assert una.post("/lotes/", data={}).status_code == 429  # this account's budget is spent
        _subir(otra)  # same address (the office's), another account: its own budget
        _subir(anonima)  # not logged in: counted by address, apart from the accounts
    finally:
        ejecutor = app.extensions.get("salida_lotes", {}).get("ejecutor")
        if ejecutor is not None:
            ejecutor.cerrar()


def test_borrar_un_titular_borra_el_paquete_guardado(bd):
    from datetime import date

    from batch import repositorio
    from batch.ejecutores import procesar_bloque
    from batch.lote import preparar_lote
    from batch.paquete import estado_paquete
    from casos.datos import Titular, borrar_titular
    from store.models import Fila

    lote = preparar_lote(bd, "casos.csv", _filas(), "dueño", "x", tipos=["terminacion"],
                         fecha=date(2026, 11, 28))
    procesar_bloque(str(bd.motor.url), lote, repositorio.pendientes(bd, lote))
    assert estado_paquete(bd, lote) == "listo"
    with bd.sesiones.begin() as s:
        borrar_titular(s, Titular("CC", "52123456"))
    assert estado_paquete(bd, lote) == "no"  # the stored zip held the subscriber's letters
    with bd.sesiones() as s:
        assert s.scalars(select(Fila.ciudad).where(Fila.lote_id == lote)).all() == [None, None, None]
