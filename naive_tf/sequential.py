"""A model that chains layers: the output of one is the input of the next."""

import tensorflow as tf


class NaiveSequential:
    """Calls its layers in order; its weights are all of the layers' weights, in order."""

    def __init__(self, layers: list):
        self.layers = list(layers)

    def __call__(self, inputs: tf.Tensor) -> tf.Tensor:
        outputs = inputs
        for layer in self.layers:
            outputs = layer(outputs)
        return outputs

    @property
    def weights(self) -> list[tf.Variable]:
        return [weight for layer in self.layers for weight in layer.weights]
