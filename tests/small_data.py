"""A small network and a small dataset it can learn: quick to train in a test."""

from naive_tf import NaiveDense, NaiveSequential, set_seed

import numpy as np
import tensorflow as tf


def small_model(seed=0):
    """8 inputs -> 16 relu -> 3 softmax, its weights drawn after set_seed(seed)."""
    set_seed(seed)
    return NaiveSequential([NaiveDense(8, 16, activation=tf.nn.relu), NaiveDense(16, 3, activation=tf.nn.softmax)])


def small_dataset(n=100, seed=1):
    """n random images of 8 values in [0, 1); each label is where the largest of the first three is."""
    rng = np.random.default_rng(seed)
    images = rng.random((n, 8), dtype=np.float32)
    return images, images[:, :3].argmax(axis=1).astype(np.uint8)
