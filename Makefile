# Salida — `make run` and `make test` do all the set-up on a fresh machine.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTHON ?= python3

.PHONY: run test lint setup system-deps bench clean

# The web app on http://127.0.0.1:5000 with the embedded defaults (a temporary secret key). Plain HTTP on
# loopback: the session cookie (CSRF token only) cannot be Secure there. Production: see the README.
run: setup
	SALIDA_SESSION_COOKIE_SECURE=false $(PY) -m flask --app app run --host 127.0.0.1 --port 5000

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
