"""A model that chains layers: the output of one is the input of the next."""

from naive_tf.layer import Layer, call_layer, check_layer

import tensorflow as tf


class NaiveSequential(Layer):
    """Calls its layers in order; its weights are all of the layers' weights, in order."""

    takes_training = True  # it passes the flag on to the layers that take it

    def __init__(self, layers: list):
        if not layers:
            raise ValueError("NaiveSequential needs at least one layer, got an empty list")
        for index, layer in enumerate(layers):
            check_layer(index, layer)
        self.layers = list(layers)

    def __call__(self, inputs: tf.Tensor, training: bool = False) -> tf.Tensor:
        outputs = inputs
        for layer in self.layers:
            outputs = call_layer(layer, outputs, training)
        return outputs

    @property
    def weights(self) -> list[tf.Variable]:
        return [weight for layer in self.layers for weight in layer.weights]

    @property
    def generators(self) -> list[tf.random.Generator]:
        return [generator for layer in self.layers for generator in layer.generators]
