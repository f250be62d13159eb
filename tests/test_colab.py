"""Every chapter opens with a cell that, in Colab only, installs naive_tf from the repository that
pyproject.toml declares; anywhere else it does nothing and prints nothing."""

import json
import re
import sys
import types
from pathlib import Path

import pytest
from IPython.core.inputtransformer2 import TransformerManager

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10, where pytest brings tomli
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
REPOSITORY = PROJECT["urls"]["Repository"]


class Shell:
    """Stands in for IPython's shell: records the magics a cell runs."""

    def __init__(self):
        self.magics = []

    def run_line_magic(self, name, line):
        self.magics.append((name, line))


def run_first_cell(notebook: Path) -> list:
    cell = json.loads(notebook.read_text(encoding="utf-8"))["cells"][0]
    assert cell["cell_type"] == "code", f"{notebook.name} does not begin with a code cell"
    shell = Shell()
    # IPython turns `%pip install ...` into get_ipython().run_line_magic("pip", "install ..."), as Jupyter would.
    exec(TransformerManager().transform_cell("".join(cell["source"])), {"get_ipython": lambda: shell})  # noqa: S102
    return shell.magics


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_outside_colab_the_first_cell_does_nothing(notebook, capsys):
    assert run_first_cell(notebook) == []
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_in_colab_the_first_cell_installs_naive_tf_from_the_declared_repository(notebook, monkeypatch):
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    [(magic, line)] = run_first_cell(notebook)
    assert magic == "pip" and line.split()[0] == "install"
    assert re.findall(r"[\w+]+://[^\s\"']+", line) == [f"git+{REPOSITORY}"]


def test_the_readme_opens_chapters_in_colab_from_the_declared_repository():
    owner_and_name = REPOSITORY.removeprefix("https://github.com/")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"https://colab.research.google.com/github/{owner_and_name}/blob/main/notebooks/" in readme
