"""Cutting a dataset into mini-batches, one epoch at a time."""

import math

from naive_tf.checks import check_positive_int, check_same_length

import numpy as np


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
