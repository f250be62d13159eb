"""Solutions to the exercises of chapter 9, a convolutional network."""

import naive_tf  # first: it imports TensorFlow quietly

import numpy as np
import tensorflow as tf


def convolve(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """9.1: output[i, j] is the patch whose top-left pixel is (i, j), times the kernel, summed."""
    size = kernel.shape[0]
    height, width = image.shape[0] - size + 1, image.shape[1] - size + 1
    output = np.zeros((height, width))
    for i in range(height):
        for j in range(width):
            output[i, j] = np.sum(image[i : i + size, j : j + size] * kernel)
    return output


exercise_9_1 = convolve

# 9.2: 32 -> 30 (valid, 3 x 3) -> 15 (pooling) -> 8 (same, strides 2: ceil(15 / 2)) -> 4 (pooling).
exercise_9_2 = 4


class Flatten(naive_tf.Layer):
    """9.3: one row per sample, whatever the other dimensions are: the batch size stays, -1 takes the rest."""

    def __call__(self, inputs):
        return tf.reshape(inputs, (tf.shape(inputs)[0], -1))


exercise_9_3 = Flatten
