from naive_tf import sparse_categorical_crossentropy, sparse_categorical_crossentropy_from_logits

import keras
import numpy as np
import pytest
import tensorflow as tf


def random_batch(seed, dtype, scale=2.0, n=256, classes=10):
    rng = np.random.default_rng(seed)
    logits = tf.constant(rng.normal(scale=scale, size=(n, classes)), dtype=dtype)
    labels = rng.integers(0, classes, size=n).astype(np.uint8)
    return labels, logits


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("dtype", [tf.float32, tf.float64])
def test_matches_keras_on_random_probabilities(seed, dtype):
    labels, logits = random_batch(seed, dtype)
    probabilities = tf.nn.softmax(logits)
    ours = sparse_categorical_crossentropy(labels, probabilities)
    theirs = keras.losses.sparse_categorical_crossentropy(labels, probabilities)
    assert ours.shape == (256,)
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), atol=1e-6, rtol=0)


@pytest.mark.parametrize("seed", range(5))
def test_from_logits_matches_keras(seed):
    labels, logits = random_batch(seed, tf.float32, scale=10.0)
    ours = sparse_categorical_crossentropy_from_logits(labels, logits)
    theirs = keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), atol=1e-6, rtol=1e-6)


def test_probabilities_of_zero_and_one_give_finite_losses_and_gradients():
    probabilities = tf.constant([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]])
    labels = np.array([0, 0, 1])
    with tf.GradientTape() as tape:
        tape.watch(probabilities)
        losses = sparse_categorical_crossentropy(labels, probabilities)
        mean_loss = tf.reduce_mean(losses)
    gradient = tape.gradient(mean_loss, probabilities)
    assert np.isfinite(losses.numpy()).all() and np.isfinite(gradient.numpy()).all()
    np.testing.assert_allclose(losses.numpy(), [-np.log(1e-7), 1e-7, np.log(2)], rtol=1e-3, atol=1e-6)
    keras_losses = keras.losses.sparse_categorical_crossentropy(labels, probabilities)
    np.testing.assert_allclose(losses.numpy(), keras_losses.numpy(), atol=1e-6)


def test_from_logits_stays_finite_for_extreme_logits():
    logits = tf.constant([[1e4, -1e4, 0.0], [-1e4, 1e4, 0.0], [1e4, 1e4, 1e4]])
    labels = np.array([0, 0, 2])
    with tf.GradientTape() as tape:
        tape.watch(logits)
        losses = sparse_categorical_crossentropy_from_logits(labels, logits)
        total_loss = tf.reduce_sum(losses)
    gradient = tape.gradient(total_loss, logits)
    np.testing.assert_allclose(losses.numpy(), [0.0, 2e4, np.log(3)], rtol=1e-6)
    assert np.isfinite(gradient.numpy()).all()
