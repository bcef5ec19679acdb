"""What a question is: its form name, label, help, kind, condition, limits and column."""

from __future__ import annotations

from dataclasses import dataclass

from entrada.columnas import nombre_columna
from entrada.modelo import Limites, limites


@dataclass(frozen=True)
class Pregunta:
    """One question. `nombre` is its form name: the Caso path (relative inside a `Grupo`)."""

    nombre: str
    etiqueta: str
    # texto | area | nombre | documento | correo | telefono | cun | entero | pesos | fecha |
    # fecha_hora | tres (sí / no / no sé) | si_no | opcion | lista | casilla
    tipo: str
    ayuda: str = ""
    opciones: tuple[tuple[str, str], ...] = ()
    control: str = ""  # for `opcion`: "seleccion" (default) or "radio"
    defecto: str = ""
    opcional: bool = False
    # "campo=valor", "campo!=valor" or "campo=*" (any value): asked, and read, only then;
    # a leading "." names a question of the same row.
    visible_si: str = ""
    en_modelo: bool = True  # False: a question of the interview only (e.g. "¿Tiene permanencia?")
    # Must be answered even though the model has a default (no silent default); the message says how.
    exigir: str = ""
    detalle: bool = False  # shown under "Más datos (opcional)"
    ancho: str = ""  # "" (full) | "corto" | "medio"
    autocompletar: str = "off"
    grupo: str = ""  # the `Grupo` it belongs to, filled in by `Grupo`

    @property
    def ruta(self) -> str:
        """The Caso path without indices (`fallas.cun`), for the model's limits."""
        return f"{self.grupo}.{self.nombre}" if self.grupo else self.nombre

    @property
    def limites(self) -> Limites:
        """Limits read from the `Caso` model (none for interview-only questions)."""
        return limites(self.ruta) if self.en_modelo else Limites()

    @property
    def maximo(self) -> int | None:
        """Maximum length of the typed text, from the model."""
        return self.limites.maximo_largo if self.tipo not in ("lista", "pesos", "entero") else None

    @property
    def columna(self) -> str:
        """The spreadsheet column of this question (first row of a group: `falla1_cun`)."""
        return nombre_columna(self.ruta)


@dataclass(frozen=True)
class Grupo:
    """Rows the person can add and remove (incidents, complaints…)."""

    clave: str
    titulo: str
    fila: str  # "Falla" → "Falla 1"
    agregar: str
    quitar: str
    campos: tuple[Pregunta, ...]
    ayuda: str = ""
    vacias: int = 1  # empty rows offered on a blank form (so it works without JavaScript)
    maximo: int = 10
    visible_si: str = ""
    detalle: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "campos", tuple(
            Pregunta(**{**vars(c), "grupo": self.clave}) for c in self.campos))
