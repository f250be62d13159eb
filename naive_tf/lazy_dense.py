"""A dense layer that learns its input size from the first batch it sees, as Keras layers do in build()."""

from collections.abc import Callable

from naive_tf.checks import check_positive_int
from naive_tf.dense import NaiveDense
from naive_tf.initializers import uniform_initializer
from naive_tf.layer import Layer


class LazyDense(Layer):
    """A NaiveDense whose input size is the last dimension of the first inputs it is called on.

    Until that first call the layer has no weights; then it creates its NaiveDense, which from there
    on checks that every input has that same size.
    """

    def __init__(
        self, output_size: int, activation: Callable | None = None, initializer: Callable = uniform_initializer
    ):
        check_positive_int("output_size", output_size)
        self.output_size = output_size
        self.activation = activation
        self.initializer = initializer
        self.dense = None

    def __call__(self, inputs):
        if self.dense is None:
            self.dense = NaiveDense(inputs.shape[-1], self.output_size, self.activation, self.initializer)
        return self.dense(inputs)

    @property
    def weights(self) -> list:
        return [] if self.dense is None else self.dense.weights
