"""One training step of the 784-512-10 network as a computation graph, and the gradients flowing back.

Forward, the graph is what tf.GradientTape records (chapter 3):

    X, W1, b1 -> matmul -> + -> relu -> H
    H, W2, b2 -> matmul -> + -> softmax -> P     (the input of the softmax, Z2, is the logits)
    P, y -> cross-entropy -> mean -> L

Backward, each arrow carries the gradient chapter 6 derives for it, in the symbols of that chapter.
"""

from naive_tf.diagrams.drawing import BACKWARD, FORWARD, arrow, box, canvas

from matplotlib.axes import Axes
from matplotlib.figure import Figure

STEP = 2.2  # the distance between neighbouring operations
OPERATIONS = ["matmul", "+", "relu", "matmul", "+", "softmax", "cross-\nentropy", "mean"]
# The values that flow from one operation to the next (None: not named in the chapters).
VALUES = [None, "$Z_1$", "$H$", None, "$Z_2$\nlogits", "$P$", r"$\ell$", None]
# The boxes above the chain: (label, role, index of the operation they feed, offset from its centre, width).
INPUTS = [("$X$", "data", 0, -1.3, 1.1), ("$W_1$", "weight", 0, 0.0, 1.1), ("$b_1$", "weight", 1, 0.0, 1.1),
          ("$W_2$", "weight", 3, 0.0, 1.1), ("$b_2$", "weight", 4, 0.0, 1.1), ("labels $y$", "data", 6, 0.0, 1.6)]
# Gradients flowing back along the chain: (from operation, to operation, label, how much lower the label sits
# than the arc, so that neighbouring labels do not touch); index 8 is the loss L.
CHAIN_GRADIENTS = [(8, 4, "$dZ_2 = (P - Y)/n$", 0.0), (4, 3, "$dZ_2$", 0.0), (3, 2, r"$dH = dZ_2 W_2^\top$", 0.0),
                   (2, 1, r"$dZ_1 = dH \odot [Z_1 > 0]$", 0.35), (1, 0, "$dZ_1$", 0.0)]
# Gradients flowing back to the weights: the input they reach (an index into INPUTS), and the label.
WEIGHT_GRADIENTS = [(1, r"$dW_1 = X^\top dZ_1$"), (2, "$db_1$ = column\nsums of $dZ_1$"),
                    (3, r"$dW_2 = H^\top dZ_2$"), (4, "$db_2$ = column\nsums of $dZ_2$")]


def draw_computation_graph(backward: bool = False) -> Figure:
    """The graph of one training step; with backward=True, also the gradients flowing back (in red)."""
    chain_y = 2.3 if backward else 0.7
    figure, axes = canvas(STEP * len(OPERATIONS) + 2.8, chain_y + (3.8 if backward else 3.3),
                          title="the same graph, with the gradients flowing back" if backward
                          else "one training step: the operations the tape records")
    centres = [(2.0 + STEP * index, chain_y) for index in range(len(OPERATIONS) + 1)]
    _draw_chain(axes, centres)
    inputs = _draw_inputs(axes, centres)
    if backward:
        _draw_chain_gradients(axes, centres)
        _draw_weight_gradients(axes, centres, inputs)
    return figure


def _draw_chain(axes: Axes, centres: list[tuple[float, float]]) -> None:
    """The operations in a row, each one's result flowing right into the next, ending at the loss L."""
    for text, centre in zip(OPERATIONS, centres):
        box(axes, centre, text, "operation", width=1.3, height=0.9, fontsize=9)
    box(axes, centres[-1], "$L$", "loss", width=1.0, height=0.9)
    for index, value in enumerate(VALUES):
        (x, y), (next_x, _) = centres[index], centres[index + 1]
        arrow(axes, (x + 0.65, y), (next_x - (0.5 if index == len(VALUES) - 1 else 0.65), y))
        if value:
            axes.text((x + next_x) / 2, y + 0.12, value, ha="center", va="bottom", fontsize=8, color=FORWARD)


def _draw_inputs(axes: Axes, centres: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The data and weights above the chain, each with an arrow down into its operation; returns their centres."""
    placed = []
    for text, role, index, offset, width in INPUTS:
        x, y = centres[index][0] + offset, centres[index][1] + 2.2
        box(axes, (x, y), text, role, width=width, height=0.8)
        arrow(axes, (x, y - 0.45), (centres[index][0] + offset * 0.4, centres[index][1] + 0.5))
        placed.append((x, y))
    return placed


def _draw_chain_gradients(axes: Axes, centres: list[tuple[float, float]]) -> None:
    """Red arrows under the chain, from each operation back to the one before, labelled with the gradient."""
    for start, end, text, drop in CHAIN_GRADIENTS:
        (start_x, y), (end_x, _) = centres[start], centres[end]
        curve = -0.15 if start - end > 1 else -0.4
        arrow(axes, (start_x, y - 0.5), (end_x, y - 0.5), color=BACKWARD, curve=curve)
        depth = 0.5 * -curve * (start_x - end_x) + drop  # the lowest point of the arc, and the label's extra drop
        axes.text((start_x + end_x) / 2, y - 0.6 - depth, text, ha="center", va="top", fontsize=8, color=BACKWARD)


def _draw_weight_gradients(axes: Axes, centres: list[tuple[float, float]], inputs: list[tuple[float, float]]) -> None:
    """Red arrows from the operations up to the weights, labelled with each weight's gradient above it."""
    for input_index, text in WEIGHT_GRADIENTS:
        (x, y), operation = inputs[input_index], INPUTS[input_index][2]
        arrow(axes, (centres[operation][0] + 0.45, centres[operation][1] + 0.5), (x + 0.4, y - 0.45),
              color=BACKWARD, curve=0.3)
        axes.text(x, y + 0.5, text, ha="center", va="bottom", fontsize=8, color=BACKWARD)
