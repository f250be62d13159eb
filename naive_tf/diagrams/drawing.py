"""The few shapes every diagram is made of: a canvas, labelled boxes, and arrows between them."""

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

# One colour per role, the same in every chapter's diagrams.
COLORS = {"data": "#dbe9f6", "weight": "#fde2c8", "operation": "#e3f1dc", "loss": "#f6d5d5", "file": "#eeeeee"}
FORWARD, BACKWARD = "#333333", "#c0392b"


def canvas(width: float, height: float, title: str | None = None):
    """A figure whose axes run from 0 to width and 0 to height, one unit a centimetre or so, no ticks."""
    figure, axes = plt.subplots(figsize=(width * 0.55, height * 0.55))
    axes.set_xlim(0, width)
    axes.set_ylim(0, height)
    axes.set_aspect("equal")
    axes.axis("off")
    if title:
        axes.set_title(title)
    return figure, axes


def box(axes, center: tuple[float, float], text: str, role: str = "operation", width: float = 2.4,
        height: float = 0.9, fontsize: int = 10) -> tuple[float, float, float, float]:
    """A rounded box with centred text; returns its (left, bottom, right, top) for arrows to meet."""
    x, y = center
    axes.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height, boxstyle="round,pad=0.05",
                                  facecolor=COLORS[role], edgecolor="#555555"))
    axes.text(x, y, text, ha="center", va="center", fontsize=fontsize)
    return x - width / 2, y - height / 2, x + width / 2, y + height / 2


def arrow(axes, start: tuple[float, float], end: tuple[float, float], text: str | None = None,
          color: str = FORWARD, curve: float = 0.0, fontsize: int = 9) -> None:
    """An arrow from start to end, bent by `curve` (0: straight), its text beside the middle."""
    axes.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, color=color,
                                   connectionstyle=f"arc3,rad={curve}", shrinkA=2, shrinkB=2))
    if text:
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        axes.annotate(text, middle, xytext=(4, 4), textcoords="offset points", fontsize=fontsize, color=color)
