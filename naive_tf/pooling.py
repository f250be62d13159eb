"""Max pooling: each output keeps the largest value of a small window of its input."""

from naive_tf.checks import check_positive_int
from naive_tf.layer import Layer

import tensorflow as tf


class NaiveMaxPool2D(Layer):
    """Splits each channel of (batch, height, width, channels) images into pool_size x pool_size
    windows, side by side, and keeps the maximum of each: half the height and width for pool_size=2
    (rows or columns left over at the edge are dropped). It has no weights; it makes the next layer
    see a wider part of the image, and tolerates small shifts of a feature within a window.
    """

    def __init__(self, pool_size: int = 2):
        check_positive_int("pool_size", pool_size)
        self.pool_size = pool_size

    def __call__(self, images: tf.Tensor) -> tf.Tensor:
        if len(images.shape) != 4:
            raise ValueError(
                "NaiveMaxPool2D expects images of shape (batch, height, width, channels), "
                f"got shape {tuple(images.shape)}"
            )
        return tf.nn.max_pool2d(images, ksize=self.pool_size, strides=self.pool_size, padding="VALID")
