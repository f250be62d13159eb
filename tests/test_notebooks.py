"""The chapter notebooks: code they show is naive_tf's code, and their stored outputs are clean.

nbval (run by `make test` on notebooks/) re-executes each notebook; these tests check what is stored.
"""

import importlib
import inspect
import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# A cell that shows naive_tf code starts with a line such as "# naive_tf/dense.py: uniform_initializer, NaiveDense".
SHOWN_CODE = re.compile(r"# naive_tf/(?P<path>[\w/]+)\.py: (?P<names>\w+(?:, \w+)*)\n")
NOISE = re.compile(r"oneDNN|absl::|cpu_feature_guard|^[IWEF]\d{4} ", re.MULTILINE)


def code_cells(notebook: Path) -> list[dict]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [cell for cell in cells if cell["cell_type"] == "code"]


def shown_code_cells():
    for notebook in NOTEBOOKS:
        for cell in code_cells(notebook):
            source = "".join(cell["source"])
            if match := SHOWN_CODE.match(source):
                yield pytest.param(match["path"], match["names"].split(", "), source[match.end():],
                                   id=f"{notebook.stem}:{match['names']}")


def test_there_are_chapters():
    assert len(NOTEBOOKS) >= 5


@pytest.mark.parametrize("path, names, shown", list(shown_code_cells()))
def test_code_shown_in_a_chapter_is_the_module_code(path, names, shown):
    module = importlib.import_module("naive_tf." + path.replace("/", "."))
    kept = "\n\n\n".join(inspect.getsource(getattr(module, name)).rstrip() for name in names)
    assert shown.strip() == kept, f"the chapter's copy of {names} in naive_tf/{path}.py has drifted"


def test_the_chapters_show_the_core_of_naive_tf():
    shown = {name for parameters in shown_code_cells() for name in parameters.values[1]}
    assert {"NaiveDense", "NaiveSequential", "BatchGenerator", "sparse_categorical_crossentropy",
            "update_weights", "one_training_step", "fit", "evaluate"} <= shown


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_stored_outputs_come_from_a_clean_run_all(notebook):
    cells = code_cells(notebook)
    # A restart-and-run-all numbers the cells 1, 2, 3, ... in order.
    assert [cell["execution_count"] for cell in cells] == list(range(1, len(cells) + 1))
    for cell in cells:
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"stored error in {notebook.name}"
            assert output.get("name") != "stderr", f"stored stderr in {notebook.name}: {output['text']!r}"
            assert not NOISE.search("".join(output.get("text", ""))), f"TensorFlow log line in {notebook.name}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_each_chapter_opens_with_what_it_teaches_and_ends_with_a_summary_before_its_exercises(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    markdown = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]
    title = markdown[0]
    assert title.startswith("# ") and len(title.split("\n\n")) > 1, "the title cell says what the chapter teaches"
    headings = [line for text in markdown for line in text.splitlines() if line.startswith("## ")]
    summary = [index for index, heading in enumerate(headings) if heading.startswith("## Summary")]
    assert summary, f"{notebook.name} has no ## Summary"
    exercises = [index for index, heading in enumerate(headings) if heading == "## Exercises"]
    assert exercises == ([] if notebook.stem.startswith("00") else [len(headings) - 1]), "Exercises come last"
    assert summary[-1] == len(headings) - 1 - len(exercises), "the summary ends the lesson"


# Where a path on the machine that ran the chapter would begin: a temporary folder, a home folder, this checkout.
MACHINE_PATH = re.compile("|".join([r"/tmp/", r"/var/folders/", r"/home/", r"/Users/", r"/root/", r"[A-Z]:\\\\",
                                    re.escape(str(Path(__file__).resolve().parents[1]))]))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_stored_outputs_show_no_machine_paths(notebook):
    for cell in code_cells(notebook):
        for output in cell["outputs"]:
            text = "".join(output.get("text", "")) + "".join(output.get("data", {}).get("text/plain", ""))
            assert not MACHINE_PATH.search(text), f"a path of the machine in {notebook.name}: {text[:200]!r}"
