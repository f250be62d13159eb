"""Training recipes for the command line: a model, how to prepare its images, and how to train it."""

from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np
import tensorflow as tf

from naive_tf.dense import NaiveDense
from naive_tf.sequential import NaiveSequential


@dataclass(frozen=True)
class Recipe:
    description: str
    build_model: Callable[[], NaiveSequential]
    prepare_images: Callable[[np.ndarray], np.ndarray]
    epochs: int
    batch_size: int
    learning_rate: float = 1e-3
    build_optimizer: Optional[Callable[[], object]] = None
    shuffle: bool = False


def flatten_and_scale(images: np.ndarray) -> np.ndarray:
    """(n, 28, 28) bytes -> (n, 784) floats in [0, 1], the input of a dense network."""
    return images.reshape((len(images), 28 * 28)).astype("float32") / 255


def build_source_model() -> NaiveSequential:
    """The source notebook's network: 784 -> 512 relu -> 10 softmax."""
    return NaiveSequential([
        NaiveDense(input_size=28 * 28, output_size=512, activation=tf.nn.relu),
        NaiveDense(input_size=512, output_size=10, activation=tf.nn.softmax),
    ])


RECIPES = {
    "seed": Recipe(
        description="the source notebook's model and hyperparameters, with its training loop fixed",
        build_model=build_source_model,
        prepare_images=flatten_and_scale,
        epochs=10,
        batch_size=128,
    ),
}
