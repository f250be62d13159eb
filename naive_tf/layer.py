"""What every naive_tf layer says about itself: its weights, its random generators, and whether it
behaves differently while training."""

import tensorflow as tf


class Layer:
    """The base of naive_tf's layers and models.

    A layer is called on a batch of inputs and returns a batch of outputs. Its `weights` are the
    tf.Variables that training adjusts; its `generators` are the tf.random.Generators it draws from,
    whose state a checkpoint keeps so that a resumed run draws the same numbers. Both are empty
    unless a subclass says otherwise. `takes_training` is True for a layer whose __call__ takes a
    `training` flag because it acts differently while training (dropout does); it is decided once,
    by the class, rather than by inspecting the layer at every call.
    """

    takes_training = False

    @property
    def weights(self) -> list[tf.Variable]:
        return []

    @property
    def generators(self) -> list[tf.random.Generator]:
        return []


def call_layer(layer: Layer, inputs, training: bool) -> tf.Tensor:
    """Call a layer, passing the training flag to the layers that take one."""
    return layer(inputs, training=training) if layer.takes_training else layer(inputs)


def check_layer(index: int, layer) -> None:
    """A model's layers must be callable and say what Layer says about itself."""
    if not callable(layer) or not all(hasattr(layer, name) for name in ("weights", "generators", "takes_training")):
        raise TypeError(
            f"layer {index} ({type(layer).__name__}) is not a naive_tf layer: it needs to be callable and to have "
            "`weights`, `generators` and `takes_training`. Subclass naive_tf.Layer, which provides the last three"
        )
