"""requirements.txt gives every supported platform and Python one exact version of each package, and
the supported Pythons are the same wherever they are stated."""

import importlib.util
import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10, where pytest brings tomli
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("check_requirements", ROOT / "tools" / "check_requirements.py")
check_requirements = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_requirements)

REQUIREMENTS = [Requirement(line) for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
TENSORFLOW_BUILDS = {"tensorflow", "tensorflow-cpu"}


@pytest.mark.parametrize("python", check_requirements.PYTHONS)
@pytest.mark.parametrize("platform", check_requirements.PLATFORMS)
def test_each_platform_and_python_gets_one_exact_version_of_each_package(platform, python):
    environment = check_requirements.marker_environment(check_requirements.PLATFORMS[platform][1], python)
    chosen = [requirement for requirement in REQUIREMENTS
              if requirement.marker is None or requirement.marker.evaluate(environment)]
    names = [canonicalize_name(requirement.name) for requirement in chosen]
    assert len(names) == len(set(names)), f"two versions of one package: {sorted(names)}"
    assert {canonicalize_name(requirement.name) for requirement in REQUIREMENTS} - TENSORFLOW_BUILDS <= set(names)
    assert len(TENSORFLOW_BUILDS & set(names)) == 1, "one TensorFlow build, not both"
    for requirement in chosen:
        assert [spec.operator for spec in requirement.specifier] == ["=="], f"not pinned: {requirement}"


def test_the_supported_pythons_are_stated_alike_everywhere():
    supported = check_requirements.PYTHONS
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requires_python = SpecifierSet(project["requires-python"])
    assert [f"3.{minor}" for minor in range(6, 20) if f"3.{minor}.0" in requires_python] == supported
    assert [c.rsplit(" ", 1)[1] for c in project["classifiers"] if c.startswith("Programming Language")] == supported
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^SUPPORTED_PYTHONS := (.*)$", makefile, re.MULTILINE)[1].split() == supported


def test_the_readme_table_shows_every_pair_resolved():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    header = f"| platform | {' | '.join(f'Python {python}' for python in check_requirements.PYTHONS)} |"
    rows = readme.split(header, 1)[1].strip().splitlines()[1:len(check_requirements.PLATFORMS) + 1]
    assert [row.split(" | ")[0].removeprefix("| ") for row in rows] == list(check_requirements.PLATFORMS)
    for row in rows:
        cells = row.strip("| ").split(" | ")[1:]
        assert len(cells) == len(check_requirements.PYTHONS) and all(cell.startswith("ok: ") for cell in cells), row
