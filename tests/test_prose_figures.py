"""Every figure a chapter's prose gives with three or more decimals is a number the chapter printed
(rounded or not), or its paragraph links to where the figure comes from."""

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
FIGURE = re.compile(r"(?<![\w.])\d+\.(\d{3,})(?![\d.]\d)")
PRINTED_NUMBER = re.compile(r"-?\d+\.\d+(?:[eE][-+]?\d+)?")
CODE = re.compile(r"```.*?```|`[^`]*`", re.DOTALL)  # code is not prose
LINK = re.compile(r"\]\([^)]+\)")


def printed_numbers(cells: list[dict]) -> list[str]:
    texts = []
    for cell in cells:
        for output in cell.get("outputs", []):
            texts.append("".join(output.get("text", "")))
            for kind in ("text/plain", "text/markdown", "text/html"):
                texts.append("".join(output.get("data", {}).get(kind, "")))
    return PRINTED_NUMBER.findall("\n".join(texts))


def unsourced_figures(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    numbers = printed_numbers(cells)
    missing = []
    for cell in cells:
        if cell["cell_type"] != "markdown":
            continue
        for paragraph in CODE.sub("", "".join(cell["source"])).split("\n\n"):
            if LINK.search(paragraph):
                continue
            for figure in FIGURE.finditer(paragraph):
                decimals = len(figure[1])
                if not any(f"{float(number):.{decimals}f}" == figure[0] for number in numbers):
                    missing.append(figure[0])
    return missing


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_figures_in_the_prose_are_printed_by_the_chapter_or_linked(notebook):
    assert unsourced_figures(notebook) == []
