"""Cutting a dataset into mini-batches, one epoch at a time."""

import math
from typing import NamedTuple

from naive_tf.checks import check_positive_int, check_same_length

import numpy as np
import tensorflow as tf


class BatchGenerator:
    """Yields (images, labels) batches that together cover every sample exactly once.

    The last batch is smaller when batch_size does not divide the number of samples. With
    shuffle=True the samples come in a random order drawn from `seed` (an int, or a
    numpy.random.Generator that successive generators share, so that each epoch gets a new order).
    """

    def __init__(self, images, labels, batch_size: int = 128, shuffle: bool = False, seed=None):
        check_same_length(images, labels)
        check_positive_int("batch_size", batch_size)
        self.index = 0
        self.images = images
        self.labels = labels
        self.batch_size = batch_size
        self.num_batches = math.ceil(len(images) / batch_size)
        self.order = np.random.default_rng(seed).permutation(len(images)) if shuffle else None

    def next(self):
        """The next batch; StopIteration once the epoch is over."""
        if self.index >= len(self.images):
            raise StopIteration
        selection = slice(self.index, self.index + self.batch_size)
        if self.order is not None:
            selection = self.order[selection]
        self.index += self.batch_size
        return self.images[selection], self.labels[selection]

    __next__ = next

    def __iter__(self):
        return self

    def __len__(self) -> int:
        return self.num_batches


class Batches(NamedTuple):
    """What one call of training.training_steps trains on: rows start to stop - 1 of `indices`, each
    row the indices of one batch's samples."""

    indices: tf.Tensor
    start: tf.Tensor
    stop: tf.Tensor


def epoch_batches(num_samples: int, batch_size: int, steps_per_call: int, order: np.random.Generator | None = None):
    """One epoch's batches, as BatchGenerator cuts them, handed out up to steps_per_call at a time:
    yields (the number of the last batch handed out, counting from 1, Batches).

    The samples come in their own order or, given `order`, in a new order drawn from it, as
    BatchGenerator(..., shuffle=True, seed=order) draws it. The full batches share one tensor of
    indices, and the smaller last batch, if there is one, has its own: a compiled training_steps is
    traced once for each, and `start` and `stop` are tensors so that their values need no new trace.
    """
    samples = np.arange(num_samples) if order is None else order.permutation(num_samples)
    full = num_samples // batch_size
    full_batches = tf.constant(samples[: full * batch_size].reshape(full, batch_size))
    for start in range(0, full, steps_per_call):
        stop = min(start + steps_per_call, full)
        yield stop, Batches(full_batches, tf.constant(start), tf.constant(stop))
    if num_samples % batch_size:
        last_batch = tf.constant(samples[full * batch_size :][np.newaxis])
        yield full + 1, Batches(last_batch, tf.constant(0), tf.constant(1))
