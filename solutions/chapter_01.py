"""Solutions to the exercises of chapter 1, the dense layer."""

import naive_tf  # first: it imports TensorFlow quietly

import numpy as np
import tensorflow as tf


def row_softmax(z: np.ndarray) -> np.ndarray:
    """1.1: softmax of each row. Subtracting the row's maximum changes nothing (it cancels between the
    numerator and the sum) but keeps every exponent at most 0, so exp cannot overflow."""
    exponentials = np.exp(z - z.max(axis=-1, keepdims=True))
    return exponentials / exponentials.sum(axis=-1, keepdims=True)


exercise_1_1 = row_softmax

# 1.2: softmax([101, 102, 103]) = softmax([1, 2, 3]): only the differences count, so the largest entry is
# e^2 / (1 + e + e^2), the 0.665 the chapter printed.
exercise_1_2 = float(np.exp(2) / (1 + np.exp(1) + np.exp(2)))


class Dense(naive_tf.Layer):
    """1.3: the bias is added before the activation: activation(inputs @ W + b)."""

    def __init__(self, input_size, output_size, activation=None):
        self.activation = activation or (lambda z: z)
        self.W = tf.Variable(tf.random.uniform((input_size, output_size), 0, 0.1))
        self.b = tf.Variable(tf.zeros((output_size,)))

    def __call__(self, inputs):
        return self.activation(tf.matmul(inputs, self.W) + self.b)

    @property
    def weights(self):
        return [self.W, self.b]


exercise_1_3 = Dense
