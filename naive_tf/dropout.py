"""Dropout: during training, each unit is silenced at random, so no unit can rely on any other."""

from naive_tf.checks import check_fraction
from naive_tf.layer import Layer

import numpy as np
import tensorflow as tf


class NaiveDropout(Layer):
    """Sets each input to zero with probability `rate` while training, and scales the survivors by
    1 / (1 - rate) so that the expected sum is unchanged; at inference it passes inputs through.

    The random draws come from the layer's own generator, seeded with `seed` (or, without one, from
    NumPy's global generator, which naive_tf.set_seed seeds), so seeded training repeats exactly.
    """

    takes_training = True

    def __init__(self, rate: float, seed: int | None = None):
        check_fraction("rate", rate)
        self.rate = rate
        self.generator = tf.random.Generator.from_seed(np.random.randint(2**31) if seed is None else seed)

    def __call__(self, inputs: tf.Tensor, training: bool = False) -> tf.Tensor:
        if not training or self.rate == 0:
            return inputs
        keep = self.generator.uniform(tf.shape(inputs), dtype=inputs.dtype) >= self.rate
        return tf.where(keep, inputs / (1 - self.rate), tf.zeros_like(inputs))

    @property
    def generators(self) -> list[tf.random.Generator]:
        return [self.generator]
