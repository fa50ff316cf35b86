# Aandacht: `make run` serves the demo, `make test` runs every check.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
.DEFAULT_GOAL := run

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
CHROMIUM := /usr/bin/chromium
DEMO_ENV := AANDACHT_DEMO=1 DEBUG=1
PORT ?= 8000
# Checks that do not touch a database still load the settings.
CHECK_ENV := SECRET_KEY=only-for-checks-not-a-secret-0123456789abcdefghijklmnop DEBUG=0 AANDACHT_DEMO=0

.PHONY: audit bench-fresh bench-scrub bench-scrub-heldout bench-contacts bench-insights bench-erlang bench-callers bench-roster bench-roster-national bench-search messages run test lint test-sqlite test-postgres translations static \
        browser lock clean help

help:
	@echo "make run    set up (venv, database, demo data) and serve http://127.0.0.1:8000"
	@echo "make test   lint, type checks and every test on SQLite and PostgreSQL"
	@echo "make lock   refresh requirements.lock from pyproject.toml"
	@echo "make audit  known vulnerabilities in the locked packages (needs PyPI's advisory data)"

# The lock alone decides what is installed: --no-deps keeps pip from resolving
# anything itself (an older pip re-resolves a package's extras against the index
# and fails on a newer release), --only-binary keeps it from building anything
# with unpinned build tools, and `pip check` then proves the lock was complete.
# Deduce's table cache is stamped with the naive local time and Django sets the
# process's TZ to TIME_ZONE: built outside Django (UTC), the cache looks an hour
# stale inside the app and is silently rebuilt, so it is built through Django.
$(VENV)/.installed: requirements.lock
	@test -x $(PY) || { echo "Creating the virtual environment $(VENV) ..."; \
	  $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV); }
	@echo "Installing the locked dependencies into $(VENV) (a minute or two; more when downloading) ..."
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --only-binary :all: \
	  --require-hashes -r requirements.lock \
	  2>&1 | { grep -v 'is ignored: it is neither a file nor a directory' || true; }
	@$(PY) -m pip check --disable-pip-version-check >/dev/null \
	  || { $(PY) -m pip check; echo "The lock is incomplete: run 'make lock'."; exit 1; }
	@echo "Building deduce's lookup tables once (about a minute and a half the first time) ..."
	@$(CHECK_ENV) DJANGO_SETTINGS_MODULE=aandacht.settings $(PY) -c 'import django; django.setup(); \
	  from aandacht.privacy.scrub import get_deduce; get_deduce()'
	@touch $@

# Compiled translations are generated files: made here, never committed.
translations: $(VENV)/.installed
	@command -v msgfmt >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  echo "Installing GNU gettext from Debian ..." && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; } \
	  || { echo "Install GNU gettext (msgfmt) to compile the translations."; exit 1; }
	@$(CHECK_ENV) $(MANAGE) compilemessages --ignore=.venv -v0

run: translations
	@mkdir -p var
	@echo "Creating or updating the database var/aandacht.db ..."
	@$(DEMO_ENV) $(MANAGE) migrate --noinput -v0
	@echo "Loading the demo data (the first time only) ..."
	@$(DEMO_ENV) $(MANAGE) seed_demo --if-empty
	@echo
	@$(DEMO_ENV) $(MANAGE) demo_logins
	@echo
	@echo "Aandacht is running at http://127.0.0.1:$(PORT) (stop with Ctrl+C)."
	@$(DEMO_ENV) $(MANAGE) run_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(DEMO_ENV) $(MANAGE) runserver 127.0.0.1:$(PORT)

lint: translations
	$(CHECK_ENV) $(PY) scripts/check_lock.py
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(CHECK_ENV) $(BIN)/mypy aandacht tests conftest.py
	$(BIN)/lint-imports
	$(CHECK_ENV) $(MANAGE) makemigrations --check --dry-run
	$(CHECK_ENV) $(PY) scripts/check_translations.py

