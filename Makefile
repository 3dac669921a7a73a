# Bindeled: the README's commands. Everything installs into ./.venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
PYTEST_ARGS ?=

.PHONY: install demo test lint serve worker clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo ""
	@echo "  Bindeled:   http://127.0.0.1:$(PORT)/"
	@echo "  Admin:      http://127.0.0.1:$(PORT)/admin/"
	@echo "  Demo login: admin / bindeled-demo (superuser)"
	@echo "              redaktoer / bindeled-demo (editor, Besøgsvennerne Nord)"
	@echo "              koordinator-nord / bindeled-demo (coordinator, Besøgsvennerne Nord)"
	@echo "              koordinator-odense / bindeled-demo (coordinator, Vågekonerne)"
	@echo "  Then a code: admin and the coordinators sign in with a second step. Add the key"
	@echo "              BINDELEDDEMOBINDELEDDEMOBINDELED to an authenticator app, or type a"
	@echo "              backup code demo-kode-1 … demo-kode-5 (each works once; make demo renews them)"
	@echo ""
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	@if [ ! -x "$(CHROMIUM)" ]; then \
		echo "NOTE: Chromium was not found at $(CHROMIUM); the browser tests will be skipped."; \
		echo "      Install it with 'sudo apt-get install chromium' to run them."; \
	fi
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# Production-style server: set SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL (see README).
serve: install
	DJANGO_SETTINGS_MODULE=portal.settings.production $(BIN)/python manage.py collectstatic --noinput
	DJANGO_SETTINGS_MODULE=portal.settings.production $(BIN)/gunicorn portal.wsgi --bind 127.0.0.1:$(PORT) --workers 3

worker: install
	DJANGO_SETTINGS_MODULE=portal.settings.production $(BIN)/python manage.py db_worker

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
