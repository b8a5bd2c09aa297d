# The two commands of the quick start: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo install assets migrate serve test lint clean runtime-packages test-packages setup

# Debian packages: scripts/system-packages.sh calls apt-get only when one is missing.
runtime-packages:
	@scripts/system-packages.sh runtime

test-packages:
	@scripts/system-packages.sh test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

node_modules/.installed: package.json
	npm install --no-audit --no-fund --loglevel=error
	touch $@

static/vendor/app.css: node_modules/.installed static/src/app.scss
	npm run --silent build
	mkdir -p static/vendor/govuk
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/vendor/govuk/
	cp -r node_modules/govuk-frontend/dist/govuk/assets static/vendor/govuk/

assets: static/vendor/app.css

migrate: install
	mkdir -p var
	$(PY) manage.py migrate --no-input -v0

# The web server and a Celery worker beside it (scripts/demo.sh); Ctrl-C stops both.
demo: runtime-packages install assets migrate
	$(PY) manage.py demo
	HOST=$(HOST) PORT=$(PORT) scripts/demo.sh

# Set up, then lint and run every suite (PostgreSQL, SQLite, Chromium): see scripts/test.sh.
setup: test-packages install assets

test: setup
	@scripts/test.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles var
