"""Chapter 4, training on MNIST: an IDX header by hand, a history of each epoch's loss, and accuracy by argmax."""

import contextlib
import io

from naive_tf.datasets.idx import parse_idx
from naive_tf.evaluation import accuracy
from naive_tf.exercises.registry import NotYet, as_number, call, exercise, require, seeded_softmax_layer
from naive_tf.layer import Layer
from naive_tf.loop import fit
from naive_tf.sequential import NaiveSequential

import numpy as np
import tensorflow as tf


def idx_file(type_code: int, shape: tuple, dtype: str) -> bytes:
    """The bytes of an IDX file holding zeros of `shape`: magic number, big-endian sizes, values."""
    header = bytes([0, 0, type_code, len(shape)]) + b"".join(size.to_bytes(4, "big") for size in shape)
    return header + np.zeros(shape, dtype).tobytes()


@exercise("4.1", "read the shape from an IDX header")
def check_idx_shape(idx_shape) -> None:
    """Write idx_shape(data): the shape (a tuple of ints) of the array held in the IDX bytes `data`.

    Checked against naive_tf.datasets.idx.parse_idx on files of 1 to 4 dimensions, sizes above 255 among them.
    """
    for type_code, shape, dtype in [(0x08, (1000,), ">u1"), (0x08, (3, 28, 28), ">u1"), (0x0D, (2, 300), ">f4"),
                                    (0x08, (2, 1, 3, 5), ">u1"), (0x08, (70000,), ">u1")]:
        data = idx_file(type_code, shape, dtype)
        expected = parse_idx(data, "exercise").shape
        result = call(idx_shape, data, description=f"idx_shape on a file of shape {expected}")
        require(result is not None, "idx_shape returned None: return the shape, a tuple of ints")
        try:
            result = tuple(int(size) for size in result)
        except (TypeError, ValueError):
            raise NotYet(f"idx_shape returned {result!r}; return a tuple of ints, such as (60000, 28, 28)") from None
        require(len(result) == len(expected), f"for a file of shape {expected} you returned {result}: the 4th byte "
                "of the magic number gives the number of dimensions")
        if result == tuple(int.from_bytes(size.to_bytes(4, "big"), "little") for size in expected):
            raise NotYet(f"for a file of shape {expected} you returned {result}: the sizes are big-endian, "
                         "most significant byte first")
        require(result == expected, f"for a file of shape {expected} you returned {result}: each size takes 4 bytes, "
                "right after the 4-byte magic number")


class CountingModel(Layer):
    """A model that remembers the size of every batch it is called on, to count training steps."""

    def __init__(self, model: NaiveSequential):
        self.model = model
        self.batch_sizes: list[int] = []

    def __call__(self, inputs):
        self.batch_sizes.append(len(inputs))
        return self.model(inputs)

    @property
    def weights(self) -> list[tf.Variable]:
        return self.model.weights



@exercise("4.2", "a history of the loss")
def check_fit_with_history(fit_function) -> None:
    """Find the bug in fit_with_history(model, images, labels, epochs, batch_size=128): simple_fit that also
    returns each epoch's mean loss; the right one returns naive_tf.fit's history["loss"] and trains as it does."""
    rng = np.random.default_rng(7)
    images, labels = rng.uniform(size=(12, 4)).astype("float32"), rng.integers(0, 3, size=12)
    model = CountingModel(seeded_softmax_layer(4, 3, seed=6))
    with contextlib.redirect_stdout(io.StringIO()):  # the source's loop prints as it goes
        history = call(fit_function, model, images, labels, epochs=3, batch_size=4,
                       description="fit_with_history(model, 12 images, labels, epochs=3, batch_size=4)")
    sizes = model.batch_sizes
    if sizes == [4, 4, 4]:
        raise NotYet("asked for 3 epochs, it trained one epoch of 3 batches: which loop is the batch loop inside?")
    if sizes and set(sizes) == {12}:
        raise NotYet("asked for batches of 4, it trained on batches of all 12 images: where does batch_size go?")
    require(sizes == [4, 4, 4] * 3, f"it took {len(sizes)} steps on batches of {sizes}; 3 epochs of 12 images in "
            "batches of 4 are 9 steps on batches of 4")
    require(history is not None, "it returned None: return the history, a list of one mean loss per epoch")
    try:
        history = [float(value) for value in history]
    except (TypeError, ValueError):
        raise NotYet(f"it returned {history!r}: return a list of numbers, one mean loss per epoch") from None
    require(len(history) == 3, f"asked for 3 epochs, it returned {len(history)} losses: one per epoch")
    reference = seeded_softmax_layer(4, 3, seed=6)
    expected = fit(reference, images, labels, epochs=3, batch_size=4, verbose=0, step="eager")["loss"]
    running_means = [float(np.mean(expected[: epoch + 1])) for epoch in range(3)]
    if np.allclose(history, running_means, atol=1e-6) and not np.allclose(history, expected, atol=1e-6):
        raise NotYet("the first epoch's loss is right, but the second is the mean over epochs 1 and 2, and the "
                     "third over all three: where should the list of an epoch's losses start empty?")
    require(np.allclose(history, expected, atol=1e-6), f"it returned {[round(value, 4) for value in history]}, "
            f"naive_tf.fit's history says {[round(value, 4) for value in expected]}: each value is the mean of "
            "the losses one_training_step returned during that epoch")
    require(all(np.allclose(a.numpy(), b.numpy(), atol=1e-6) for a, b in zip(model.weights, reference.weights)),
            "it returned the right losses, but the weights differ from naive_tf.fit's: does each step train "
            "with one_training_step on its own batch?")


@exercise("4.3", "accuracy by argmax")
def check_accuracy_prediction(prediction) -> None:
    """Predict the accuracy of the predictions [[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.3, 0.3, 0.4],
    [0.2, 0.5, 0.3], [0.6, 0.1, 0.3]] for the labels [1, 0, 0, 2, 0]."""
    predictions = np.array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.3, 0.3, 0.4], [0.2, 0.5, 0.3], [0.6, 0.1, 0.3]])
    labels = np.array([1, 0, 0, 2, 0])
    hint = ("Each row's predicted class is the column of its highest probability; the accuracy is the fraction "
            "of rows where that is the label.")
    predicted = as_number(prediction, hint)
    if predicted > 1:
        raise NotYet(f"give the accuracy as a fraction between 0 and 1, not a count or a percentage. {hint}")
    require(abs(predicted - accuracy(predictions, labels)) < 1e-9, hint)
