# Two commands from a fresh clone:  make brief   and   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup brief test lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "storyweave needs Python 3.11 or newer: set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/storyweave models
	@command -v java >/dev/null || echo "note: no Java found; storyweave run --engine spark needs Java 17+ (Debian: sudo apt-get install openjdk-17-jre-headless)"
	@touch $@

setup: $(STAMP)

brief: setup  ## set up, then brief the example articles
	$(BIN)/storyweave brief examples/

test: setup  ## set up, then run the test suite
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/python benchmarks/brief_multinews.py

clean:
	rm -rf $(VENV) build *.egg-info
