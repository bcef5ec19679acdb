"""Shared fixtures: the seed case and helpers to vary it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

SEMILLA = Path(__file__).resolve().parent.parent / "rules" / "ejemplos" / "semilla.json"


def cargar_semilla() -> dict[str, Any]:
    """The seed situation as a fresh dict."""
    return json.loads(SEMILLA.read_text(encoding="utf-8"))


@pytest.fixture
def semilla() -> dict[str, Any]:
    """The seed situation (a massive night-long outage) as a dict the test may change."""
    return copy.deepcopy(cargar_semilla())


@pytest.fixture(scope="module")
def navegador():  # type: ignore[no-untyped-def]
    """Debian's Chromium, headless, for the e2e tests (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    from tests.web.navegador import ARGUMENTOS, CHROMIUM

    if not Path(CHROMIUM).exists():
        pytest.skip(f"Falta {CHROMIUM} (paquete Debian chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTOS)
        yield b
        b.close()
