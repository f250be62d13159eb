"""Flattening: the bridge from image-shaped activations to a dense layer."""

from naive_tf.layer import Layer

import tensorflow as tf


class NaiveFlatten(Layer):
    """Reshapes (batch, d1, d2, ...) to (batch, d1 * d2 * ...), keeping each sample's values in order."""

    def __call__(self, inputs: tf.Tensor) -> tf.Tensor:
        return tf.reshape(inputs, (tf.shape(inputs)[0], -1))
