"""Initial weights scaled to the layer's size, so that signals keep their scale through many layers.

Each takes a shape (fan_in, fan_out) and returns a tensor; pass one to NaiveDense(initializer=...).
The source's uniform [0, 0.1) ignores the size: with 784 inputs every hidden unit starts large and
positive. Glorot and He pick the spread from the number of inputs (and outputs) instead.
"""

import math

import tensorflow as tf


def glorot_uniform(shape: tuple) -> tf.Tensor:
    """Uniform in [-l, l] with l = sqrt(6 / (fan_in + fan_out)) (Glorot and Bengio, 2010): keeps the
    variance of activations and of gradients about equal across layers without a relu."""
    fan_in, fan_out = shape[-2], shape[-1]
    limit = math.sqrt(6 / (fan_in + fan_out))
    return tf.random.uniform(shape, -limit, limit)


def he_normal(shape: tuple) -> tf.Tensor:
    """Normal with standard deviation sqrt(2 / fan_in), cut at two deviations (He et al., 2015): a relu
    zeroes half its inputs on average, and the factor 2 makes up for it."""
    fan_in = math.prod(shape[:-1])
    return tf.random.truncated_normal(shape, stddev=math.sqrt(2 / fan_in))
