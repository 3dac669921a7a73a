# Bindeled: the README's commands. Everything installs into ./.venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo's links (in mails, and the Wagtail site's address) follow the port it serves on.
DEMO_URL = http://127.0.0.1:$(PORT)
CHROMIUM ?= /usr/bin/chromium
# Two test processes by default (pytest-xdist); PYTEST_ARGS="-n 0" runs in one.
PYTEST_ARGS ?= -n 2

.PHONY: install install-dev demo test lint serve worker clean

# Two stamps: running the portal needs its dependencies only; the tests and
# linters (pytest, Playwright, hypothesis, ruff...) are added for test and lint.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/python manage.py migrate --noinput
	WAGTAILADMIN_BASE_URL=$(DEMO_URL) $(BIN)/python manage.py load_demo
	@echo ""
	@echo "  Bindeled:   $(DEMO_URL)/"
	@echo "  Admin:      $(DEMO_URL)/admin/"
	@echo "  Demo login: admin / bindeled-demo (superuser)"
	@echo "              redaktoer / bindeled-demo (editor, Besøgsvennerne Nord)"
	@echo "              redaktoer-festival / bindeled-demo (editor, Festivalhjælperne: publishes opportunities directly)"
	@echo "              moderator / bindeled-demo (Redaktionen: approves or sends back what editors submit)"
	@echo "              koordinator-nord / bindeled-demo (coordinator, Besøgsvennerne Nord)"
	@echo "              koordinator-odense / bindeled-demo (coordinator, Vågekonerne)"
	@echo "  Then a code: admin and the coordinators sign in with a second step. Add the key"
	@echo "              BINDELEDDEMOBINDELEDDEMOBINDELED to an authenticator app, or type a"
	@echo "              backup code demo-kode-1 … demo-kode-5 (each works once; make demo renews them)"
	@echo ""
	WAGTAILADMIN_BASE_URL=$(DEMO_URL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install-dev
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "NOTE: Chromium was not found at $(CHROMIUM); the browser tests will be skipped."; \
		echo "      Install it with 'sudo apt-get install chromium' to run them."; \
	fi
	@if ! command -v java >/dev/null 2>&1; then \
		echo "NOTE: Java was not found; the HTML validity test (W3C Nu checker) will be skipped."; \
		echo "      Install it with 'sudo apt-get install default-jre-headless' to run it."; \
	fi
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# Production-style server: set SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL (see README).
serve: install
	DJANGO_SETTINGS_MODULE=portal.settings.production $(BIN)/python manage.py collectstatic --noinput
	DJANGO_SETTINGS_MODULE=portal.settings.production $(BIN)/python manage.py warm_facet_index
	DJANGO_SETTINGS_MODULE=portal.settings.production $(BIN)/gunicorn portal.wsgi -c gunicorn.conf.py --bind 127.0.0.1:$(PORT) --workers 3

worker: install
	DJANGO_SETTINGS_MODULE=portal.settings.production $(BIN)/python manage.py db_worker

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
