import pytest

from rules.argumentos import ParserEspanol


def test_pedir_add_help_no_rompe_la_ayuda_en_espanol(capsys):
    parser = ParserEspanol(prog="prueba", add_help=True)
    with pytest.raises(SystemExit) as salida:
        parser.parse_args(["-h"])
    assert salida.value.code == 0
    assert "muestra esta ayuda y termina" in capsys.readouterr().out
