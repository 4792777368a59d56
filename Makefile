# Translation catalogs (gettext via babel). The .po files are committed; they are compiled
# in memory at run time, so there is no compile step.
LOCALES := bot/i18n/locales
KEYWORDS := -k t:2 -k tn:2,3 -k tp:2c,3 -k N_

.PHONY: texts-extract texts-update texts-init

texts-extract:
	pybabel extract -F babel.cfg $(KEYWORDS) --no-location --sort-output \
		--project=pillarbot -o $(LOCALES)/messages.pot .

texts-update: texts-extract
	pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) -l zh_Hans --no-fuzzy-matching --ignore-obsolete

texts-init: texts-extract
	pybabel init -i $(LOCALES)/messages.pot -d $(LOCALES) -l zh_Hans

# --- the two commands of the README -------------------------------------------------------
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: chat test

$(VENV)/bin/activate:
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Install the bot and talk with it in the terminal (no Telegram token needed).
chat: $(VENV)/bin/activate
	$(PY) -m pip install --quiet .
	$(VENV)/bin/pillarbot chat

# Install what the tests need, then lint, type-check and run every test.
test: $(VENV)/bin/activate
	$(PY) -m pip install --quiet -e ".[test]"
	$(VENV)/bin/ruff check bot calc tests bench
	$(VENV)/bin/ruff format --check bot calc tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest
	$(PY) bench/eval_real.py
	$(PY) bench/eval_readings.py
