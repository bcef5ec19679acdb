# Salida — `make run` and `make test` do all the set-up on a fresh machine.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTHON ?= python3

.PHONY: run test lint setup system-deps bench clean

run: setup
	$(PY) -m rules evaluar rules/ejemplos/semilla.json

test: setup
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: setup
	$(PY) -m ruff check .

setup: system-deps $(STAMP)

system-deps:
	@bash scripts/system-deps.sh debian-packages.txt

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

bench: setup
	$(PY) bench/rules_bench.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
