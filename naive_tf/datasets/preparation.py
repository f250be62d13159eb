"""Turning MNIST's bytes into what a network takes: floats in [0, 1], shaped for its first layer."""

import numpy as np


def flatten_and_scale(images: np.ndarray) -> np.ndarray:
    """(n, 28, 28) bytes -> (n, 784) floats in [0, 1], the input of a dense network."""
    return images.reshape((len(images), 28 * 28)).astype("float32") / 255


def add_channel_and_scale(images: np.ndarray) -> np.ndarray:
    """(n, 28, 28) bytes -> (n, 28, 28, 1) floats in [0, 1], the input of a convolution: one channel of grey."""
    return images[..., np.newaxis].astype("float32") / 255
