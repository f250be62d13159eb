from naive_tf import NaiveDense, NaiveSequential, set_seed, sparse_categorical_crossentropy
from naive_tf.backprop import backprop_gradients
from naive_tf.gradient_check import gradient_check, numerical_gradient
from naive_tf.initializers import glorot_uniform

import numpy as np
import pytest
import tensorflow as tf


def network(dtype=tf.float32, sizes=(784, 512, 10)):
    set_seed(0)
    initializer = lambda shape: tf.cast(glorot_uniform(shape), dtype)  # noqa: E731
    return NaiveSequential([NaiveDense(sizes[0], sizes[1], tf.nn.relu, initializer=initializer),
                            NaiveDense(sizes[1], sizes[2], tf.nn.softmax, initializer=initializer)])


def batch(n, width, dtype=np.float32, seed=1):
    rng = np.random.default_rng(seed)
    return rng.random((n, width)).astype(dtype), rng.integers(0, 10, size=n)


def test_hand_derived_gradients_equal_the_tape_in_float32():
    model = network()
    images, labels = batch(128, 784)
    with tf.GradientTape() as tape:
        tape_loss = tf.reduce_mean(sparse_categorical_crossentropy(labels, model(images)))
    tape_gradients = tape.gradient(tape_loss, model.weights)
    loss, gradients = backprop_gradients(model, images, labels)
    assert float(loss) == pytest.approx(float(tape_loss), rel=1e-6)
    for ours, theirs in zip(gradients, tape_gradients):
        assert ours.shape == theirs.shape
        assert np.abs(ours.numpy() - theirs.numpy()).max() < 1e-5


def test_backprop_refuses_other_architectures():
    model = NaiveSequential([NaiveDense(4, 3, tf.nn.sigmoid), NaiveDense(3, 2, tf.nn.softmax)])
    with pytest.raises(ValueError, match="NaiveDense\\(relu\\) followed by NaiveDense\\(softmax\\)"):
        backprop_gradients(model, *batch(2, 4))


def test_gradient_check_passes_for_a_dense_layer_and_catches_a_wrong_gradient():
    model = network(tf.float64, sizes=(6, 5, 10))
    images, labels = batch(8, 6, np.float64)
    loss = lambda: tf.reduce_mean(sparse_categorical_crossentropy(labels, model(images)))  # noqa: E731
    assert gradient_check(loss, model.weights) < 1e-7

    @tf.custom_gradient
    def wrongly_differentiated_square(x):
        return x * x, lambda upstream: upstream * x  # the derivative is 2x, not x
    weight = tf.Variable([1.5, -0.5], dtype=tf.float64)
    assert gradient_check(lambda: tf.reduce_sum(wrongly_differentiated_square(weight)), [weight]) > 0.1


def test_numerical_gradient_of_a_known_function_and_float32_refused():
    weight = tf.Variable([1.0, 2.0, -3.0], dtype=tf.float64)
    np.testing.assert_allclose(numerical_gradient(lambda: tf.reduce_sum(weight**3), weight), 3 * weight.numpy()**2,
                               rtol=1e-8)
    np.testing.assert_array_equal(weight.numpy(), [1.0, 2.0, -3.0])  # restored
    with pytest.raises(ValueError, match="need float64 variables to be accurate, got float32"):
        numerical_gradient(lambda: tf.reduce_sum(weight), tf.Variable([1.0]))
