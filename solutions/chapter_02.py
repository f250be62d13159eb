"""Solutions to the exercises of chapter 2, chaining layers."""

import naive_tf  # first: it imports TensorFlow quietly

import tensorflow as tf


def count_parameters(model) -> int:
    """2.1: every entry of every weight tensor counts once; tf.size is the number of entries."""
    return sum(int(tf.size(weight)) for weight in model.weights)


exercise_2_1 = count_parameters

# 2.2: in x out weights and out biases per layer.
exercise_2_2 = (784 * 256 + 256) + (256 * 128 + 128) + (128 * 10 + 10)


class Chain(naive_tf.Layer):
    """2.3: `weights` extends one list with each layer's weights, instead of replacing it by them."""

    def __init__(self, layers):
        self.layers = list(layers)

    def __call__(self, inputs):
        outputs = inputs
        for layer in self.layers:
            outputs = layer(outputs)
        return outputs

    @property
    def weights(self):
        weights = []
        for layer in self.layers:
            weights.extend(layer.weights)
        return weights


exercise_2_3 = Chain
