"""Stochastic gradient descent, with optional momentum and Nesterov momentum."""

from naive_tf.checks import check_fraction
from naive_tf.gradient_descent import update_weights
from naive_tf.optimizers.base import Optimizer


class SGD(Optimizer):
    r"""Gradient descent with momentum, with Keras' arguments and defaults.

    With learning rate $\eta$, momentum $\mu$ and gradient $g$:

        v <- mu * v - eta * g
        w <- w + v                     (momentum=0 gives plain w <- w - eta * g)
        w <- w + mu * v - eta * g      (nesterov=True: a step from where momentum is taking w)
    """

    def __init__(
        self, learning_rate: float = 0.01, momentum: float = 0.0, nesterov: bool = False, jit_compile: bool = True
    ):
        super().__init__(learning_rate, jit_compile)
        check_fraction("momentum", momentum)
        self.momentum = momentum
        self.nesterov = nesterov
        self.slot_names = ("velocity",) if momentum else ()

    def update(self, weight, gradient, slots, step, learning_rate):
        if not self.momentum:
            update_weights([gradient], [weight], learning_rate)
            return
        velocity = slots["velocity"]
        velocity.assign(self.momentum * velocity - learning_rate * gradient)
        if self.nesterov:
            weight.assign_add(self.momentum * velocity - learning_rate * gradient)
        else:
            weight.assign_add(velocity)


def plain_gradient_descent(learning_rate: float) -> SGD:
    """SGD without momentum, which is update_weights at learning_rate. Its one multiply-subtract per
    weight leaves XLA nothing to fuse, so the update is not compiled."""
    return SGD(learning_rate, jit_compile=False)
