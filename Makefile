# OIC Mediation Capacity Portal — every task a developer or CI needs.
# `make run` and `make test` are all a newcomer needs (see README.md).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
# Test processes in parallel (pytest-xdist): one per core by default; 0 runs them in-process.
TEST_WORKERS ?= auto
PORT ?= 8000

.PHONY: help install lock audit worker run test lint format messages bench fuzz load backup restore clean

help:
	@echo "make run      install, migrate, load reference data, create a login, serve on http://$(HOST):$(PORT) with a worker"
	@echo "make worker   a background worker alone (e-mails, report rendering, scheduled clean-ups)"
	@echo "make lock     re-resolve requirements/*.lock (with hashes) from pyproject.toml"
	@echo "make audit    pip-audit of the locked dependencies"
	@echo "make test     the whole suite against PostgreSQL (a throwaway local server if DATABASE_URL is unset)"
	@echo "make lint     ruff, the migrations check, the layers between the apps (import-linter) and mypy"
	@echo "make messages update and compile the ar/en/fr message catalogues"
	@echo "make fuzz     schemathesis over the whole API schema, $(FUZZ_EXAMPLES) examples per operation;"
	@echo "              hypothesis over every service and focal-point form, 400 examples each"
	@echo "make load     locust: 50 clients for 60 s against gunicorn; requests/s, p95/p99"
	@echo "make backup   pg_dump DATABASE_URL to backups/ (FILE=… to choose the file)"
	@echo "make restore FILE=…  pg_restore into the empty database DATABASE_URL"

# Installs exactly the locked versions, each checked against its hash (requirements/*.lock, made
# by `make lock` from pyproject.toml). A deploy installs requirements/production.lock the same way.
$(STAMP): requirements/dev.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.lock
	@touch $(STAMP)

install: $(STAMP)

# Re-resolve the lock files after a change to pyproject.toml's dependencies (needs the network).
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes --quiet -o requirements/production.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --generate-hashes --quiet -o requirements/dev.lock

# Known vulnerabilities in the locked versions (pip-audit against PyPI's advisory database).
audit: $(STAMP)
	@scripts/audit.sh

# The web server and a background worker beside it, in one command: Ctrl-C stops both. Links in
# e-mails (invitations, resets) point at this server, whatever HOST and PORT are.
run: $(STAMP)
	@export DJANGO_DEBUG="$${DJANGO_DEBUG:-true}"; \
	export DJANGO_PORTAL_BASE_URL="$${DJANGO_PORTAL_BASE_URL:-http://$(HOST):$(PORT)}"; \
	$(BIN)/python manage.py migrate --no-input && \
	$(BIN)/python manage.py createcachetable && \
	$(BIN)/python manage.py load_reference_data && \
	$(BIN)/python manage.py ensure_secretariat_login && \
	echo "" && \
	echo "  Public dashboard : http://$(HOST):$(PORT)/en/   (also /ar/ and /fr/)" && \
	echo "  Secretariat admin: http://$(HOST):$(PORT)/admin/" && \
	echo "  Focal points     : http://$(HOST):$(PORT)/en/accounts/login/" && \
	echo "  API              : http://$(HOST):$(PORT)/api/v1/   docs: http://$(HOST):$(PORT)/api/docs/" && \
	echo "  Health           : http://$(HOST):$(PORT)/health/" && \
	echo "  Background worker: started beside the server (e-mails are printed by it)" && \
	echo "" && \
	{ $(BIN)/python manage.py run_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	  $(BIN)/python manage.py runserver $(HOST):$(PORT); }

# A background worker alone (production runs these as their own processes: see README.md).
worker: $(STAMP)
	$(BIN)/python manage.py run_worker

test: $(STAMP)
	@url="$${DATABASE_URL:-}"; \
	if [ -z "$$url" ]; then url="$$(.ci/postgres.sh)" || exit 2; fi; \
	case "$$url" in postgres*) ;; *) echo "make test runs on PostgreSQL; DATABASE_URL=$$url is not a PostgreSQL URL." >&2; exit 2;; esac; \
	echo "Testing against $${url%%@*}@…"; \
	DATABASE_URL="$$url" $(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/lint-imports
	DJANGO_DEBUG=true $(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(STAMP)
	DJANGO_DEBUG=true $(BIN)/python manage.py makemessages -l ar -l en -l fr --ignore=.venv --ignore=var --no-obsolete
	DJANGO_DEBUG=true $(BIN)/python manage.py compilemessages --ignore=.venv

backup:
	@scripts/backup.sh $(FILE)

restore:
	@scripts/restore.sh $(FILE)

# Load test at scale 1 and 10 on PostgreSQL with gunicorn; see README.md ("Performance").
# BENCH_ARGS="--reuse" keeps the generated databases between runs.
bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# A deep schemathesis run (the normal suite runs a few examples per operation).
FUZZ_EXAMPLES ?= 300
fuzz: $(STAMP)
	@url="$${DATABASE_URL:-}"; \
	if [ -z "$$url" ]; then url="$$(.ci/postgres.sh)" || exit 2; fi; \
	DATABASE_URL="$$url" SCHEMATHESIS_MAX_EXAMPLES=$(FUZZ_EXAMPLES) \
		DJANGO_API_ANON_RATE=100000/minute DJANGO_API_USER_RATE=100000/minute \
		$(BIN)/python -m pytest tests/api/test_schema.py -k conforms -p no:cacheprovider $(PYTEST_ARGS) && \
	DATABASE_URL="$$url" OIC_FUZZ_PROFILE=deep $(BIN)/python -m pytest -p no:cacheprovider \
		tests/reliability/test_fuzz_services.py tests/reliability/test_fuzz_forms.py $(PYTEST_ARGS)

# 50 concurrent clients for 60 s against gunicorn on 127.0.0.1; fails on any error (load/run.py).
load: $(STAMP)
	$(BIN)/python load/run.py

clean:
	rm -rf $(VENV) var/staticfiles .pytest_cache .ruff_cache
