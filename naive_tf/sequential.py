"""A model that chains layers: the output of one is the input of the next."""

import inspect

import tensorflow as tf


def call_layer(layer, inputs, training: bool) -> tf.Tensor:
    """Call a layer, telling it whether this is training if it asks (dropout does; dense does not)."""
    if "training" in inspect.signature(layer).parameters:
        return layer(inputs, training=training)
    return layer(inputs)


class NaiveSequential:
    """Calls its layers in order; its weights are all of the layers' weights, in order."""

    def __init__(self, layers: list):
        self.layers = list(layers)

    def __call__(self, inputs: tf.Tensor, training: bool = False) -> tf.Tensor:
        outputs = inputs
        for layer in self.layers:
            outputs = call_layer(layer, outputs, training)
        return outputs

    @property
    def weights(self) -> list[tf.Variable]:
        return [weight for layer in self.layers for weight in layer.weights]
