"""Training recipes for the command line: a model, how to prepare its images, and how to train it."""

from collections.abc import Callable
from dataclasses import dataclass

from naive_tf.conv import NaiveConv2D
from naive_tf.datasets.preparation import add_channel_and_scale, flatten_and_scale
from naive_tf.dense import NaiveDense
from naive_tf.dropout import NaiveDropout
from naive_tf.flatten import NaiveFlatten
from naive_tf.initializers import glorot_uniform, he_normal
from naive_tf.optimizers import Adam, CosineDecay, Optimizer
from naive_tf.optimizers.sgd import plain_gradient_descent
from naive_tf.pooling import NaiveMaxPool2D
from naive_tf.sequential import NaiveSequential

import numpy as np
import tensorflow as tf


@dataclass(frozen=True)
class Recipe:
    """How to build, feed and train one network. build_optimizer receives the number of training
    steps the run will take (a learning-rate schedule may need it). step and steps_per_execution: how
    fit runs the training steps ("graph", "eager" or "xla"; how many batches per call from Python)."""

    description: str
    build_model: Callable[[], NaiveSequential]
    prepare_images: Callable[[np.ndarray], np.ndarray]
    epochs: int
    batch_size: int
    build_optimizer: Callable[[int], Optimizer]
    shuffle: bool = False
    step: str = "graph"
    steps_per_execution: int = 1


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


def source_gradient_descent(steps: int) -> Optimizer:
    """The source's update: plain gradient descent at 1e-3, whatever the length of the run."""
    return plain_gradient_descent(1e-3)


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
        build_optimizer=source_gradient_descent,
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
        step="xla",  # XLA's fused step is faster for dense layers; for convolutions it is slower
        steps_per_execution=64,  # a step of this network is short, and each call from Python adds about a millisecond
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
        steps_per_execution=16,  # a step of this network is ten times longer: the calls cost it less
    ),
}
