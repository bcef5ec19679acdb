"""The labels moved to `presentacion.etiquetas`; this name is kept for `web.base`, `web.cartas` and
`batch.informe` (owned elsewhere) until they import `presentacion.etiquetas` themselves."""

from presentacion.etiquetas import *  # noqa: F403
