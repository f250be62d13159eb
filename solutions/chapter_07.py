"""Solutions to the exercises of chapter 7, training better."""

import naive_tf  # first: it imports TensorFlow quietly

import tensorflow as tf


def momentum_step(weight, velocity, gradient, learning_rate, momentum):
    """7.1: the velocity keeps a decaying sum of past steps, and the weight moves by it."""
    velocity = momentum * velocity - learning_rate * gradient
    return weight + velocity, velocity


exercise_7_1 = momentum_step

# 7.2: m = 0.1 * 250 = 25, v = 0.001 * 250**2 = 62.5, alpha_1 = 0.001 * sqrt(0.001) / 0.1, so the step is
# alpha_1 * m / sqrt(v) = 0.001 exactly (up to epsilon): Adam's first step is the learning rate, whatever the
# size of the gradient.
exercise_7_2 = 1.0 - 0.001


class Dropout(naive_tf.Layer):
    """7.3: inputs pass unchanged at inference; while training, the survivors are divided by 1 - rate."""

    takes_training = True

    def __init__(self, rate, seed=0):
        self.rate = rate
        self.generator = tf.random.Generator.from_seed(seed)

    def __call__(self, inputs, training=False):
        if not training:
            return inputs
        keep = self.generator.uniform(tf.shape(inputs)) >= self.rate
        return tf.where(keep, inputs / (1 - self.rate), tf.zeros_like(inputs))


exercise_7_3 = Dropout
