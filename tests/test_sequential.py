import numpy as np
import tensorflow as tf

from naive_tf import NaiveDense, NaiveSequential


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
