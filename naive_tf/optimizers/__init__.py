"""Optimizers written from scratch on tf.Variable: apply_gradients(zip(gradients, weights))."""

from naive_tf.optimizers.adam import Adam
from naive_tf.optimizers.base import Optimizer
from naive_tf.optimizers.rmsprop import RMSprop
from naive_tf.optimizers.schedules import CosineDecay
from naive_tf.optimizers.sgd import SGD

__all__ = ["SGD", "Adam", "CosineDecay", "Optimizer", "RMSprop"]
