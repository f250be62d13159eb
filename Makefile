# Every target sets up its own virtual environment in .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# Where `python -m naive_tf train --logdir runs/NAME` writes, and `make tensorboard` reads.
LOGDIR ?= runs

.PHONY: setup run test lint lab notebooks tensorboard

setup: $(INSTALLED)

# Reinstalled only when the requirements or the package description change.
$(INSTALLED): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

run: setup
	$(BIN)/python -m naive_tf train --recipe seed

test: lint
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check naive_tf tests benchmarks notebooks

lab: setup
	$(BIN)/jupyter lab notebooks/

# Restart-and-run-all of every chapter, storing the fresh outputs in place.
notebooks: setup
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.timeout=600 notebooks/*.ipynb

# TensorBoard on every run logged under $(LOGDIR); extra options in TENSORBOARD_ARGS (e.g. "--port 6007").
tensorboard: setup
	$(BIN)/tensorboard --logdir $(LOGDIR) $(TENSORBOARD_ARGS)
