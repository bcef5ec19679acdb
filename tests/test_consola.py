"""Spanish yes/no answers on every command line."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from consola import confirmar, interpretar


@pytest.mark.parametrize(
    ("respuesta", "esperado"),
    [("s", True), ("S", True), ("sí", True), ("Sí", True), ("si", True), (" SÍ ", True), ("y", True),
     ("n", False), ("no", False), ("No", False), ("", False), ("quizá", None), ("1", None)],
)
def test_interpretar(respuesta: str, esperado: bool | None) -> None:
    assert interpretar(respuesta) is esperado


@click.command()
def _pregunta() -> None:
    click.echo("SÍ" if confirmar("¿Continuar?") else "NO")


@pytest.mark.parametrize(("entrada", "salida"), [("sí\n", "SÍ"), ("s\n", "SÍ"), ("n\n", "NO"), ("\n", "NO")])
def test_confirmar_acepta_respuestas_en_espanol(entrada: str, salida: str) -> None:
    r = CliRunner().invoke(_pregunta, input=entrada)
    assert r.exit_code == 0 and r.output.strip().endswith(salida)
    assert "[s/N]" in r.output


def test_confirmar_vuelve_a_preguntar_ante_otra_respuesta() -> None:
    r = CliRunner().invoke(_pregunta, input="tal vez\nsí\n")
    assert "Responda «s» (sí) o «n» (no)." in r.output and r.output.strip().endswith("SÍ")


@pytest.mark.parametrize(("entrada", "borrado"), [("sí\n", True), ("n\n", False)])
def test_borrar_un_titular_pregunta_en_espanol(tmp_path, entrada: str, borrado: bool) -> None:
    from tests.casos.conftest import guardar_con_enlace, hacer_app

    app = hacer_app(f"sqlite:///{tmp_path / 'salida.db'}")
    guardar_con_enlace(app.test_client())
    r = app.test_cli_runner().invoke(
        args=["titular", "borrar", "--tipo", "CC", "--numero", "52123456"], input=entrada
    )
    assert "¿Continuar? [s/N]" in r.output
    assert ("Borrados: 1 caso(s)" in r.output) is borrado
    assert "Traceback" not in r.output
