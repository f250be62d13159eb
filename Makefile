# Every target sets up its own virtual environment in .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The Python versions requirements.txt has wheels for on every platform (tools/check_requirements.py).
SUPPORTED_PYTHONS := 3.10 3.11 3.12 3.13
# The full `tensorflow` build, which macOS and Linux on ARM install, in place of tensorflow-cpu.
FULL_VENV := .venv-full
# Where `python -m naive_tf train --logdir runs/NAME` writes, and `make tensorboard` reads.
LOGDIR ?= runs

.PHONY: setup run test lint lab notebooks tensorboard test-full-build

setup: $(INSTALLED)

# Run first when a virtual environment is made: a Python without TensorFlow wheels would fail later,
# deep in pip's output, without saying what to do.
check_python = import sys; found = "%d.%d" % sys.version_info[:2]; supported = sys.argv[1:]; \
	sys.exit(None if found in supported else "$(PYTHON) is Python %s; naive_tf needs Python %s. \
	Install one of those and name it, e.g. make PYTHON=python%s" % (found, ", ".join(supported), supported[-1]))

# $(call make_venv,FOLDER,REQUIREMENTS): a virtual environment with REQUIREMENTS and naive_tf (editable).
define make_venv
$(PYTHON) -m venv $(1)
$(1)/bin/python -m pip install --quiet -r $(2)
$(1)/bin/python -m pip install --quiet --no-deps -e .
touch $(1)/.installed
endef

# Reinstalled only when the requirements or the package description change.
$(INSTALLED): requirements.txt pyproject.toml
	@$(PYTHON) -c '$(check_python)' $(SUPPORTED_PYTHONS)
	$(call make_venv,$(VENV),requirements.txt)

run: setup
	$(BIN)/python -m naive_tf train --recipe seed

test: lint
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check naive_tf tests benchmarks notebooks tools solutions

# Options for Jupyter Lab go in LAB_ARGS, e.g. make lab LAB_ARGS="--allow-root --port 9000".
lab: setup
	$(BIN)/jupyter lab $(LAB_ARGS) notebooks/

# Restart-and-run-all of every chapter, storing the fresh outputs in place.
notebooks: setup
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.timeout=600 notebooks/*.ipynb

# TensorBoard on every run logged under $(LOGDIR); extra options in TENSORBOARD_ARGS (e.g. "--port 6007").
tensorboard: setup
	$(BIN)/tensorboard --logdir $(LOGDIR) $(TENSORBOARD_ARGS)

# The same pins, with `tensorflow` where requirements.txt has tensorflow-cpu.
$(FULL_VENV)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c '$(check_python)' $(SUPPORTED_PYTHONS)
	mkdir -p $(FULL_VENV)
	sed 's/^tensorflow-cpu==/tensorflow==/' requirements.txt > $(FULL_VENV)/requirements.txt
	$(call make_venv,$(FULL_VENV),$(FULL_VENV)/requirements.txt)

test-full-build: $(FULL_VENV)/.installed
	$(FULL_VENV)/bin/python -m pytest
