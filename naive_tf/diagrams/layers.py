"""Chapters 1 and 2: what a dense layer computes, with its shapes, and a network as a chain of dense layers."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from naive_tf.diagrams.drawing import arrow, box, canvas

from matplotlib.axes import Axes
from matplotlib.figure import Figure

if TYPE_CHECKING:  # only for the type hints: drawing does not need TensorFlow
    from naive_tf.sequential import NaiveSequential


def draw_dense_layer(input_size: int | str = "in", output_size: int | str = "out", activation: str = "activation",
                     batch: int | str = "n") -> Figure:
    """activation(x @ W + b) step by step with the shape of every array, beside the neuron view of a 3-to-2 layer."""
    figure, axes = canvas(17.2, 6.4)
    inner = f"({batch}, {output_size})"
    box(axes, (1.2, 4.3), f"inputs x\n({batch}, {input_size})", role="data", width=2.0, height=1.1)
    box(axes, (1.2, 2.1), f"weights W\n({input_size}, {output_size})", role="weight", width=2.0, height=1.1)
    box(axes, (4.0, 3.2), f"x @ W\n{inner}", width=2.0, height=1.1)
    box(axes, (6.7, 1.1), f"bias b\n({output_size},)", role="weight", width=1.8, height=1.1)
    box(axes, (6.7, 3.2), f"+ b\n{inner}", width=2.0, height=1.1)
    box(axes, (9.5, 3.2), f"{activation}\n{inner}", width=2.2, height=1.1)
    box(axes, (9.5, 5.4), f"outputs\n{inner}", role="data", width=2.2, height=1.1)
    arrow(axes, (2.25, 3.95), (2.95, 3.5))
    arrow(axes, (2.25, 2.45), (2.95, 2.9))
    arrow(axes, (5.05, 3.2), (5.65, 3.2))
    arrow(axes, (6.7, 1.7), (6.7, 2.6))
    axes.text(6.85, 2.0, "added to\nevery row", fontsize=8, va="center")
    arrow(axes, (7.75, 3.2), (8.35, 3.2))
    arrow(axes, (9.5, 3.8), (9.5, 4.8))
    axes.text(5.4, 6.2, "activation(x @ W + b), shape by shape", ha="center", fontsize=10)
    draw_neurons(axes, left=12.6, right=16.1)
    return figure


def draw_neurons(axes: Axes, left: float, right: float) -> None:
    """A 3-input, 2-output layer as units joined by one line per weight w_ij (input i to output j)."""
    inputs = {1: 5.2, 2: 3.4, 3: 1.6}
    outputs = {1: 4.2, 2: 2.6}
    for i, y_in in inputs.items():
        for j, y_out in outputs.items():
            arrow(axes, (left + 0.4, y_in), (right - 0.4, y_out))
            y_label = y_in + 0.33 * (y_out - y_in)
            axes.text(left + 0.4 + 0.33 * (right - left - 0.8), y_label + 0.08, f"$w_{{{i}{j}}}$", fontsize=8,
                      ha="center", va="bottom")
    for i, y_in in inputs.items():
        box(axes, (left, y_in), f"$x_{i}$", role="data", width=0.7, height=0.7)
    for j, y_out in outputs.items():
        box(axes, (right, y_out), f"$y_{j}$", role="data", width=0.7, height=0.7)
    axes.text((left + right) / 2, 6.2, "3 inputs → 2 outputs: one line per weight", ha="center", fontsize=10)
    axes.text((left + right) / 2, 0.5, r"$y_j = \mathrm{activation}(\sum_i x_i w_{ij} + b_j)$", ha="center",
              fontsize=10)


def activation_name(activation: Callable | None) -> str:
    """A short name for an activation function: relu, softmax (TensorFlow calls it softmax_v2), or none."""
    if activation is None:
        return "no activation"
    return getattr(activation, "__name__", type(activation).__name__).removesuffix("_v2")


def dense_sizes(model: "NaiveSequential") -> list[tuple[int, int, str]]:
    """(inputs, outputs, activation name) of each layer of a model of dense layers, read from W's shape."""
    sizes = []
    for index, layer in enumerate(model.layers):
        if len(layer.weights) != 2 or len(layer.weights[0].shape) != 2:
            raise ValueError(f"draw_network draws dense layers only (a W matrix and a b vector); layer {index} "
                             f"({type(layer).__name__}) has weights of shapes "
                             f"{[tuple(weight.shape) for weight in layer.weights]}")
        inputs, outputs = layer.weights[0].shape
        sizes.append((int(inputs), int(outputs), activation_name(getattr(layer, "activation", None))))
    return sizes


def draw_network(model: "NaiveSequential", batch: int | str = "n") -> Figure:
    """A model of dense layers as a chain: the data's shape between the layers, each layer's parameter count."""
    sizes = dense_sizes(model)
    total = sum(inputs * outputs + outputs for inputs, outputs, _ in sizes)
    data_width, layer_width, gap = 1.8, 3.2, 0.7
    width = (len(sizes) + 1) * data_width + len(sizes) * (layer_width + 2 * gap) + 0.4
    figure, axes = canvas(width, 4.2, title=f"{total:,} parameters in all")
    x = 0.2 + data_width / 2
    box(axes, (x, 2.6), f"({batch}, {sizes[0][0]})", role="data", width=data_width)
    for inputs, outputs, activation in sizes:
        layer_x = x + data_width / 2 + gap + layer_width / 2
        next_x = layer_x + layer_width / 2 + gap + data_width / 2
        arrow(axes, (x + data_width / 2, 2.6), (layer_x - layer_width / 2, 2.6))
        box(axes, (layer_x, 2.6), f"dense {inputs} → {outputs}\n{activation}", width=layer_width, height=1.1)
        axes.text(layer_x, 1.5, f"{inputs}·{outputs} + {outputs}\n= {inputs * outputs + outputs:,} parameters",
                  ha="center", va="top", fontsize=9)
        arrow(axes, (layer_x + layer_width / 2, 2.6), (next_x - data_width / 2, 2.6))
        box(axes, (next_x, 2.6), f"({batch}, {outputs})", role="data", width=data_width)
        x = next_x
    return figure
