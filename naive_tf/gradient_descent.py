"""The update rule of plain gradient descent, as the source notebook writes it."""

import tensorflow as tf


def update_weights(gradients: list, weights: list[tf.Variable], learning_rate: float = 1e-3) -> None:
    """Move each weight a small step against its gradient: w <- w - learning_rate * g."""
    if len(gradients) != len(weights):
        raise ValueError(
            f"update_weights got {len(gradients)} gradients for {len(weights)} weights: pass one gradient per "
            "weight, in the same order, as tape.gradient(loss, weights) gives them"
        )
    for gradient, weight in zip(gradients, weights):
        weight.assign_sub(gradient * learning_rate)
