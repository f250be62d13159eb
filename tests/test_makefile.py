"""The Makefile stops before making an environment with a Python that has no TensorFlow wheels, and
passes options through to Jupyter Lab."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(shutil.which("make") is None,
                                reason="needs make; the README gives the commands that do without it")


def make(*arguments):
    # check=False: the tests read make's exit status and messages, failing ones included.
    return subprocess.run(["make", "-C", str(ROOT), *arguments], capture_output=True, text=True, timeout=60,
                          check=False)


def test_a_python_outside_the_supported_versions_is_refused_before_the_environment_is_made(tmp_path):
    # The running Python plays an unsupported one: the supported versions are set to leave it out.
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    result = make("setup", f"PYTHON={sys.executable}", f"VENV={tmp_path / 'venv'}", "SUPPORTED_PYTHONS=3.8 3.9")
    assert result.returncode != 0
    assert f"is Python {running}; naive_tf needs Python 3.8, 3.9. Install one of those" in result.stderr
    assert "make PYTHON=python3.9" in result.stderr
    assert not (tmp_path / "venv").exists()


def test_lab_passes_lab_args_to_jupyter_lab():
    result = make("--dry-run", "lab", "LAB_ARGS=--allow-root --port 9000")
    assert result.returncode == 0, result.stderr
    assert "/jupyter lab --allow-root --port 9000 notebooks/" in result.stdout
