"""Training recipes for the command line: a model, how to prepare its images, and how to train it."""

from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np
import tensorflow as tf

from naive_tf.conv import NaiveConv2D
from naive_tf.dense import NaiveDense
from naive_tf.dropout import NaiveDropout
from naive_tf.flatten import NaiveFlatten
from naive_tf.initializers import glorot_uniform, he_normal
from naive_tf.optimizers import Adam, CosineDecay
from naive_tf.pooling import NaiveMaxPool2D
from naive_tf.sequential import NaiveSequential


@dataclass(frozen=True)
class Recipe:
    """How to build, feed and train one network. build_optimizer, if given, receives the number of
    training steps the run will take (a learning-rate schedule may need it); without it, plain
    gradient descent at learning_rate. jit_compile: whether fit has XLA compile the training step."""

    description: str
    build_model: Callable[[], NaiveSequential]
    prepare_images: Callable[[np.ndarray], np.ndarray]
    epochs: int
    batch_size: int
    learning_rate: float = 1e-3
    build_optimizer: Optional[Callable[[int], object]] = None
    shuffle: bool = False
    jit_compile: bool = False


def flatten_and_scale(images: np.ndarray) -> np.ndarray:
    """(n, 28, 28) bytes -> (n, 784) floats in [0, 1], the input of a dense network."""
    return images.reshape((len(images), 28 * 28)).astype("float32") / 255


def add_channel_and_scale(images: np.ndarray) -> np.ndarray:
    """(n, 28, 28) bytes -> (n, 28, 28, 1) floats in [0, 1], the input of a convolution: one channel of grey."""
    return images[..., np.newaxis].astype("float32") / 255


def build_source_model() -> NaiveSequential:
    """The source notebook's network: 784 -> 512 relu -> 10 softmax."""
    return NaiveSequential([
        NaiveDense(input_size=28 * 28, output_size=512, activation=tf.nn.relu),
        NaiveDense(input_size=512, output_size=10, activation=tf.nn.softmax),
    ])


def build_mlp_model() -> NaiveSequential:
    """784 -> 1024 relu -> dropout 0.3 -> 10 softmax, with weights scaled to the layers' sizes."""
    return NaiveSequential([
        NaiveDense(28 * 28, 1024, activation=tf.nn.relu, initializer=he_normal),
        NaiveDropout(0.3),
        NaiveDense(1024, 10, activation=tf.nn.softmax, initializer=glorot_uniform),
    ])


def adam_with_cosine_decay(steps: int) -> Adam:
    """Adam with its learning rate gliding from 1e-3 to 0 over the run."""
    return Adam(CosineDecay(1e-3, decay_steps=steps))


def build_cnn_model() -> NaiveSequential:
    """Two convolution blocks that keep the image size ("same" padding) and halve it by pooling,
    28 -> 14 -> 7, then a dense layer of 128 on the 7 x 7 x 64 features, with dropout before each
    dense layer."""
    return NaiveSequential([
        NaiveConv2D(1, 32, 3, padding="same", activation=tf.nn.relu, initializer=he_normal),
        NaiveMaxPool2D(2),
        NaiveConv2D(32, 64, 3, padding="same", activation=tf.nn.relu, initializer=he_normal),
        NaiveMaxPool2D(2),
        NaiveFlatten(),
        NaiveDropout(0.5),
        NaiveDense(7 * 7 * 64, 128, activation=tf.nn.relu, initializer=he_normal),
        NaiveDropout(0.5),
        NaiveDense(128, 10, activation=tf.nn.softmax, initializer=glorot_uniform),
    ])


RECIPES = {
    "seed": Recipe(
        description="the source notebook's model and hyperparameters, with its training loop fixed",
        build_model=build_source_model,
        prepare_images=flatten_and_scale,
        epochs=10,
        batch_size=128,
    ),
    "mlp": Recipe(
        description="a wider hidden layer with He initialization and dropout, trained with Adam, a cosine "
        "learning-rate decay and shuffling",
        build_model=build_mlp_model,
        prepare_images=flatten_and_scale,
        epochs=10,
        batch_size=128,
        build_optimizer=adam_with_cosine_decay,
        shuffle=True,
        jit_compile=True,  # XLA's fused step is faster for dense layers; for convolutions it is slower
    ),
    "cnn": Recipe(
        description="two convolution and pooling blocks, a dense layer of 128, dropout; Adam with a cosine "
        "learning-rate decay and shuffling",
        build_model=build_cnn_model,
        prepare_images=add_channel_and_scale,
        epochs=12,
        batch_size=128,
        build_optimizer=adam_with_cosine_decay,
        shuffle=True,
    ),
}
