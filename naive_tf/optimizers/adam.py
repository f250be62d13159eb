"""Adam: momentum on the gradient, scaled by a running root mean square, both bias-corrected."""

from naive_tf.checks import check_fraction, check_positive
from naive_tf.optimizers.base import Optimizer

import tensorflow as tf


class Adam(Optimizer):
    r"""Adam (Kingma and Ba, 2015), with Keras' arguments and defaults.

    At step t, with learning rate eta and gradient g:

        m <- beta_1 * m + (1 - beta_1) * g        running mean of the gradient
        v <- beta_2 * v + (1 - beta_2) * g^2      running mean of its square
        w <- w - alpha_t * m / (sqrt(v) + epsilon),  alpha_t = eta * sqrt(1 - beta_2^t) / (1 - beta_1^t)

    m and v start at zero, so early on they underestimate; alpha_t corrects for that.
    """

    slot_names = ("m", "v")

    def __init__(
        self,
        learning_rate: float = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-7,
        jit_compile: bool = True,
    ):
        super().__init__(learning_rate, jit_compile)
        check_fraction("beta_1", beta_1)
        check_fraction("beta_2", beta_2)
        check_positive("epsilon", epsilon)  # it keeps the division finite where the running mean is 0
        self.beta_1, self.beta_2, self.epsilon = beta_1, beta_2, epsilon

    def update(self, weight, gradient, slots, step, learning_rate):
        t = tf.cast(step, weight.dtype)
        alpha = learning_rate * tf.sqrt(1 - self.beta_2**t) / (1 - self.beta_1**t)
        m, v = slots["m"], slots["v"]
        m.assign(self.beta_1 * m + (1 - self.beta_1) * gradient)
        v.assign(self.beta_2 * v + (1 - self.beta_2) * tf.square(gradient))
        weight.assign_sub(alpha * m / (tf.sqrt(v) + self.epsilon))
