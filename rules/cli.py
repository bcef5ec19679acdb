"""Command line: `python -m rules evaluar CASO.json` and `python -m rules reglas`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rules.argumentos import ParserEspanol
from rules.catalogo import catalogo_markdown
from rules.engine import evaluar
from rules.errores import CasoInvalido, validar_caso
from rules.parametros import ParametrosInvalidos

SALIDA_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = ParserEspanol(prog="python -m rules",
                     description="Motor de reglas de Salida (derechos de usuarios de telecom).")
    sub = parser.add_subparsers(dest="orden", required=True, metavar="ORDEN",
                                parser_class=ParserEspanol)
    evaluar_ = sub.add_parser("evaluar", help="evalúa un caso (JSON) e imprime la decisión en JSON")
    evaluar_.add_argument("caso", help="archivo JSON del caso, o - para leer de la entrada estándar")
    evaluar_.add_argument("--sangria", type=int, default=2, help="espacios de sangría (0: compacto)")
    sub.add_parser("reglas", help="imprime el catálogo de reglas en Markdown")
    return parser


def _leer(ruta: str) -> bytes:
    if ruta == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(ruta).read_bytes()
    except OSError as exc:
        raise CasoInvalido([]) from exc


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.orden == "reglas":
            sys.stdout.write(catalogo_markdown())
            return 0
        try:
            datos = _leer(args.caso)
        except CasoInvalido:
            print(f"No se pudo leer el archivo «{args.caso}».", file=sys.stderr)
            return SALIDA_ERROR
        caso = validar_caso(datos)
        decision = evaluar(caso)
        sys.stdout.write(decision.model_dump_json(indent=args.sangria or None) + "\n")
        return 0
    except CasoInvalido as exc:
        print("El caso no es válido:", file=sys.stderr)
        for error in exc.errores:
            print(f"  - {error}", file=sys.stderr)
        return SALIDA_ERROR
    except ParametrosInvalidos as exc:
        print(f"Error de configuración: {exc}", file=sys.stderr)
        return 1