# Debian's Chromium drives the browser tests; Playwright never downloads one.
browser:
	@test -x $(CHROMIUM) || { [ "$$(id -u)" = 0 ] && { \
	  echo "Installing Chromium from Debian for the browser tests (a minute or two) ..."; \
	  apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; } \
	  || { echo "Install Chromium ($(CHROMIUM)) to run the browser tests."; exit 1; }

static: $(VENV)/.installed
	@$(CHECK_ENV) $(MANAGE) collectstatic --noinput -v0

# Tests run on up to four cores (pytest-xdist). Every test runs on SQLite; on
# PostgreSQL only those that reach the database, as no other outcome can differ.
TEST_WORKERS ?= $(shell n=$$(nproc); echo $$(( n < 4 ? n : 4 )))
PYTEST := $(BIN)/pytest -n $(TEST_WORKERS)

test-sqlite: translations browser static
	@echo "== pytest on SQLite, every test =="
	@AANDACHT_CHROMIUM=$(CHROMIUM) DATABASE_URL=sqlite:///var/test.db \
	  scripts/test-pass SQLite $(PYTEST)

test-postgres: translations browser static
	@echo "== pytest on PostgreSQL, the tests that use the database =="
	@AANDACHT_CHROMIUM=$(CHROMIUM) AANDACHT_DATABASE_TESTS_ONLY=1 \
	  scripts/test-pass PostgreSQL scripts/with-postgres $(PYTEST)

# Ends with a line per pass and a total, in the form CI reads.
test: translations browser static
	@rm -f var/test-summary.txt
	@scripts/test-pass lint $(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory test-sqlite test-postgres
	@echo; echo "== Summary =="; cat var/test-summary.txt
	@awk '/ passed, / {p += $$2; f += $$4} END {printf "Total: %d passed, %d failed\n", p, f}' \
	  var/test-summary.txt

# Known vulnerabilities in the locked packages, from PyPI's advisory data
# (pip-audit, in a venv of its own). Not part of `make test`: it needs the
# advisory service, which a machine that reaches only a package mirror cannot
# ask; --strict makes that a failure rather than a silent pass.
PIP_AUDIT_VERSION := 2.10.1
audit:
	@test -x var/audit/bin/pip-audit || { $(PYTHON) -m venv var/audit && \
	  var/audit/bin/pip install --quiet pip-audit==$(PIP_AUDIT_VERSION); }
	var/audit/bin/pip-audit --strict --disable-pip --require-hashes -r requirements.lock \
	  --progress-spinner off

# uv lives in a venv of its own: the project's holds the lock and nothing else.
lock:
	@test -x var/uv/bin/uv || { $(PYTHON) -m venv var/uv && var/uv/bin/pip install --quiet uv; }
	var/uv/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 \
	  --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) var/static var/test.db

# Refresh the Dutch catalogue after adding or changing texts.
messages: $(VENV)/.installed
	$(CHECK_ENV) $(MANAGE) makemessages -l nl --no-obsolete --ignore=.venv --ignore=var --ignore=tests

N ?= 3500000

# A newcomer's wait (#13): `make run` and `make test`, each on a fresh clone of HEAD.
bench-fresh:
	$(PYTHON) bench/bench_fresh_clone.py

# The scrubber against its corpus (#3): recall, words kept, notes per second.
bench-scrub: $(VENV)/.installed
	$(PY) bench/bench_scrub.py

# The same on the held-out set (#14): recall per kind, never the misses.
bench-scrub-heldout: $(VENV)/.installed
	$(PY) bench/bench_scrub.py --heldout

# Contact reports at national scale (#3): load N synthetic contacts into a
# throw-away PostgreSQL, then time saving a report, the review queue and home.
# Regular callers at national scale: N contacts and PROFILES caller profiles in a
# throw-away PostgreSQL, then time the contact form's caller lookup and banner.
PROFILES ?= 20000
bench-callers: translations
	AANDACHT_DEMO=1 N=$(N) PROFILES=$(PROFILES) scripts/with-postgres $(PY) bench/bench_callers.py

# One region's month (120 volunteers, 60 s) against its proven bound and a naive
# roster; the national variant solves 15 regions of 100 one after another.
bench-roster: $(VENV)/.installed
	$(PY) bench/bench_roster.py

bench-roster-national: $(VENV)/.installed
	$(PY) bench/bench_roster.py --national

bench-erlang: $(VENV)/.installed
	$(PY) bench/erlang_vs_simulation.py

# The social map's search (#5): SERVICES generated Dutch services, reindexed,
# then searches timed as the contact form and the API make them; on SQLite
# (var/bench-search.db) and on a throw-away PostgreSQL.
SERVICES ?= 50000
bench-search: $(VENV)/.installed
	AANDACHT_DEMO=1 SERVICES=$(SERVICES) $(PY) bench/bench_search.py
	AANDACHT_DEMO=1 SERVICES=$(SERVICES) scripts/with-postgres $(PY) bench/bench_search.py

bench-contacts: translations
	AANDACHT_DEMO=1 scripts/with-postgres $(PY) bench/bench_contacts.py --contacts $(N)

# The insights dashboard at national scale (#7): N contacts and the first build
# of their rollup, then the national year's dashboard timed on SQLite
# (var/bench-insights.db) and on a throw-away PostgreSQL, against DuckDB over
# the same rows exported to Parquet.
bench-insights: translations
	AANDACHT_DEMO=1 $(PY) bench/bench_insights.py --contacts $(N)
	AANDACHT_DEMO=1 scripts/with-postgres $(PY) bench/bench_insights.py --contacts $(N)
