"""Solutions to the exercises of chapter 5, lazy layers."""

import naive_tf  # first: it imports TensorFlow quietly

import tensorflow as tf


class LazyScale(naive_tf.Layer):
    """5.1: the scale is created on the first call, from the inputs' last dimension, and reused after."""

    def __init__(self):
        self.scale = None

    def __call__(self, inputs):
        if self.scale is None:
            self.scale = tf.Variable(tf.ones((inputs.shape[-1],)))
        return inputs * self.scale

    @property
    def weights(self):
        return [] if self.scale is None else [self.scale]


exercise_5_1 = LazyScale

# 5.2: the first layer sees 300 inputs, the second the first's 64 outputs; the batch size plays no part.
exercise_5_2 = (300 * 64 + 64) + (64 * 10 + 10)


class LazyDense(naive_tf.Layer):
    """5.3: the NaiveDense is created only when there is none yet, so the weights it learns stay."""

    def __init__(self, output_size, activation=None):
        self.output_size = output_size
        self.activation = activation
        self.dense = None

    def __call__(self, inputs):
        if self.dense is None:
            self.dense = naive_tf.NaiveDense(inputs.shape[-1], self.output_size, self.activation)
        return self.dense(inputs)

    @property
    def weights(self):
        return [] if self.dense is None else self.dense.weights


exercise_5_3 = LazyDense
