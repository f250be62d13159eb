"""The diagrams of chapters 1 and 2 draw what their chapters say they draw."""

from naive_tf import Layer, NaiveDense, NaiveSequential
from naive_tf.diagrams.layers import activation_name, draw_dense_layer, draw_network

import matplotlib.pyplot as plt
import pytest
import tensorflow as tf
from figures import texts
from matplotlib.figure import Figure


def test_the_dense_layer_shows_every_shape_and_every_weight():
    figure = draw_dense_layer()
    assert isinstance(figure, Figure)
    shown = texts(figure)
    for expected in ["inputs x\n(n, in)", "weights W\n(in, out)", "bias b\n(out,)", "x @ W\n(n, out)",
                     "+ b\n(n, out)", "activation\n(n, out)", "outputs\n(n, out)"]:
        assert expected in shown
    assert {f"$w_{{{i}{j}}}$" for i in (1, 2, 3) for j in (1, 2)} <= set(shown)
    assert {"$x_1$", "$x_2$", "$x_3$", "$y_1$", "$y_2$"} <= set(shown)
    plt.close(figure)


def test_the_dense_layer_takes_sizes_and_an_activation():
    figure = draw_dense_layer(784, 512, "relu", batch=4)
    shown = texts(figure)
    assert "inputs x\n(4, 784)" in shown and "weights W\n(784, 512)" in shown and "relu\n(4, 512)" in shown
    plt.close(figure)


def test_the_network_is_drawn_from_the_model_s_weights():
    model = NaiveSequential([NaiveDense(784, 512, tf.nn.relu), NaiveDense(512, 10, tf.nn.softmax)])
    figure = draw_network(model)
    assert isinstance(figure, Figure)
    shown = texts(figure)
    for expected in ["(n, 784)", "(n, 512)", "(n, 10)", "dense 784 → 512\nrelu", "dense 512 → 10\nsoftmax",
                     "784·512 + 512\n= 401,920 parameters", "512·10 + 10\n= 5,130 parameters",
                     "407,050 parameters in all"]:
        assert expected in shown
    plt.close(figure)


def test_any_chain_of_dense_layers_can_be_drawn():
    model = NaiveSequential([NaiveDense(5, 4), NaiveDense(4, 3, tf.nn.relu), NaiveDense(3, 2, lambda z: z)])
    figure = draw_network(model, batch=8)
    shown = texts(figure)
    assert {"(8, 5)", "(8, 4)", "(8, 3)", "(8, 2)", "dense 5 → 4\nno activation", "dense 3 → 2\n<lambda>",
            "47 parameters in all"} <= set(shown)
    plt.close(figure)


def test_a_layer_that_is_not_dense_is_refused_by_name():
    class NoWeights(Layer):  # callable, with no weights
        def __call__(self, inputs):
            return inputs

    with pytest.raises(ValueError, match="layer 1 \\(NoWeights\\)"):
        draw_network(NaiveSequential([NaiveDense(3, 2), NoWeights()]))


def test_activation_names_drop_tensorflow_s_version_suffix():
    assert activation_name(tf.nn.softmax) == "softmax"
    assert activation_name(tf.nn.relu) == "relu"
    assert activation_name(None) == "no activation"
