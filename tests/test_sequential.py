from naive_tf import NaiveDense, NaiveDropout, NaiveSequential

import numpy as np
import pytest
import tensorflow as tf


def test_layers_are_chained_in_order_and_weights_collected_in_order():
    first = NaiveDense(6, 4, activation=tf.nn.relu)
    second = NaiveDense(4, 3, activation=tf.nn.softmax)
    model = NaiveSequential([first, second])
    inputs = tf.random.uniform((5, 6))
    np.testing.assert_allclose(model(inputs).numpy(), second(first(inputs)).numpy())
    assert model.weights == [first.W, first.b, second.W, second.b]
    assert model.layers == [first, second]


def test_source_model_has_four_weights_and_407050_parameters():
    model = NaiveSequential([
        NaiveDense(input_size=28 * 28, output_size=512, activaton=tf.nn.relu),
        NaiveDense(input_size=512, output_size=10, activaton=tf.nn.softmax),
    ])
    assert len(model.weights) == 4
    assert sum(int(np.prod(weight.shape)) for weight in model.weights) == 784 * 512 + 512 + 512 * 10 + 10


class Doubler:
    """Callable, but says nothing about weights or the training flag."""

    def __call__(self, inputs):
        return 2 * inputs


def test_an_empty_model_or_a_foreign_layer_is_rejected():
    with pytest.raises(ValueError, match="NaiveSequential needs at least one layer, got an empty list"):
        NaiveSequential([])
    with pytest.raises(TypeError, match=r"layer 1 \(Doubler\) is not a naive_tf layer: .* Subclass naive_tf.Layer"):
        NaiveSequential([NaiveDense(2, 2), Doubler()])


def test_dropout_says_it_takes_the_training_flag_and_dense_says_it_does_not():
    model = NaiveSequential([NaiveDense(2, 2), NaiveDropout(0.5)])
    assert (model.takes_training, NaiveDense.takes_training, NaiveDropout.takes_training) == (True, False, True)
    assert model.generators == [model.layers[1].generator]
    assert NaiveDense(2, 2).generators == [] and NaiveDense(2, 2).generators is not NaiveDense(2, 2).generators
