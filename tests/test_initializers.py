import math

from naive_tf import NaiveDense, set_seed
from naive_tf.initializers import glorot_uniform, he_normal

import numpy as np
import pytest
import tensorflow as tf


def test_glorot_uniform_spans_its_limit():
    set_seed(0)
    weights = glorot_uniform((784, 512)).numpy()
    limit = math.sqrt(6 / (784 + 512))
    assert weights.min() >= -limit and weights.max() <= limit
    assert weights.min() < -0.99 * limit and weights.max() > 0.99 * limit
    assert abs(weights.mean()) < 1e-3


def test_he_normal_has_the_relu_preserving_spread():
    set_seed(0)
    weights = he_normal((784, 512)).numpy()
    # A normal cut at two deviations keeps 88% of its variance: std = 0.8796 * sqrt(2 / fan_in).
    assert weights.std() == pytest.approx(0.8796 * math.sqrt(2 / 784), rel=0.01)
    assert np.abs(weights).max() <= 2 * math.sqrt(2 / 784)


def test_he_keeps_the_scale_of_relu_activations_where_the_source_blows_it_up():
    set_seed(0)
    inputs = tf.random.uniform((256, 784))
    he_layer = NaiveDense(784, 512, tf.nn.relu, initializer=he_normal)
    source_layer = NaiveDense(784, 512, tf.nn.relu)
    mean_square = lambda tensor: float(tf.reduce_mean(tensor**2))  # noqa: E731
    assert 0.5 < mean_square(he_layer(inputs)) / mean_square(inputs) < 2
    assert mean_square(source_layer(inputs)) / mean_square(inputs) > 100
