# The one entry point. `make run` serves the portal; `make test` passes the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Development only: set here, never as a default in settings.
DEV_ENV := DJANGO_DEBUG=1 DJANGO_SECRET_KEY=dev-only-insecure-key-for-make-run
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve bench test install install-test install-bench browser-deps messages messages-update migrate seed lint format migrations-check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[bench]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed messages
install-test: $(VENV)/.installed-test messages
install-bench: $(VENV)/.installed-bench messages

# The interface's translations: locale/<ll>/LC_MESSAGES/django.po are committed, the compiled .mo are
# built here (not committed). msgfmt is GNU gettext's; as root, Debian's package is installed.
MSGFMT ?= msgfmt
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)
MAKEMESSAGES_IGNORE := --ignore=node_modules --ignore=tests --ignore=bench --ignore=scripts --ignore=staticfiles --ignore=var

messages: $(MO_FILES)

%.mo: %.po | gettext-tools
	$(MSGFMT) --check-format -o $@ $<

.PHONY: gettext-tools
gettext-tools:
	@command -v $(MSGFMT) >/dev/null || { \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; \
		else \
			echo "msgfmt is missing: install GNU gettext (sudo apt-get install gettext) to compile the translations"; exit 1; \
		fi; }

# After changing marked strings: refresh every language's .po from the templates and the code.
messages-update: install
	$(DEV_ENV) $(BIN)/python manage.py makemessages --all $(MAKEMESSAGES_IGNORE) --add-location=file --no-obsolete

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

seed: migrate
	$(DEV_ENV) $(BIN)/python manage.py seed

run: seed messages
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production-like serving: settings come from the environment (DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS,
# DATABASE_URL, ...), gunicorn with one worker per core (gunicorn.conf.py). Migrations may run longer
# than a request's statement timeout, so it is off for them.
serve: install
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DJANGO_DB_STATEMENT_TIMEOUT=0 $(BIN)/python manage.py migrate --noinput
	HOST=$(HOST) PORT=$(PORT) WEB_CONCURRENCY=$${WEB_CONCURRENCY:-$$(nproc)} $(BIN)/gunicorn

# The benchmark (bench/run.py): the portal under gunicorn on PostgreSQL and Redis against a bare Django
# ceiling and Datasette (the `bench` extra) on an SQLite copy, warm and cold, at normal size and at
# xBENCH_FACTOR; needs wrk, PostgreSQL and Redis running.
bench: install-bench
	$(BIN)/python bench/run.py

# Tests run with debug off, as production does; the key below exists only for the test run.
TEST_ENV := DJANGO_TESTING=1 DJANGO_SECRET_KEY=test-only-insecure-key DJANGO_ALLOWED_HOSTS=testserver,localhost,127.0.0.1

# Browser tests need Debian's Chromium (Playwright's own browser download does not work offline)
# and axe-core from the npm registry.
CHROMIUM ?= /usr/bin/chromium

browser-deps: node_modules/axe-core/axe.min.js $(CHROMIUM)

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(CHROMIUM):
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "Chromium is missing at $(CHROMIUM): install Debian's chromium package (sudo apt-get install chromium)"; exit 1; \
	fi

test: install-test browser-deps
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install-test
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache staticfiles node_modules test-artifacts
	rm -f $(MO_FILES)
