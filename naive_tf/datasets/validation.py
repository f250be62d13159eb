"""Holding out a validation set: the images every choice is judged on, so that the test set is kept
for the one final figure."""

from naive_tf.checks import check_positive_int, check_same_length

import numpy as np


def split_off_validation(images, labels, size: int = 5000):
    """((training images, labels), (validation images, labels)): the last `size` samples held out.

    Like Keras' validation_split, the validation samples are the last ones, so the split is the same
    on every run; MNIST's training files are not sorted by digit, so the last 5,000 hold every digit.
    """
    check_same_length(images, labels)
    check_positive_int("size", size)
    if size >= len(images):
        raise ValueError(
            f"size must leave some samples to train on: got size={size} for {len(images)} samples; "
            "hold out fewer, e.g. a tenth of them"
        )
    images, labels = np.asarray(images), np.asarray(labels)
    return (images[:-size], labels[:-size]), (images[-size:], labels[-size:])
