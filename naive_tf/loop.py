"""The training loop: every epoch, one training step per mini-batch; callbacks do the rest."""

import contextlib
import math

from naive_tf.batches import epoch_batches
from naive_tf.callbacks import Callback, CallbackList, ProgressBar, TerminateOnNaN, TrainingRun
from naive_tf.checks import check_dataset, check_positive_int, check_validation_data, check_verbose
from naive_tf.evaluation import validation_logs
from naive_tf.losses import sparse_categorical_crossentropy
from naive_tf.metrics import RunningMetrics
from naive_tf.optimizers.sgd import plain_gradient_descent
from naive_tf.steps import compiled_steps

import numpy as np
import tensorflow as tf


def fit(model, images, labels, epochs: int, batch_size: int = 128, learning_rate: float | None = None,
        optimizer=None, loss=sparse_categorical_crossentropy, shuffle: bool = False, seed=None,
        validation_data=None, callbacks: tuple[Callback, ...] = (), verbose: int = 1,
        step: str = "graph", steps_per_execution: int = 1,
        strategy: tf.distribute.Strategy | None = None) -> dict[str, list[float]]:
    """Train `model` for `epochs` passes over the data; return the history of each epoch's figures.

    The history maps "loss" and "accuracy" (and "val_loss", "val_accuracy" when validation_data =
    (images, labels) is given) to one value per epoch: the mean loss over the epoch's batches and the
    accuracy of the predictions made on the way. The optimizer updates the weights; without one,
    plain gradient descent at learning_rate (default 1e-3). shuffle=True visits the samples in a new
    order each epoch, drawn from `seed`. `step` says how the steps run: "graph", "eager" or "xla" (see
    steps.compiled_steps); steps_per_execution, how many batches one call from Python trains on (more
    is faster for small steps; callbacks then hear from each call's last batch only). With a
    tf.distribute `strategy`, whose scope the model was built in, each batch is shared out among its
    replicas. Callbacks act at the start and end of training, of each epoch, and after each call;
    verbose=1 adds a ProgressBar, 2 one line per epoch, 0 nothing. Images and labels may be NumPy arrays,
    which fit copies into tensors at each call, or tensors, which it uses as they are (see as_tensors).
    """
    check_positive_int("epochs", epochs)
    check_positive_int("batch_size", batch_size)
    check_positive_int("steps_per_execution", steps_per_execution)
    images, labels = as_tensors(images, *check_dataset(model, images, labels))
    if validation_data is not None:
        validation_data = check_validation_data(model, validation_data)
    optimizer = optimizer_for(optimizer, learning_rate, model, strategy)
    train_steps = compiled_steps(model, step, strategy)
    batches_per_epoch = math.ceil(len(images) / batch_size)
    run = TrainingRun(model, optimizer, np.random.default_rng(seed), epochs, batches_per_epoch, verbose)
    callbacks = CallbackList([TerminateOnNaN(), *callbacks, *progress_bar(verbose, callbacks)])
    callbacks.set_run(run)
    order = run.order if shuffle else None
    try:
        callbacks.on_train_begin()
        for epoch in range(run.first_epoch, epochs + 1):
            callbacks.on_epoch_begin(epoch)
            metrics = RunningMetrics()
            for last_batch, batches in epoch_batches(len(images), batch_size, steps_per_execution, order):
                sums = train_steps(model, images, labels, batches, optimizer, loss)
                callbacks.on_batch_end(last_batch, metrics.update(*sums))
            logs = metrics.result()
            if validation_data is not None:
                logs.update(validation_logs(model, validation_data, loss))
            for name, value in logs.items():
                run.history.setdefault(name, []).append(value)
            callbacks.on_epoch_end(epoch, logs)
    finally:  # even when training stops with an error: the callbacks that began let go of files and locks
        callbacks.on_train_end()
    return run.history


def as_tensors(given_images, images: np.ndarray, labels: np.ndarray) -> tuple[tf.Tensor, tf.Tensor]:
    """The checked images and labels as tensors, which every step picks its batch from.

    Images given as a tensor of the model's dtype are used as they are. Anything else is copied into a
    new tensor (tf.constant copies a NumPy array, so that changing the array cannot change the tensor),
    once per call of fit: for MNIST's training images, 188 MB, which took from 0.05 s to half a second on
    the project's 2-core machine (benchmarks/README.md).
    """
    if not (isinstance(given_images, tf.Tensor) and given_images.dtype == images.dtype):
        given_images = tf.constant(images)
    return given_images, tf.constant(labels)


def optimizer_for(optimizer, learning_rate: float | None, model, strategy=None):
    """The optimizer fit uses, the one given or plain gradient descent at learning_rate, with its state
    built for the model's weights: here, eagerly, as a compiled step may create variables only when it
    traces, and under the strategy's scope, if any, so that the state is mirrored as the weights are."""
    if optimizer is None:
        optimizer = plain_gradient_descent(1e-3 if learning_rate is None else learning_rate)
    elif not callable(getattr(optimizer, "apply_gradients", None)):
        raise TypeError(
            f"optimizer must be an optimizer object such as naive_tf.optimizers.Adam(), got {optimizer!r} "
            f"of type {type(optimizer).__name__}"
        )
    elif learning_rate is not None:
        raise ValueError(
            f"fit got both an optimizer and learning_rate={learning_rate!r}; the optimizer has its own learning "
            "rate. Give it there, for example optimizers.Adam(learning_rate=0.01), and leave out fit's"
        )
    with strategy.scope() if strategy else contextlib.nullcontext():
        optimizer.build(model.weights)
    return optimizer


def progress_bar(verbose: int, callbacks) -> list[Callback]:
    """verbose=1: a ProgressBar that redraws itself where it can; 2: one line per epoch; 0, or a
    ProgressBar among the callbacks already: none."""
    check_verbose(verbose)
    if not verbose or any(isinstance(callback, ProgressBar) for callback in callbacks):
        return []
    return [ProgressBar(live=None if verbose == 1 else False)]
