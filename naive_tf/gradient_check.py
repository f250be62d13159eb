"""Checking gradients against finite differences: the slope measured by nudging each weight."""

from collections.abc import Callable

import numpy as np
import tensorflow as tf


def numerical_gradient(loss: Callable[[], tf.Tensor], variable: tf.Variable, epsilon: float = 1e-6) -> np.ndarray:
    """d loss / d variable by central differences, one entry at a time:

        (loss(w + epsilon) - loss(w - epsilon)) / (2 epsilon)

    The error of this estimate shrinks as epsilon**2, while the rounding error of the two losses
    grows as 1/epsilon; in float64 epsilon = 1e-6 balances the two (in float32 nothing does well).
    """
    if variable.dtype != tf.float64:
        raise ValueError(f"finite differences need float64 variables to be accurate, got {variable.dtype.name}")
    original = variable.numpy()
    gradient = np.zeros_like(original)
    for index in np.ndindex(original.shape):
        nudged = original.copy()
        nudged[index] += epsilon
        variable.assign(nudged)
        above = float(loss())
        nudged[index] -= 2 * epsilon
        variable.assign(nudged)
        below = float(loss())
        gradient[index] = (above - below) / (2 * epsilon)
    variable.assign(original)
    return gradient


def gradient_check(loss: Callable[[], tf.Tensor], variables: list[tf.Variable], epsilon: float = 1e-6) -> float:
    """The largest relative difference |a - n| / (|a| + |n|) (norms over each variable) between the
    gradients tf.GradientTape computes and the finite-difference ones: about 1e-8 or less when right."""
    with tf.GradientTape() as tape:
        value = loss()
    analytic = tape.gradient(value, variables)
    errors = []
    for variable, gradient in zip(variables, analytic):
        numerical = numerical_gradient(loss, variable, epsilon)
        gradient = np.zeros_like(numerical) if gradient is None else gradient.numpy()
        scale = np.linalg.norm(gradient) + np.linalg.norm(numerical)
        errors.append(np.linalg.norm(gradient - numerical) / scale if scale else 0.0)
    return float(max(errors))
