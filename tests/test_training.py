from naive_tf import (
    NaiveDense,
    NaiveSequential,
    one_training_step,
    set_seed,
    sparse_categorical_crossentropy,
    update_weights,
)

import keras
import numpy as np
import tensorflow as tf


def small_model():
    set_seed(0)
    return NaiveSequential([NaiveDense(20, 16, activation=tf.nn.relu), NaiveDense(16, 5, activation=tf.nn.softmax)])


def small_batch(n=32):
    rng = np.random.default_rng(1)
    return rng.random((n, 20), dtype=np.float32), rng.integers(0, 5, size=n)


def test_update_weights_steps_against_the_gradient():
    weight = tf.Variable([1.0, 2.0])
    update_weights([tf.constant([10.0, -20.0])], [weight], learning_rate=0.1)
    np.testing.assert_allclose(weight.numpy(), [0.0, 4.0])


def test_one_training_step_applies_the_tape_gradient_and_returns_the_mean_loss():
    model, (images, labels) = small_model(), small_batch()
    before = [weight.numpy() for weight in model.weights]
    # The oracle: Keras' loss and an independent tape over the same weights.
    with tf.GradientTape() as tape:
        expected_loss = tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(labels, model(images)))
    expected_gradients = tape.gradient(expected_loss, model.weights)

    loss = one_training_step(model, images, labels, learning_rate=0.5)

    np.testing.assert_allclose(float(loss), float(expected_loss), rtol=1e-6)
    for old, new, gradient in zip(before, model.weights, expected_gradients):
        np.testing.assert_allclose(new.numpy(), old - 0.5 * gradient.numpy(), atol=1e-6)


def test_one_training_step_uses_the_given_optimizer():
    model, (images, labels) = small_model(), small_batch()
    reference = small_model()
    optimizer = keras.optimizers.SGD(learning_rate=0.5)
    one_training_step(model, images, labels, optimizer=optimizer)
    one_training_step(reference, images, labels, learning_rate=0.5)
    for ours, theirs in zip(model.weights, reference.weights):
        np.testing.assert_allclose(ours.numpy(), theirs.numpy(), atol=1e-6)
    assert optimizer.iterations.numpy() == 1


def test_a_step_lowers_the_loss_on_its_batch():
    model, (images, labels) = small_model(), small_batch()
    mean_loss = lambda: float(tf.reduce_mean(sparse_categorical_crossentropy(labels, model(images))))  # noqa: E731
    before = mean_loss()
    one_training_step(model, images, labels, learning_rate=0.1)
    assert mean_loss() < before
