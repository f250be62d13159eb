"""Run every code cell of each chapter twice, in order, in one kernel: Run All, then Run All again.

A student re-runs cells; a chapter should not break when they do (an assert on a figure that a second
run changes, a file the first run left behind). Usage: python tools/run_twice.py notebooks/04_*.ipynb
Nothing is written back: the notebooks keep their stored outputs.
"""

import argparse
import copy
import sys
import time
from pathlib import Path

import nbclient
import nbformat


def run_twice(path: Path) -> str | None:
    """None when both runs pass; otherwise the error of the first cell that failed."""
    notebook = nbformat.read(path, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    notebook.cells = code + copy.deepcopy(code)
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as error:
        return str(error).strip().splitlines()[-1]
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    failures = 0
    for path in parser.parse_args().notebooks:
        start = time.perf_counter()
        error = run_twice(path)
        failures += error is not None
        print(f"{path.name}: {'passed' if error is None else 'FAILED: ' + error} ({time.perf_counter() - start:.0f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
