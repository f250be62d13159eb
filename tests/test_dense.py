from naive_tf import NaiveDense, set_seed

import numpy as np
import pytest
import tensorflow as tf


def test_weights_start_uniform_in_source_range_and_biases_at_zero():
    set_seed(0)
    layer = NaiveDense(784, 512)
    assert layer.W.shape == (784, 512) and layer.b.shape == (512,)
    W = layer.W.numpy()
    assert W.min() >= 0 and W.max() < 0.1 and abs(W.mean() - 0.05) < 1e-3
    assert not layer.b.numpy().any()
    assert layer.weights == [layer.W, layer.b]
    assert all(isinstance(weight, tf.Variable) for weight in layer.weights)


def test_forward_pass_is_activation_of_affine_map():
    layer = NaiveDense(3, 2, activation=tf.nn.relu, initializer=lambda shape: tf.constant([[1.0, -1.0]] * 3))
    layer.b.assign([0.5, 0.5])
    outputs = layer(tf.constant([[1.0, 2.0, 3.0]]))
    np.testing.assert_allclose(outputs.numpy(), [[6.5, 0.0]])


def test_without_activation_the_layer_is_affine():
    layer = NaiveDense(4, 3)
    inputs = np.random.default_rng(0).random((5, 4), dtype=np.float32)
    np.testing.assert_allclose(layer(inputs).numpy(), inputs @ layer.W.numpy() + layer.b.numpy(), rtol=1e-6)


def test_source_spelling_activaton_is_accepted():
    layer = NaiveDense(input_size=2, output_size=2, activaton=tf.nn.softmax)
    assert layer.activation is tf.nn.softmax
    np.testing.assert_allclose(tf.reduce_sum(layer(tf.ones((1, 2))), axis=-1).numpy(), [1.0], rtol=1e-6)


def test_unknown_keyword_is_rejected():
    with pytest.raises(TypeError, match="activatoin"):
        NaiveDense(2, 2, activatoin=tf.nn.relu)


def test_input_of_wrong_size_names_both_sizes():
    layer = NaiveDense(784, 10)
    with pytest.raises(ValueError, match=r"input_size=784.*last dimension 28"):
        layer(tf.zeros((2, 28, 28)))


def test_bias_takes_the_dtype_of_the_initialized_weights():
    layer = NaiveDense(3, 2, initializer=lambda shape: tf.random.uniform(shape, dtype=tf.float64))
    assert layer.W.dtype == layer.b.dtype == tf.float64
    assert layer(tf.ones((1, 3), dtype=tf.float64)).dtype == tf.float64
