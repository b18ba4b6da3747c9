# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
BV := $(BIN)/brandvoice
STAMP := $(VENV)/.installed

.PHONY: demo test install models languagetool clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BV) check examples/ --no-grammar --fail-on error || test $$? -eq 1
	@echo "(exit 1 above means findings at error level were reported, as expected for the examples)"

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info
