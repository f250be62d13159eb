from naive_tf import NaiveDense, NaiveSequential, set_seed
from naive_tf.dropout import NaiveDropout
from naive_tf.optimizers.sgd import plain_gradient_descent
from naive_tf.training import training_step

import numpy as np
import pytest
import tensorflow as tf


def test_inactive_at_inference():
    inputs = tf.random.uniform((4, 10))
    assert NaiveDropout(0.5, seed=0)(inputs) is inputs
    assert NaiveDropout(0.5, seed=0)(inputs, training=False) is inputs


def test_training_drops_about_rate_and_keeps_the_expected_sum():
    inputs = tf.ones((1000, 100))
    outputs = NaiveDropout(0.3, seed=0)(inputs, training=True).numpy()
    np.testing.assert_allclose(np.unique(outputs), [0.0, 1 / 0.7], rtol=1e-6)
    assert np.mean(outputs == 0) == pytest.approx(0.3, abs=0.01)
    assert outputs.mean() == pytest.approx(1.0, abs=0.01)


def test_seeded_masks_repeat_and_successive_calls_differ():
    inputs = tf.ones((8, 8))
    first, second = NaiveDropout(0.5, seed=3), NaiveDropout(0.5, seed=3)
    np.testing.assert_array_equal(first(inputs, training=True), second(inputs, training=True))
    assert not np.array_equal(first(inputs, training=True), first(inputs, training=True))
    set_seed(1)
    unseeded_a = NaiveDropout(0.5)(inputs, training=True)
    set_seed(1)
    np.testing.assert_array_equal(unseeded_a, NaiveDropout(0.5)(inputs, training=True))


def test_the_training_flag_reaches_dropout_in_a_model_and_a_compiled_step():
    set_seed(0)
    model = NaiveSequential([NaiveDense(5, 50), NaiveDropout(0.5, seed=0), NaiveDense(50, 3, tf.nn.softmax)])
    inputs = tf.random.uniform((4, 5))
    np.testing.assert_array_equal(model(inputs), model(inputs))  # inference: deterministic
    assert not np.allclose(model(inputs, training=True), model(inputs, training=True))
    _, predictions = tf.function(training_step)(model, inputs, np.array([0, 1, 2, 0]), plain_gradient_descent(0.0))
    assert not np.allclose(predictions, model(inputs))


@pytest.mark.parametrize("rate", [-0.1, 1.0])
def test_rate_outside_unit_interval_is_rejected(rate):
    with pytest.raises(ValueError, match=rf"rate must be in \[0, 1\), got {rate}"):
        NaiveDropout(rate)
