# Salida — `make run`, `make check` and `make test` do all the set-up on a fresh machine.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTHON ?= python3

.PHONY: run check test lint typecheck setup system-deps bench clean

# The web app on http://127.0.0.1:5000 with the embedded defaults (a temporary secret key). Plain HTTP on
# loopback: the session cookie (CSRF token only) cannot be Secure there. Production: see the README.
run: setup
	SALIDA_SESSION_COOKIE_SECURE=false $(PY) -m flask --app app run --host 127.0.0.1 --port 5000

# The fast set while working: lint, types and every test not marked slow or e2e (pyproject's markers).
check: setup
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest -m "not slow and not e2e"

# Everything, as CI runs it (.ci/run): lint, types and the whole suite, slow and browser tests included.
test: setup
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest

lint: setup
	$(PY) -m ruff check .

# The packages under mypy ([tool.mypy] in pyproject.toml: what it checks and which modules still wait).
typecheck: setup
	$(PY) -m mypy

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
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
