"""Chapter 11, training on many devices: the gradients an all-reduce gives, the bytes a ring all-reduce
sends, and cutting a batch into shares that line up with the labels again."""

from naive_tf.exercises.registry import NotYet, as_number, call, exercise, require, seeded_softmax_layer
from naive_tf.losses import sparse_categorical_crossentropy

import numpy as np
import tensorflow as tf


def batch_mean_gradients(model, images, labels) -> list[np.ndarray]:
    """The gradients of the batch's mean loss, as one device computes them."""
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(sparse_categorical_crossentropy(labels, model(images)))
    return [gradient.numpy() for gradient in tape.gradient(loss, model.weights)]


@exercise("11.1", "the all-reduce by hand")
def check_all_reduced_gradients(all_reduced_gradients) -> None:
    """Write all_reduced_gradients(model, images, labels, replicas): cut the batch into `replicas`
    consecutive shares, compute on each share the gradients of that replica's loss, and return their
    sum, weight by weight, as the all-reduce does. The sum must be the gradient of the batch's mean
    loss, whatever the sizes of the shares."""
    rng = np.random.default_rng(21)
    for size, replicas, shares in [(12, 3, "4, 4 and 4"), (10, 4, "3, 3, 2 and 2"), (7, 2, "4 and 3")]:
        model = seeded_softmax_layer(6, 3, seed=22)
        images, labels = rng.normal(size=(size, 6)).astype("float32"), rng.integers(0, 3, size=size)
        what = f"all_reduced_gradients on a batch of {size} and {replicas} replicas"
        gradients = call(all_reduced_gradients, model, images, labels, replicas, description=what)
        expected = batch_mean_gradients(model, images, labels)
        require(gradients is not None and len(gradients) == len(expected),
                f"{what} should return one gradient per weight ({len(expected)}), summed over the replicas")
        for gradient, reference in zip(gradients, expected):
            try:
                gradient = np.asarray(gradient, dtype=np.float64)
            except (TypeError, ValueError):
                raise NotYet(f"{what} returned something that is not an array of numbers") from None
            require(gradient.shape == reference.shape,
                    f"{what} returned a gradient of shape {gradient.shape}, expected {reference.shape}")
            if not np.allclose(gradient, reference, atol=1e-6):
                ratio = np.linalg.norm(gradient) / max(np.linalg.norm(reference), 1e-12)
                raise NotYet(
                    f"with {size} samples on {replicas} replicas (shares of {shares}), the summed gradients differ "
                    f"from those of the batch's mean loss (their norm is {ratio:.2f} times as large): what should "
                    "each replica divide its share's summed loss by?"
                )


RING_DEVICES = 4
GRADIENT_BYTES = 1_628_200  # the 784-512-10 network's 407,050 parameters, 4 bytes each


@exercise("11.2", "bytes in a ring all-reduce")
def check_ring_bytes(prediction) -> None:
    """Predict how many bytes each of 4 devices sends per step in a ring all-reduce of the gradients of
    the 784-512-10 network (407,050 float32 parameters)."""
    hint = ("A ring all-reduce runs in two passes (reduce-scatter, then all-gather); in each pass, every device "
            "sends N - 1 pieces of 1/N of the gradients.")
    predicted = as_number(prediction, hint)
    expected = 2 * (RING_DEVICES - 1) / RING_DEVICES * GRADIENT_BYTES
    if np.isclose(predicted, GRADIENT_BYTES * (RING_DEVICES - 1) / RING_DEVICES):
        raise NotYet(f"that is one pass of the two. {hint}")
    if np.isclose(predicted, GRADIENT_BYTES * 4 * 2 * (RING_DEVICES - 1) / RING_DEVICES):
        raise NotYet(f"the 1,628,200 bytes already count 4 bytes per parameter. {hint}")
    require(abs(predicted - expected) < 1, hint)


@exercise("11.3", "consecutive shares")
def check_shares(shares) -> None:
    """Fix shares(array, replicas) (given with a bug): cut the array, along its first axis, into
    `replicas` pieces whose sizes differ by at most one, so that the pieces put back one after the
    other, as strategy.gather puts the replicas' predictions back, give the array again."""
    for array, replicas in [(np.arange(128), 2), (np.arange(10), 4), (np.arange(20).reshape(10, 2), 3),
                            (np.arange(3), 3)]:
        what = f"shares of an array of {len(array)} rows for {replicas} replicas"
        pieces = call(shares, array, replicas, description=what)
        require(pieces is not None and len(pieces) == replicas, f"{what}: expected a list of {replicas} pieces")
        sizes = [len(piece) for piece in pieces]
        require(sum(sizes) == len(array), f"{what} hold {sum(sizes)} rows between them, not {len(array)}: every "
                "row should go to exactly one replica")
        require(max(sizes) - min(sizes) <= 1, f"{what} have sizes {sizes}: they should differ by at most one")
        gathered = np.concatenate([np.asarray(piece) for piece in pieces])
        if not np.array_equal(gathered, array):
            shown = ", ".join(str(row) for row in gathered[:6].tolist())
            raise NotYet(
                f"the {what}, put back one after the other as strategy.gather does, give the rows in another order "
                f"({shown}, ...): the predictions gathered back would no longer line up with the labels"
            )
