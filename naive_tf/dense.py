"""A dense layer: output = activation(dot(input, W) + b), on plain tf.Variables."""

from collections.abc import Callable

from naive_tf.checks import check_positive_int
from naive_tf.initializers import uniform_initializer
from naive_tf.layer import Layer

import tensorflow as tf


class NaiveDense(Layer):
    """A fully connected layer that owns its weights W (input_size x output_size) and b (output_size)."""

    def __init__(
        self,
        input_size: int,
        output_size: int,
        activation: Callable | None = None,
        initializer: Callable = uniform_initializer,
        **source_spelling,
    ):
        # The source notebook spells the keyword `activaton`; accept it so its cells run unchanged.
        if "activaton" in source_spelling:
            activation = source_spelling.pop("activaton")
        if source_spelling:
            raise TypeError(f"NaiveDense got unexpected keyword arguments {sorted(source_spelling)}")
        check_positive_int("input_size", input_size)
        check_positive_int("output_size", output_size)
        self.input_size = input_size
        self.output_size = output_size
        self.activation = activation
        self.W = tf.Variable(initializer((input_size, output_size)), name="W")
        self.b = tf.Variable(tf.zeros((output_size,), dtype=self.W.dtype), name="b")

    def __call__(self, inputs: tf.Tensor) -> tf.Tensor:
        if inputs.shape[-1] != self.input_size:
            raise ValueError(
                f"NaiveDense expects inputs whose last dimension is input_size={self.input_size}, "
                f"got shape {tuple(inputs.shape)} (last dimension {inputs.shape[-1]})"
            )
        outputs = tf.matmul(inputs, self.W) + self.b
        return outputs if self.activation is None else self.activation(outputs)

    @property
    def weights(self) -> list[tf.Variable]:
        return [self.W, self.b]
