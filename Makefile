# Two commands for a runner: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Empty: the address in .streamlit/config.toml, this computer only. HOST=0.0.0.0 serves every
# network and needs a sign-in (README: Privacy and security).
HOST ?=

.PHONY: run test test-fast bench e2e lint lock demo clean docker-check

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Stridewise needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.lock
	$(BIN)/python -m pip install -q -r requirements-dev.lock
	@touch $@

run: $(VENV)/.runtime  ## seed the demo database if there is none, then start the dashboard
	@# A runner's own file (STRIDEWISE_DB) never gets the demo seeded into it.
	@if [ -z "$$STRIDEWISE_DB" ]; then $(BIN)/stridewise demo --if-missing; fi
	$(BIN)/python -m dashboard.serve --port $(PORT) $(if $(HOST),--host $(HOST))

demo: $(VENV)/.runtime  ## rebuild the demo database from scratch
	$(BIN)/stridewise demo --force

test: $(VENV)/.dev  ## the whole suite: unit, pipelines, pages and browser journeys
	@$(BIN)/python -m tests.e2e.browser
	$(BIN)/python -m pytest -q -n auto

test-fast: $(VENV)/.dev  ## everything but the browser journeys
	$(BIN)/python -m pytest -q -n auto -m 'not e2e'

e2e: $(VENV)/.dev  ## only the browser journeys (needs chromium)
	$(BIN)/python -m pytest -q -m e2e

bench: $(VENV)/.dev  ## speed and memory benchmarks
	$(BIN)/python -m benchmarks

docker-check: $(VENV)/.dev  ## build the home-server image and check its health (needs Docker)
	STRIDEWISE_DOCKER_CHECK=1 $(BIN)/python -m pytest -q -rs -p no:cacheprovider tests/security/test_docker_image.py

lint: $(VENV)/.dev  ## ruff, ruff format and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

lock:  ## re-pin dependencies after editing pyproject.toml (needs uv)
	uv pip compile pyproject.toml --python-version 3.11 --universal -o requirements.lock -q
	uv pip compile pyproject.toml --group dev --python-version 3.11 --universal -o requirements-dev.lock -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
