"""Turning MNIST's pixels into what a network takes: floats in [0, 1], shaped for its first layer."""

import numpy as np

MNIST_SHAPE = (28, 28)


def flatten_and_scale(images: np.ndarray) -> np.ndarray:
    """(n, 28, 28) pixels -> (n, 784) floats in [0, 1], the input of a dense network."""
    return scale(check_mnist_shape(images)).reshape((len(images), 28 * 28))


def add_channel_and_scale(images: np.ndarray) -> np.ndarray:
    """(n, 28, 28) pixels -> (n, 28, 28, 1) floats in [0, 1], the input of a convolution: one channel of grey."""
    return scale(check_mnist_shape(images))[..., np.newaxis]


def scale(images: np.ndarray) -> np.ndarray:
    """Pixels as float32 in [0, 1]: bytes and other 0-255 values are divided by 255; floats already
    within [0, 1] (a dataset stored scaled) are kept as they are."""
    images = np.asarray(images)
    if np.issubdtype(images.dtype, np.floating) and images.size and images.max() <= 1:
        return images.astype("float32")
    return images.astype("float32") / 255


def check_mnist_shape(images: np.ndarray) -> np.ndarray:
    images = np.asarray(images)
    if images.shape[1:] != MNIST_SHAPE:
        raise ValueError(
            f"expected images of shape (count, 28, 28), as MNIST's, got shape {images.shape}: these networks take "
            "28 x 28 images; resize yours, or build a model for their size"
        )
    return images
