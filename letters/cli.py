"""Command line: `python -m letters generar CASO.json --tipo queja [--formato pdf|html|txt] -o SALIDA`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from letters.errores import CartaNoDisponible, RenderizadorNoDisponible
from letters.render import TIPOS, render_html, render_pdf, render_text
from rules import CasoInvalido, evaluar, validar_caso
from rules.argumentos import ParserEspanol
from rules.parametros import ParametrosInvalidos

SALIDA_ERROR = 2
FORMATOS = ("pdf", "html", "txt")


def _parser() -> argparse.ArgumentParser:
    parser = ParserEspanol(prog="python -m letters", description="Cartas de Salida (PDF, HTML o texto).")
    sub = parser.add_subparsers(dest="orden", required=True, metavar="ORDEN", parser_class=ParserEspanol)
    gen = sub.add_parser("generar", help="genera una carta a partir de un caso (JSON)")
    gen.add_argument("caso", help="archivo JSON del caso, o - para leer de la entrada estándar")
    gen.add_argument("--tipo", required=True, choices=TIPOS, help="tipo de carta")
    gen.add_argument("--formato", choices=FORMATOS, default=None,
                     help="pdf, html o txt (por defecto, según la extensión de SALIDA; si no, pdf)")
    gen.add_argument("-o", "--salida", required=True, help="archivo de salida, o - para la salida estándar")
    return parser


def _formato(pedido: str | None, salida: str) -> str:
    if pedido:
        return pedido
    extension = Path(salida).suffix.lower().lstrip(".")
    return {"htm": "html", "text": "txt"}.get(extension, extension) if extension in (
        *FORMATOS, "htm", "text") else "pdf"


def _leer(ruta: str) -> bytes | None:
    if ruta == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(ruta).read_bytes()
    except OSError:
        return None


def _escribir(destino: str, contenido: bytes) -> bool:
    if destino == "-":
        sys.stdout.buffer.write(contenido)
        sys.stdout.buffer.flush()
        return True
    try:
        Path(destino).write_bytes(contenido)
    except OSError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    datos = _leer(args.caso)
    if datos is None:
        print(f"No se pudo leer el archivo «{args.caso}».", file=sys.stderr)
        return SALIDA_ERROR
    formato = _formato(args.formato, args.salida)
    try:
        caso = validar_caso(datos)
        decision = evaluar(caso)
        if formato == "pdf":
            contenido = render_pdf(caso, decision, args.tipo)
        elif formato == "html":
            contenido = render_html(caso, decision, args.tipo).encode("utf-8")
        else:
            contenido = render_text(caso, decision, args.tipo).encode("utf-8")
    except CasoInvalido as exc:
        print("El caso no es válido:", file=sys.stderr)
        for error in exc.errores:
            print(f"  - {error}", file=sys.stderr)
        return SALIDA_ERROR
    except CartaNoDisponible as exc:
        print(str(exc), file=sys.stderr)
        return SALIDA_ERROR
    except (RenderizadorNoDisponible, ParametrosInvalidos) as exc:
        print(f"Error de configuración: {exc}", file=sys.stderr)
        return 1
    if not _escribir(args.salida, contenido):
        print(f"No se pudo escribir el archivo «{args.salida}».", file=sys.stderr)
        return 1
    return 0
