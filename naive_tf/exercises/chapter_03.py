"""Chapter 3, one training step: the loss by hand, the last batch, and a step whose tape sees nothing."""

from naive_tf.batches import BatchGenerator
from naive_tf.dense import NaiveDense
from naive_tf.exercises.registry import NotYet, as_array, as_number, call, exercise, require
from naive_tf.losses import sparse_categorical_crossentropy
from naive_tf.sequential import NaiveSequential
from naive_tf.training import one_training_step

import numpy as np
import tensorflow as tf


@exercise("3.1", "cross-entropy by hand")
def check_cross_entropy(cross_entropy) -> None:
    """Write cross_entropy(labels, probabilities): one loss -log p[label] per row of probabilities.

    Checked against naive_tf.sparse_categorical_crossentropy on batches of several sizes.
    """
    rng = np.random.default_rng(4)
    for samples, classes in [(2, 3), (5, 10), (1, 4)]:
        probabilities = rng.uniform(0.05, 1, size=(samples, classes))
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        labels = rng.integers(0, classes, size=samples)
        result = call(cross_entropy, labels, probabilities,
                      description=f"cross_entropy on {samples} rows of {classes} probabilities")
        if np.shape(result) == (samples, classes):
            raise NotYet("you returned one number per entry; there is one loss per sample: row i keeps only its "
                         "entry at column labels[i]")
        if np.shape(result) == () and samples > 1:
            raise NotYet("you returned one number for the whole batch; return one loss per sample (the mean comes "
                         "later, in the training step)")
        result = as_array(result, (samples,), "cross_entropy")
        expected = sparse_categorical_crossentropy(labels, probabilities).numpy()
        if np.allclose(result, -expected, rtol=1e-5):
            raise NotYet("your losses are negative: log p <= 0 for a probability, and the loss is its opposite")
        require(np.allclose(result, expected, rtol=1e-5),
                "your losses differ from -log p[label]: check which entry of each row you take the log of")


@exercise("3.2", "the size of the last batch")
def check_last_batch_size(prediction) -> None:
    """Predict the number of images in the last batch of BatchGenerator(images, labels, batch_size=64)
    for 1000 images."""
    batches = list(BatchGenerator(np.zeros((1000, 1)), np.zeros(1000), batch_size=64))
    hint = "The batches are consecutive slices of 64; the last one holds what is left."
    predicted = as_number(prediction, hint)
    if predicted == len(batches):
        raise NotYet(f"that is the number of batches; how many images does the last one hold? {hint}")
    require(predicted == len(batches[-1][1]), hint)


def small_model(weights: list[np.ndarray]) -> NaiveSequential:
    """A 6-5-3 relu-softmax network with the given initial weights."""
    model = NaiveSequential([NaiveDense(6, 5, activation=tf.nn.relu), NaiveDense(5, 3, activation=tf.nn.softmax)])
    for weight, value in zip(model.weights, weights):
        weight.assign(value)
    return model


@exercise("3.3", "the training step whose tape sees nothing")
def check_fixed_training_step(training_step) -> None:
    """Fix training_step(model, images, labels, learning_rate=1e-3) (given with a bug) so that it trains
    as naive_tf.one_training_step does: the same returned loss, the same weights after each step."""
    rng = np.random.default_rng(5)
    initial = [rng.normal(scale=0.5, size=shape).astype("float32") for shape in [(6, 5), (5,), (5, 3), (3,)]]
    theirs, ours = small_model(initial), small_model(initial)
    hint = ("tape.gradient(loss, weights) sees only what ran inside its `with` block, and gives None for a weight "
            "whose use it did not see")
    for step in range(3):
        images, labels = rng.normal(size=(8, 6)).astype("float32"), rng.integers(0, 3, size=8)
        loss = call(training_step, theirs, images, labels, 0.1, description="your training step", hint=hint)
        expected_loss = one_training_step(ours, images, labels, 0.1)
        require(loss is not None, "training_step should return the batch's mean loss")
        require(np.allclose(float(loss), float(expected_loss), rtol=1e-5),
                f"at step {step + 1}, the returned loss differs from one_training_step's: it is the mean over the "
                "batch of the loss before the update")
        require(all(np.allclose(a.numpy(), b.numpy(), atol=1e-6) for a, b in zip(theirs.weights, ours.weights)),
                f"after step {step + 1}, the weights differ from one_training_step's: each weight should move by "
                "-learning_rate times its gradient")
