"""Learning-rate schedules: functions of the number of updates applied so far."""

import math

import tensorflow as tf


class CosineDecay:
    """Starts at initial_learning_rate and glides down half a cosine wave to alpha times it after
    decay_steps updates, then stays there (Loshchilov and Hutter, 2017, without restarts):

        lr(step) = initial * (alpha + (1 - alpha) * (1 + cos(pi * min(step, decay_steps) / decay_steps)) / 2)

    Large steps early make fast progress; small steps late let the weights settle into a minimum
    instead of bouncing around it.
    """

    def __init__(self, initial_learning_rate: float, decay_steps: int, alpha: float = 0.0):
        if not initial_learning_rate >= 0:
            raise ValueError(f"initial_learning_rate must be >= 0, got {initial_learning_rate!r}")
        if not (isinstance(decay_steps, int) and decay_steps >= 1):
            raise ValueError(f"decay_steps must be a positive integer, got {decay_steps!r}")
        self.initial_learning_rate, self.decay_steps, self.alpha = initial_learning_rate, decay_steps, alpha

    def __call__(self, step) -> tf.Tensor:
        progress = tf.minimum(tf.cast(step, tf.float32), self.decay_steps) / self.decay_steps
        cosine = (1 + tf.cos(math.pi * progress)) / 2
        return self.initial_learning_rate * (self.alpha + (1 - self.alpha) * cosine)
