"""The training loop: every epoch, one training step per mini-batch."""

import math
import weakref

import numpy as np
import tensorflow as tf

from naive_tf.batches import BatchGenerator
from naive_tf.checks import check_dataset, check_positive_int
from naive_tf.evaluation import accuracy, predict
from naive_tf.losses import sparse_categorical_crossentropy
from naive_tf.training import training_step


# One compiled training step per model, kept as long as the model lives, so that fitting the same
# model again (one epoch at a time, say) reuses the traced graph instead of tracing anew.
_compiled_steps: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def compiled_step(model):
    """training_step compiled with tf.function into a TensorFlow graph, for this model."""
    if model not in _compiled_steps:
        _compiled_steps[model] = tf.function(training_step)
    return _compiled_steps[model]


def fit(
    model,
    images,
    labels,
    epochs: int,
    batch_size: int = 128,
    learning_rate: float = 1e-3,
    optimizer=None,
    shuffle: bool = False,
    seed=None,
    validation_data=None,
    verbose: int = 1,
    compiled: bool = True,
) -> dict[str, list[float]]:
    """Train `model` for `epochs` passes over the data and return its history.

    The history maps "loss" and "accuracy" (and "val_loss", "val_accuracy" when validation_data =
    (images, labels) is given) to one value per epoch: the mean loss over the epoch's batches, and
    the accuracy of the predictions made during the epoch. With shuffle=True each epoch visits the
    samples in a new order drawn from `seed`. compiled=False runs each step eagerly, op by op,
    instead of as one TensorFlow graph: slower, but easier to step through in a debugger.
    """
    check_positive_int("epochs", epochs)
    check_positive_int("batch_size", batch_size)
    images, labels = np.asarray(images), np.asarray(labels)
    check_dataset(model, images, labels)
    if validation_data is not None:
        check_dataset(model, *validation_data)
    step = compiled_step(model) if compiled else training_step
    if optimizer is not None:
        # Eagerly, here: a compiled step may create variables only the first time it is traced.
        optimizer.build(model.weights)
    order = np.random.default_rng(seed)
    history = {"loss": [], "accuracy": []}
    for epoch in range(1, epochs + 1):
        loss_sum, correct = 0.0, 0.0
        batches = BatchGenerator(images, labels, batch_size, shuffle=shuffle, seed=order)
        for batch_number, (images_batch, labels_batch) in enumerate(batches, start=1):
            loss, predictions = step(model, images_batch, labels_batch, learning_rate, optimizer)
            loss = float(loss)
            if not math.isfinite(loss):
                raise FloatingPointError(
                    f"the loss became {loss} at epoch {epoch}, batch {batch_number}; training stopped. "
                    "Lower the learning rate, and check the images for NaN or infinite values"
                )
            loss_sum += loss * len(labels_batch)
            correct += accuracy(predictions, labels_batch) * len(labels_batch)
        history["loss"].append(loss_sum / len(images))
        history["accuracy"].append(correct / len(images))
        if validation_data is not None:
            validation_images, validation_labels = validation_data
            probabilities = predict(model, validation_images)
            history.setdefault("val_loss", []).append(
                float(np.mean(sparse_categorical_crossentropy(validation_labels, probabilities)))
            )
            history.setdefault("val_accuracy", []).append(accuracy(probabilities, validation_labels))
        if verbose:
            print(f"epoch {epoch}/{epochs}: " + ", ".join(f"{key} {values[-1]:.4f}" for key, values in history.items()))
    return history
