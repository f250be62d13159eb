"""One call that seeds every random number generator naive_tf uses."""

import random

import numpy as np
import tensorflow as tf


def set_seed(seed: int) -> None:
    """Seed Python's `random`, NumPy's global generator and TensorFlow's global seed."""
    random.seed(seed)
    np.random.seed(seed)
    tf.random.set_seed(seed)
