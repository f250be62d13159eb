"""The computation graph of chapters 3 and 6: forward, the operations the tape records; backward, the
gradients chapter 6 derives, in its symbols and in the backward colour."""

from naive_tf.diagrams.computation_graph import draw_computation_graph
from naive_tf.diagrams.drawing import BACKWARD

import matplotlib.pyplot as plt
from matplotlib.colors import same_color
from matplotlib.figure import Figure

OPERATIONS_AND_VALUES = {"matmul", "+", "relu", "softmax", "cross-\nentropy", "mean", "$L$", "$X$", "$W_1$", "$b_1$",
                         "$W_2$", "$b_2$", "labels $y$", "$Z_1$", "$H$", "$Z_2$\nlogits", "$P$"}
GRADIENTS = {"$dZ_2 = (P - Y)/n$", r"$dW_2 = H^\top dZ_2$", "$db_2$ = column\nsums of $dZ_2$", r"$dH = dZ_2 W_2^\top$",
             r"$dZ_1 = dH \odot [Z_1 > 0]$", r"$dW_1 = X^\top dZ_1$", "$db_1$ = column\nsums of $dZ_1$"}


def texts(figure: Figure) -> dict[str, str]:
    """Each text of the figure's axes, mapped to its colour as a hex string."""
    return {text.get_text(): text.get_color() for text in figure.axes[0].texts}


def test_forward_the_graph_shows_every_operation_and_value_and_no_gradient():
    figure = draw_computation_graph()
    try:
        assert isinstance(figure, Figure)
        shown = texts(figure)
        assert OPERATIONS_AND_VALUES <= shown.keys()
        assert not GRADIENTS & shown.keys()
    finally:
        plt.close(figure)


def test_backward_the_same_graph_carries_each_gradient_of_chapter_6_in_the_backward_colour():
    figure = draw_computation_graph(backward=True)
    try:
        assert isinstance(figure, Figure)
        shown = texts(figure)
        assert OPERATIONS_AND_VALUES | GRADIENTS <= shown.keys()
        assert all(same_color(shown[gradient], BACKWARD) for gradient in GRADIENTS)
        assert not any(same_color(shown[name], BACKWARD) for name in OPERATIONS_AND_VALUES)
    finally:
        plt.close(figure)
