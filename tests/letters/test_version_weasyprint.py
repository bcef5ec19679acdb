"""A WeasyPrint whose private `text.ffi` changed stops the renderer with a Spanish reason."""

import sys
import types

import pytest

from letters import pdf
from letters.errores import RenderizadorNoDisponible


def test_ffi_sin_harfbuzz_subset_explica_la_version(monkeypatch):
    import weasyprint.text.ffi  # noqa: F401  (loaded first, so the stand-in below replaces a real module)

    monkeypatch.setitem(sys.modules, "weasyprint.text.ffi", types.ModuleType("weasyprint.text.ffi"))
    with pytest.raises(RenderizadorNoDisponible, match=r"compatible con WeasyPrint \d+.*pyproject"):
        pdf.verificar()
