"""RMSprop: gradient steps divided by a running root mean square of the gradients."""

from naive_tf.checks import check_fraction, check_positive
from naive_tf.optimizers.base import Optimizer

import tensorflow as tf


class RMSprop(Optimizer):
    r"""RMSprop (Hinton's lecture 6e), with Keras' arguments and defaults.

    With learning rate eta, decay rho, gradient g:

        s <- rho * s + (1 - rho) * g^2        a running mean of the squared gradient
        step = eta * g / sqrt(s + epsilon)    large for weights whose gradients are small, and vice versa
        m <- momentum * m + step;  w <- w - m (momentum=0 gives w <- w - step)
    """

    def __init__(
        self,
        learning_rate: float = 0.001,
        rho: float = 0.9,
        momentum: float = 0.0,
        epsilon: float = 1e-7,
        jit_compile: bool = True,
    ):
        super().__init__(learning_rate, jit_compile)
        check_fraction("rho", rho)
        check_fraction("momentum", momentum)
        check_positive("epsilon", epsilon)  # it keeps the division finite where the running mean is 0
        self.rho, self.momentum, self.epsilon = rho, momentum, epsilon
        self.slot_names = ("mean_square", "momentum") if momentum else ("mean_square",)

    def update(self, weight, gradient, slots, step, learning_rate):
        mean_square = slots["mean_square"]
        mean_square.assign(self.rho * mean_square + (1 - self.rho) * tf.square(gradient))
        increment = learning_rate * gradient / tf.sqrt(mean_square + self.epsilon)
        if self.momentum:
            slots["momentum"].assign(self.momentum * slots["momentum"] + increment)
            increment = slots["momentum"]
        weight.assign_sub(increment)
