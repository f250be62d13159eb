"""A 2-D convolution layer: the same small filters slid over every position of an image."""

from collections.abc import Callable

from naive_tf.checks import check_positive_int
from naive_tf.initializers import glorot_uniform
from naive_tf.layer import Layer

import tensorflow as tf

PADDINGS = ("valid", "same")


class NaiveConv2D(Layer):
    """Convolves images of shape (batch, height, width, in_channels) with `filters` kernels of
    kernel_size x kernel_size x in_channels, adds a bias per filter, and applies the activation.

    Each output value looks at one kernel_size x kernel_size patch of the input, through all its
    channels: out[i, j, f] = activation(sum over the patch at (i, j) of patch * W[..., f] + b[f]).
    padding="valid" only uses patches that fit inside the image, so the output shrinks by
    kernel_size - 1; "same" pads the image with zeros so that, with strides=1, it keeps its size.
    Weights default to Glorot uniform, as Keras' Conv2D does.
    """

    def __init__(
        self,
        in_channels: int,
        filters: int,
        kernel_size: int,
        strides: int = 1,
        padding: str = "valid",
        activation: Callable | None = None,
        initializer: Callable = glorot_uniform,
    ):
        for name, value in [("in_channels", in_channels), ("filters", filters), ("kernel_size", kernel_size),
                            ("strides", strides)]:
            check_positive_int(name, value)
        if padding not in PADDINGS:
            raise ValueError(f"padding must be one of {PADDINGS}, got {padding!r}")
        self.in_channels = in_channels
        self.strides = strides
        self.padding = padding
        self.activation = activation
        self.W = tf.Variable(initializer((kernel_size, kernel_size, in_channels, filters)), name="W")
        self.b = tf.Variable(tf.zeros((filters,), dtype=self.W.dtype), name="b")

    def __call__(self, images: tf.Tensor) -> tf.Tensor:
        if len(images.shape) != 4 or images.shape[-1] != self.in_channels:
            raise ValueError(
                f"NaiveConv2D expects images of shape (batch, height, width, in_channels={self.in_channels}), "
                f"got shape {tuple(images.shape)}"
            )
        outputs = tf.nn.conv2d(images, self.W, strides=self.strides, padding=self.padding.upper()) + self.b
        return outputs if self.activation is None else self.activation(outputs)

    @property
    def weights(self) -> list[tf.Variable]:
        return [self.W, self.b]
