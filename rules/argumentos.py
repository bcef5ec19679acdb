"""argparse in Spanish: messages, usage and help for the project's command lines (exit code 2)."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

SALIDA_ERROR = 2


class ParserEspanol(argparse.ArgumentParser):
    """argparse with Spanish errors and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Our own Spanish -h replaces argparse's English one, whatever the caller asked for.
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="muestra esta ayuda y termina")

    def format_usage(self) -> str:
        """Usage line in Spanish."""
        return super().format_usage().replace("usage:", "uso:")

    def format_help(self) -> str:
        """Help text in Spanish."""
        return (super().format_help().replace("usage:", "uso:")
                .replace("positional arguments:", "argumentos:").replace("options:", "opciones:"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        traducciones = {
            "the following arguments are required": "faltan argumentos obligatorios",
            "invalid choice": "opción no válida",
            "choose from": "elija entre",
            "unrecognized arguments": "argumentos no reconocidos",
            "expected one argument": "falta el valor",
        }
        for ingles, espanol in traducciones.items():
            message = message.replace(ingles, espanol)
        message = re.sub(r"\bargument\b", "argumento", message)
        self.exit(SALIDA_ERROR, f"error: {message}\n")
