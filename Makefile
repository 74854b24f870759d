# Two commands from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
ASSETS := static/vendor/.installed
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: install run test lint format browser translations bench bench-notifications bench-search bench-similar bench-barometer screenshots clean

install: $(INSTALLED) $(ASSETS) translations

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

# Det Fælles Designsystem and axe-core come from npm; nothing of theirs is committed.
$(ASSETS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf static/vendor && mkdir -p static/vendor
	cp -r node_modules/dkfds/dist static/vendor/dkfds
	cp node_modules/axe-core/axe.min.js static/vendor/axe.min.js
	touch $@

# Texts are Danish msgids in gettext calls; English is cocreate/translations/en/LC_MESSAGES/
# messages.po. `make translations` builds the .mo files (git-ignored); `make messages` refreshes
# messages.pot and the catalogue after texts change (tests/core/test_translations.py extracts
# with the same keywords and names any text that still lacks an English translation).
TRANSLATIONS := cocreate/translations
BABEL_KEYWORDS := -k _l -k lazy_gettext -k lazy_ngettext:1,2

translations: $(INSTALLED)
	$(BIN)/pybabel -q compile -d $(TRANSLATIONS)

messages: $(INSTALLED)
	$(BIN)/pybabel -q extract -F babel.cfg $(BABEL_KEYWORDS) --project=cocreate \
		--copyright-holder=cocreate -o $(TRANSLATIONS)/messages.pot .
	$(BIN)/pybabel -q update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) --ignore-obsolete

# Debian's Chromium for the browser tests (never a downloaded browser build).
browser:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

run: install
	$(BIN)/cocreate db upgrade
	$(BIN)/cocreate seed-demo --if-empty
	$(BIN)/cocreate run --host $(HOST) --port $(PORT)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: install browser lint
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/run.py

# 10,000 mails through outbox, relay and runner to an SMTP sink; with REDIS_URL set, on rq too.
bench-notifications: install
	$(BIN)/python bench/notifications.py

# Search latency at 100,000 proposals (SQLite, or PostgreSQL with DATABASE_URL).
bench-search: install
	$(BIN)/python bench/search.py

# Similar proposals: precision and recall on the labelled pairs, then latency at 100,000.
bench-similar: install
	$(BIN)/python bench/similar.py

# The barometer's latency for the default period at 100,000 proposals.
bench-barometer: install
	$(BIN)/python bench/barometer.py

screenshots: install browser
	$(BIN)/python bench/screenshots.py

clean:
	rm -rf $(VENV) node_modules static/vendor instance
