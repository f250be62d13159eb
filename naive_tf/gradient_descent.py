"""The update rule of plain gradient descent, as the source notebook writes it."""

import tensorflow as tf


def update_weights(gradients: list, weights: list[tf.Variable], learning_rate: float = 1e-3) -> None:
    """Move each weight a small step against its gradient: w <- w - learning_rate * g."""
    for gradient, weight in zip(gradients, weights):
        weight.assign_sub(gradient * learning_rate)
