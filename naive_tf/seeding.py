"""One call that seeds every random number generator naive_tf uses."""

import random

import numpy as np
import tensorflow as tf


def set_seed(seed: int) -> None:
    """Seed Python's `random`, NumPy's global generator and TensorFlow's global seed."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed < 2**32:
        raise ValueError(f"seed must be an integer from 0 to 2**32 - 1, as NumPy's generator takes, got {seed!r}")
    random.seed(seed)
    np.random.seed(seed)
    tf.random.set_seed(seed)
