"""Chapter 0 shows the source notebook's code cells word for word, in order, with one line changed.

The source is the text export create-an-ann-from-scratch.txt, in the folder $NAIVE_TF_SOURCE_DIR names, or else
in ../shared/source beside the checkout. It is not part of the project: where it is not found (a student's
clone), the tests that read it are skipped, saying where they looked; CI sets NAIVE_TF_SOURCE_DIR, and there a missing
file fails them. Chapter 0's code cells are
of two kinds, told apart by a tag in the cell's metadata, `"tags": ["source"]`:

- a cell tagged "source" is one of the source's code cells, as written;
- every other cell is ours (the Colab install cell, the set-up, the checks after the source's cells).

The tagged cells, in order, must be exactly the source's code cells, except for one line: the source imports
Keras' MNIST loader, whose download needs the network, and chapter 0 imports naive_tf's instead (a markdown
cell right before says so). A source cell that is altered, dropped (or untagged), reordered or duplicated, and a
cell of ours tagged "source", each make the lists differ.
"""

import ast
import json
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = ROOT / "notebooks/00_the_source_notebook.ipynb"
SOURCE_DIR = os.environ.get("NAIVE_TF_SOURCE_DIR")
SOURCE = Path(SOURCE_DIR or ROOT.parent / "shared/source") / "create-an-ann-from-scratch.txt"
needs_the_source = pytest.mark.skipif(
    not SOURCE_DIR and not SOURCE.is_file(),
    reason=f"the source notebook's export is not at {SOURCE}: set NAIVE_TF_SOURCE_DIR to the folder that holds it",
)
SOURCE_TAG = "source"

# The one line chapter 0 changes, and what it becomes.
KERAS_LOADER = "from tensorflow.keras.datasets import mnist"
NAIVE_TF_LOADER = "from naive_tf.datasets import mnist"

# A code cell starts after a line "In [7]:" ("In [None]:" for a cell that never ran).
CELL_START = re.compile(r"^In \[(\d+|None| ?)\]:\n", re.MULTILINE)


def holds_python(paragraph: str) -> bool:
    """Whether `paragraph` is Python with at least one statement: "## Test the Model:" (a markdown
    heading, a comment to Python) is not; nor is prose such as "Define the full training loop:"."""
    try:
        return bool(ast.parse(paragraph).body)
    except SyntaxError:
        return False


def code_of(text: str) -> str:
    """The code at the start of `text`, the export of one cell up to the next "In [N]:" line.

    The export writes the code; if the cell printed something, a blank line, its output and two blank
    lines; then, after a blank line, the markdown that precedes the next cell. A code cell's blank lines are
    single, and those inside a block keep their indentation ("    "), so:
    - with two blank lines in a row, the code is what comes before the last blank line before them (the
      output, one paragraph here, lies between);
    - without, the cell printed nothing, and trailing paragraphs that are not Python are markdown.
    """
    text = text.rstrip("\n")
    code_and_output, two_blank_lines, _markdown = text.partition("\n\n\n")
    if two_blank_lines:
        code, _, _output = code_and_output.rpartition("\n\n")
        return code
    paragraphs = text.split("\n\n")
    while len(paragraphs) > 1 and not holds_python(paragraphs[-1]):
        paragraphs.pop()
    return "\n\n".join(paragraphs)


def source_code_cells() -> list[tuple[str, str]]:
    """The source's code cells in order, as (execution count, code) pairs."""
    pieces = CELL_START.split(SOURCE.read_text(encoding="utf-8"))
    return [(count, code_of(text)) for count, text in zip(pieces[1::2], pieces[2::2])]


def chapter_cells() -> list[dict]:
    return json.loads(CHAPTER.read_text(encoding="utf-8"))["cells"]


def is_from_the_source(cell: dict) -> bool:
    return cell["cell_type"] == "code" and SOURCE_TAG in cell["metadata"].get("tags", [])


@needs_the_source
def test_the_export_is_read_as_ten_code_cells_of_python():
    cells = source_code_cells()
    # The numbering restarts at 1 where the source's author restarted the kernel; the last cell never ran.
    assert [count for count, _ in cells] == ["1", "2", "3", "4", "5", "6", "7", "8", "1", "None"]
    for count, code in cells:
        assert holds_python(code), f"In [{count}] was not read as Python"
    assert cells[0][1].startswith("import tensorflow as tf\n\nclass NaiveDense:")
    assert cells[5][1].endswith('print(f"loss at batch {batch_counter}: {loss:.2f}")')  # not "## Test the Model:"
    assert cells[7][1].endswith('print(f"accuracy: {matches.mean():.2f}")')  # not its output, "accuracy: 0.46"


@needs_the_source
def test_chapter_0_shows_every_source_cell_as_written_but_the_loader_import():
    expected = [code for _, code in source_code_cells()]
    changed = [index for index, code in enumerate(expected) if KERAS_LOADER in code.splitlines()]
    assert len(changed) == 1 and expected[changed[0]].count(KERAS_LOADER) == 1
    expected[changed[0]] = expected[changed[0]].replace(KERAS_LOADER, NAIVE_TF_LOADER)
    shown = ["".join(cell["source"]) for cell in chapter_cells() if is_from_the_source(cell)]
    assert shown == expected


def test_a_markdown_cell_right_before_the_changed_cell_says_what_changed():
    cells = chapter_cells()
    [index] = [i for i, cell in enumerate(cells)
               if is_from_the_source(cell) and NAIVE_TF_LOADER in "".join(cell["source"]).splitlines()]
    note = cells[index - 1]
    assert note["cell_type"] == "markdown"
    assert KERAS_LOADER in "".join(note["source"]) and NAIVE_TF_LOADER in "".join(note["source"])

