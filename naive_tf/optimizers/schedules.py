"""Learning-rate schedules: functions of the number of updates applied so far."""

import math

from naive_tf.checks import check_non_negative, check_positive_int

import tensorflow as tf


class CosineDecay:
    """Starts at initial_learning_rate and glides down half a cosine wave to alpha times it after
    decay_steps updates, then stays there (Loshchilov and Hutter, 2017, without restarts):

        lr(step) = initial * (alpha + (1 - alpha) * (1 + cos(pi * min(step, decay_steps) / decay_steps)) / 2)

    Large steps early make fast progress; small steps late let the weights settle into a minimum
    instead of bouncing around it.
    """

    def __init__(self, initial_learning_rate: float, decay_steps: int, alpha: float = 0.0):
        check_non_negative("initial_learning_rate", initial_learning_rate)
        check_positive_int("decay_steps", decay_steps)
        self.initial_learning_rate, self.decay_steps, self.alpha = initial_learning_rate, decay_steps, alpha

    def __call__(self, step) -> tf.Tensor:
        progress = tf.minimum(tf.cast(step, tf.float32), self.decay_steps) / self.decay_steps
        cosine = (1 + tf.cos(math.pi * progress)) / 2
        return self.initial_learning_rate * (self.alpha + (1 - self.alpha) * cosine)
