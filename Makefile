# Newsroom: `make run` serves the demo site, `make test` runs lint and the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format migrate demo clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# Debug off, so pages (404 and 500 included) are the ones readers get; over plain HTTP, with
# static files read from static/ as edited. DJANGO_DEBUG=1 make run shows Django's debug pages.
run: export DJANGO_SECRET_KEY ?= development-only-key-not-for-production-0123456789abcdef
run: export DJANGO_SECURE_SSL_REDIRECT ?= 0
run: export DJANGO_SECURE_COOKIES ?= 0
run: export NEWSROOM_SERVE_MEDIA ?= 1
run: export NEWSROOM_STATIC_FROM_SOURCE ?= 1
run: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Newsroom is at http://$(HOST):$(PORT)/ (admin at http://$(HOST):$(PORT)/admin/)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Tests run with debug off, as in production; the key below is for the tests only.
test: export DJANGO_SECRET_KEY ?= test-only-secret-key-not-for-production-0123456789abcdef
test: $(VENV)/.installed lint
	$(BIN)/pytest

lint: $(VENV)/.installed
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles *.egg-info

# Seed PostgreSQL (BENCH_POSTS, default 2000), serve with gunicorn and load it with wrk.
bench: $(VENV)/.installed
	$(BIN)/python bench/run.py
