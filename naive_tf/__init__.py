"""naive_tf: a neural network built from scratch on TensorFlow's low-level API."""

from naive_tf.quiet_import import import_tensorflow_quietly

import_tensorflow_quietly()  # before anything else imports TensorFlow

from naive_tf import callbacks, datasets, exercises, initializers, optimizers
from naive_tf.batches import BatchGenerator
from naive_tf.conv import NaiveConv2D
from naive_tf.dense import NaiveDense
from naive_tf.dropout import NaiveDropout
from naive_tf.evaluation import accuracy, evaluate, predict
from naive_tf.flatten import NaiveFlatten
from naive_tf.gradient_descent import update_weights
from naive_tf.initializers import uniform_initializer
from naive_tf.layer import Layer
from naive_tf.lazy_dense import LazyDense
from naive_tf.loop import fit
from naive_tf.losses import sparse_categorical_crossentropy, sparse_categorical_crossentropy_from_logits
from naive_tf.pooling import NaiveMaxPool2D
from naive_tf.seeding import set_seed
from naive_tf.sequential import NaiveSequential
from naive_tf.simple_loop import simple_fit
from naive_tf.training import one_training_step, training_step

__all__ = [
    "BatchGenerator",
    "Layer",
    "LazyDense",
    "NaiveConv2D",
    "NaiveDense",
    "NaiveDropout",
    "NaiveFlatten",
    "NaiveMaxPool2D",
    "NaiveSequential",
    "accuracy",
    "callbacks",
    "datasets",
    "evaluate",
    "exercises",
    "fit",
    "initializers",
    "one_training_step",
    "optimizers",
    "predict",
    "set_seed",
    "simple_fit",
    "sparse_categorical_crossentropy",
    "sparse_categorical_crossentropy_from_logits",
    "training_step",
    "uniform_initializer",
    "update_weights",
]
