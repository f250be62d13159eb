"""Chapter 5: a lazy layer's life, from no weights to build on the first call, then straight to call."""

from naive_tf.diagrams.drawing import arrow, box, canvas

from matplotlib.axes import Axes
from matplotlib.figure import Figure

# The height of each of the three rows: before the first call, the first call, every later call.
BEFORE, FIRST, LATER = 5.9, 3.7, 1.0
# Where the boxes of the call and of the outputs stand, the same in the last two rows.
CALL_X, OUTPUTS_X = 13.9, 16.4


def draw_lazy_build(units: int = 32, input_size: int = 784, activation: str = "relu",
                    batch: int | str = "n") -> Figure:
    """A lazy dense layer of `units` outputs: no weights until its first call, on inputs (batch, input_size);
    that call runs build, which creates W (input_size, units) and b (units,), then call, which computes
    activation(x @ W + b); later calls go straight to call."""
    figure, axes = canvas(17.4, 7.0)
    inputs, outputs = f"inputs\n({batch}, {input_size})", f"outputs\n({batch}, {units})"
    for y, label in [(BEFORE, "before the\nfirst call"), (FIRST, "first call:\nbuild + call"),
                     (LATER, "later calls:\ncall only")]:
        axes.text(0.1, y, label, fontsize=9, va="center", fontweight="bold")
    box(axes, (7.0, BEFORE), f"new layer, units={units}\nweights = [ ]: no W, no b yet", role="file", width=5.2,
        height=0.9, fontsize=9)
    arrow(axes, (7.0, BEFORE - 0.5), (7.0, FIRST + 0.5), "first call")
    draw_first_call(axes, inputs, outputs, units, input_size, activation)
    draw_later_calls(axes, inputs, outputs, activation)
    return figure


def draw_first_call(axes: Axes, inputs: str, outputs: str, units: int, input_size: int, activation: str) -> None:
    """The first call: the inputs' shape reaches build, which creates W and b; then call computes."""
    box(axes, (3.5, FIRST), inputs, role="data", width=1.9, height=0.9, fontsize=9)
    box(axes, (7.0, FIRST), f"build(input_shape)\ninput_shape[-1] = {input_size}", width=3.8, height=0.9,
        fontsize=9)
    box(axes, (11.0, FIRST + 0.7), f"W  ({input_size}, {units})", role="weight", width=2.6, height=0.6, fontsize=9)
    box(axes, (11.0, FIRST - 0.7), f"b  ({units},)", role="weight", width=2.6, height=0.6, fontsize=9)
    draw_call(axes, FIRST, outputs, activation)
    arrow(axes, (4.45, FIRST), (5.1, FIRST))
    arrow(axes, (8.9, FIRST + 0.2), (9.7, FIRST + 0.7))
    arrow(axes, (8.9, FIRST - 0.2), (9.7, FIRST - 0.7))
    axes.text(9.3, FIRST, "creates", fontsize=8, ha="center", va="center")
    arrow(axes, (12.3, FIRST + 0.7), (12.7, FIRST + 0.25))
    arrow(axes, (12.3, FIRST - 0.7), (12.7, FIRST - 0.25))


def draw_later_calls(axes: Axes, inputs: str, outputs: str, activation: str) -> None:
    """Every later call: the layer is built, so the inputs go straight to call, which uses the same W and b."""
    box(axes, (3.5, LATER), inputs, role="data", width=1.9, height=0.9, fontsize=9)
    draw_call(axes, LATER, outputs, activation)
    arrow(axes, (4.45, LATER), (12.7, LATER))
    axes.text(8.6, LATER + 0.12, "built already: no build, straight to call", fontsize=9, ha="center", va="bottom")
    arrow(axes, (11.6, FIRST - 1.0), (13.3, LATER + 0.45), "the same W and b")


def draw_call(axes: Axes, y: float, outputs: str, activation: str) -> None:
    """call(inputs) at height y, and the outputs it returns."""
    box(axes, (CALL_X, y), f"call(inputs)\n{activation}(x @ W + b)", width=2.4, height=0.9, fontsize=9)
    box(axes, (OUTPUTS_X, y), outputs, role="data", width=1.8, height=0.9, fontsize=9)
    arrow(axes, (CALL_X + 1.2, y), (OUTPUTS_X - 0.9, y))
