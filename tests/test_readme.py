"""The README's table of errors: every row names a test that exists."""

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_row_of_the_error_table_names_an_existing_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Errors you can meet", 1)[1]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "tests/" in line]
    assert len(rows) >= 12
    for row in rows:
        module, test = re.search(r"`tests/(test_\w+)\.py::(test_\w+)`", row).groups()
        assert callable(getattr(importlib.import_module(module), test, None)), f"no test {module}::{test}"
