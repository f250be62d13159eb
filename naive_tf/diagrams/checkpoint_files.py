"""A checkpoint folder drawn from its real listing: what each file holds, and the order of the next save."""

import os
import re
from pathlib import Path

from naive_tf.diagrams.drawing import arrow, box, canvas

from matplotlib.figure import Figure

# The line of the `checkpoint` index file that names the latest checkpoint, as write_index writes it.
LATEST_LINE = re.compile(r'^model_checkpoint_path: "(ckpt-(\d+))"$', re.MULTILINE)


def latest_name(folder: Path) -> str:
    """The checkpoint that the folder's `checkpoint` index names as the latest, such as "ckpt-2"."""
    index = folder / "checkpoint"
    match = LATEST_LINE.search(index.read_text()) if index.is_file() else None
    if match is None:
        raise ValueError(f"{folder.name} holds no index naming a checkpoint ckpt-N: save a checkpoint into it first")
    return match[1]


def checkpoint_files(folder: Path, name: str) -> tuple[list[str], list[str]]:
    """The files of checkpoint `name` in the folder (its .index, then its .data shards), and the others."""
    names = sorted(file.name for file in folder.iterdir())
    index, data = f"{name}.index", [each for each in names if each.startswith(f"{name}.data-")]
    if index not in names or not data:
        raise ValueError(f"the index of {folder.name} names {name}, but its .index or .data files are missing")
    own = ["checkpoint", index, *data]
    return own, [each for each in names if each not in own]


def size_text(folder: Path, names: list[str]) -> str:
    """The total size of the files, in bytes, with thousands separators."""
    return f"{sum(os.path.getsize(folder / each) for each in names):,} bytes"


def draw_row(axes, texts: list[str], y: float, role: str, height: float) -> None:
    """Boxes side by side at height y, each joined to the next by an arrow."""
    for column, text in enumerate(texts):
        box(axes, (2.6 + 5.2 * column, y), text, role=role, width=4.4, height=height, fontsize=8)
        if column:
            arrow(axes, (5.2 * column - 0.4, y), (5.2 * column + 0.4, y))


def draw_files(axes, folder: Path, name: str, data: list[str], y: float) -> None:
    """The three kinds of file, each with its size and what it holds, an arrow from each to the one it points to."""
    data_label = data[0] if len(data) == 1 else f"{name}.data-… ({len(data)} shards)"
    index = f"{name}.index"
    texts = [f"checkpoint\n{size_text(folder, ['checkpoint'])}\ntext: the latest\ncheckpoint is {name}",
             f"{index}\n{size_text(folder, [index])}\neach weight's name →\ndtype, shape, offset in .data",
             f"{data_label}\n{size_text(folder, data)}\nthe weights' bytes,\none after the other"]
    draw_row(axes, texts, y, role="file", height=1.9)


def draw_save_order(axes, name: str, number: int, y: float) -> None:
    """The next save's three steps in their order, left to right."""
    following = f"ckpt-{number + 1}"
    steps = [f"1. write {following}.index\nand {following}.data-…",
             "2. write checkpoint.tmp,\nrename it over checkpoint",
             f"3. delete {name}.index\nand {name}.data-…"]
    draw_row(axes, steps, y, role="operation", height=1.3)
    axes.text(0.4, y + 1.0, f"the next save, in this order ({following} is whole before the index names it):",
              fontsize=8)


def draw_checkpoint_files(folder: str | os.PathLike) -> Figure:
    """The files of the latest checkpoint in `folder`, with their sizes and what each holds, above the
    three steps of the next save. Only names appear, never the folder's path."""
    folder = Path(folder)
    name = latest_name(folder)
    own, others = checkpoint_files(folder, name)
    figure, axes = canvas(15.6, 6.6, title=f"{folder.name}: the files of {name}, and the next save")
    draw_files(axes, folder, name, own[2:], y=4.9)
    draw_save_order(axes, name, int(name.split("-")[1]), y=1.5)
    if others:
        listed = ", ".join(f"{each} ({size_text(folder, [each])})" for each in others)
        axes.text(0.4, 3.45, f"also in the folder: {listed}", fontsize=8, color="#555555")
    return figure
