"""The training loop: every epoch, one training step per mini-batch."""

import math
import weakref

import numpy as np
import tensorflow as tf

from naive_tf.batches import BatchGenerator
from naive_tf.checks import check_dataset, check_positive_int
from naive_tf.evaluation import accuracy, predict
from naive_tf.losses import sparse_categorical_crossentropy
from naive_tf.resume import TrainingCheckpoint
from naive_tf.training import training_step


# The compiled training steps of each model, kept as long as the model lives, so that fitting the
# same model again (one epoch at a time, say) reuses the traced graph instead of tracing anew.
_compiled_steps: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def compiled_step(model, jit_compile: bool = False):
    """training_step compiled with tf.function into a TensorFlow graph, for this model.

    With jit_compile=True, XLA then compiles the whole graph into machine code, fusing its small
    operations: faster for dense networks, slower for convolutions on CPU (see chapter 8).
    """
    steps = _compiled_steps.setdefault(model, {})
    if jit_compile not in steps:
        steps[jit_compile] = tf.function(training_step, jit_compile=jit_compile)
    return steps[jit_compile]


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
    jit_compile: bool = False,
    checkpoint_dir=None,
    resume: bool = False,
) -> dict[str, list[float]]:
    """Train `model` for `epochs` passes over the data and return its history.

    The history maps "loss" and "accuracy" (and "val_loss", "val_accuracy" when validation_data =
    (images, labels) is given) to one value per epoch: the mean loss over the epoch's batches, and
    the accuracy of the predictions made during the epoch. With shuffle=True each epoch visits the
    samples in a new order drawn from `seed`. compiled=False runs each step eagerly, op by op,
    instead of as one TensorFlow graph: slower, but easier to step through in a debugger.
    jit_compile=True has XLA compile that graph as well (see compiled_step).

    With a checkpoint_dir, each epoch ends by saving a checkpoint there; resume=True first restores
    the latest one, if any, and continues after its epoch with the same weights, optimizer state and
    random draws, so that the run ends as an uninterrupted one with the same seed would.
    """
    check_positive_int("epochs", epochs)
    check_positive_int("batch_size", batch_size)
    if jit_compile and not compiled:
        raise ValueError("jit_compile=True compiles the graph of the compiled step: it needs compiled=True")
    images, labels = np.asarray(images), np.asarray(labels)
    check_dataset(model, images, labels)
    if validation_data is not None:
        check_dataset(model, *validation_data)
    step = compiled_step(model, jit_compile) if compiled else training_step
    if optimizer is not None:
        # Eagerly, here: a compiled step may create variables only the first time it is traced.
        optimizer.build(model.weights)
    order = np.random.default_rng(seed)
    checkpoint = None if checkpoint_dir is None else TrainingCheckpoint(checkpoint_dir, model, optimizer, order)
    first_epoch, history = 1, {"loss": [], "accuracy": []}
    if resume:
        if checkpoint is None:
            raise ValueError("resume=True needs the checkpoint_dir to resume from")
        restored = checkpoint.restore()
        if restored is not None:
            last_epoch, history = restored
            first_epoch = last_epoch + 1
            if verbose:
                print(f"resuming after epoch {last_epoch} from {checkpoint_dir}")
    for epoch in range(first_epoch, epochs + 1):
        batches = BatchGenerator(images, labels, batch_size, shuffle=shuffle, seed=order)
        loss, training_accuracy = train_one_epoch(step, model, batches, learning_rate, optimizer, epoch)
        history["loss"].append(loss)
        history["accuracy"].append(training_accuracy)
        if validation_data is not None:
            validation_images, validation_labels = validation_data
            probabilities = predict(model, validation_images)
            history.setdefault("val_loss", []).append(
                float(np.mean(sparse_categorical_crossentropy(validation_labels, probabilities)))
            )
            history.setdefault("val_accuracy", []).append(accuracy(probabilities, validation_labels))
        if checkpoint is not None:
            checkpoint.save(epoch, history)
        if verbose:
            print(f"epoch {epoch}/{epochs}: " + ", ".join(f"{key} {values[-1]:.4f}" for key, values in history.items()))
    return history


def train_one_epoch(step, model, batches: BatchGenerator, learning_rate, optimizer, epoch: int) -> tuple[float, float]:
    """One training step per batch; the mean loss and the accuracy of the predictions made on the way."""
    loss_sum, correct, seen = 0.0, 0.0, 0
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
        seen += len(labels_batch)
    return loss_sum / seen, correct / seen
