"""Flattening: the bridge from image-shaped activations to a dense layer."""

import tensorflow as tf


class NaiveFlatten:
    """Reshapes (batch, d1, d2, ...) to (batch, d1 * d2 * ...), keeping each sample's values in order."""

    weights: list = []

    def __call__(self, inputs: tf.Tensor) -> tf.Tensor:
        return tf.reshape(inputs, (tf.shape(inputs)[0], -1))
