"""Initial weights: the source's, and weights scaled to the layer's size, so that signals keep their
scale through many layers.

Each takes the shape of a weight and returns a tensor of that shape; pass one as a layer's initializer.
A dense layer's weight is (inputs, outputs); a convolution's (k, k, in_channels, filters), whose every
output sees k * k * in_channels inputs: that is its fan_in, and k * k * filters its fan_out.
The source's uniform [0, 0.1) ignores the size: with 784 inputs every hidden unit starts large and
positive. Glorot and He pick the spread from the number of inputs (and outputs) instead.
"""

import math

import tensorflow as tf


def uniform_initializer(shape: tuple) -> tf.Tensor:
    """The source notebook's initialization: every weight drawn uniformly from [0, 0.1)."""
    return tf.random.uniform(shape, minval=0, maxval=1e-1)


def fans(shape: tuple) -> tuple[int, int]:
    """(fan_in, fan_out): how many inputs feed each output, and how many outputs each input feeds."""
    receptive_field = math.prod(shape[:-2])
    return receptive_field * shape[-2], receptive_field * shape[-1]


def glorot_uniform(shape: tuple) -> tf.Tensor:
    """Uniform in [-l, l] with l = sqrt(6 / (fan_in + fan_out)) (Glorot and Bengio, 2010): keeps the
    variance of activations and of gradients about equal across layers without a relu."""
    fan_in, fan_out = fans(shape)
    limit = math.sqrt(6 / (fan_in + fan_out))
    return tf.random.uniform(shape, -limit, limit)


def he_normal(shape: tuple) -> tf.Tensor:
    """Normal with standard deviation sqrt(2 / fan_in), cut at two deviations (He et al., 2015): a relu
    zeroes half its inputs on average, and the factor 2 makes up for it."""
    fan_in, _ = fans(shape)
    return tf.random.truncated_normal(shape, stddev=math.sqrt(2 / fan_in))
