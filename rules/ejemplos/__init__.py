"""Example cases: the bundled seed situation and a generator of varied cases."""

from pathlib import Path

SEMILLA = Path(__file__).with_name("semilla.json")
