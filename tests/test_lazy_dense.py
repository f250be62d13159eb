from naive_tf import LazyDense, NaiveDense, NaiveSequential, evaluate, fit, set_seed

import numpy as np
import pytest
import tensorflow as tf


def test_there_are_no_weights_before_the_first_call():
    layer = LazyDense(5, activation=tf.nn.relu)
    assert layer.weights == [] and layer.dense is None


def test_the_first_call_creates_weights_shaped_by_the_input():
    set_seed(0)
    layer = LazyDense(5)
    outputs = layer(tf.ones((3, 7)))
    assert outputs.shape == (3, 5)
    dense = layer.dense
    assert dense.input_size == 7 and dense.W.shape == (7, 5) and dense.b.shape == (5,)
    assert layer.weights == [dense.W, dense.b]
    assert all(isinstance(weight, tf.Variable) for weight in layer.weights)
    W = dense.W.numpy()
    assert W.min() >= 0 and W.max() < 0.1 and not dense.b.numpy().any()  # the source's initialization
    layer(tf.ones((2, 7)))
    assert layer.dense is dense and layer.weights[0] is dense.W  # built once, not again


@pytest.mark.parametrize("activation", [None, tf.nn.relu, tf.nn.softmax])
def test_same_outputs_as_naive_dense_with_the_same_weights(activation):
    inputs = np.random.default_rng(0).normal(size=(6, 4)).astype(np.float32)
    naive = NaiveDense(4, 3, activation=activation, initializer=lambda shape: tf.random.normal(shape, seed=1))
    naive.b.assign([0.5, -0.5, 0.1])
    lazy = LazyDense(3, activation=activation)
    lazy(inputs)
    for lazy_weight, naive_weight in zip(lazy.weights, naive.weights):
        lazy_weight.assign(naive_weight)
    np.testing.assert_array_equal(lazy(inputs).numpy(), naive(inputs).numpy())


def test_a_changed_input_size_names_both_sizes():
    layer = LazyDense(4)
    layer(tf.zeros((2, 784)))
    with pytest.raises(ValueError, match=r"input_size=784, got shape \(2, 28, 28\) \(last dimension 28\)"):
        layer(tf.zeros((2, 28, 28)))


@pytest.mark.parametrize("output_size", [0, -3, 2.5])
def test_output_size_must_be_a_positive_integer(output_size):
    with pytest.raises(ValueError, match=f"output_size must be a positive integer, got {output_size!r}"):
        LazyDense(output_size)


def test_a_model_of_lazy_layers_needs_no_input_sizes_and_trains_with_fit():
    rng = np.random.default_rng(1)
    images = rng.random((200, 8), dtype=np.float32)
    labels = images[:, :3].argmax(axis=1).astype(np.uint8)
    set_seed(0)
    centred = lambda shape: tf.random.uniform(shape, -0.5, 0.5)  # noqa: E731
    model = NaiveSequential([LazyDense(16, tf.nn.relu, initializer=centred),
                             LazyDense(3, tf.nn.softmax, initializer=centred)])
    assert model.weights == []
    history = fit(model, images, labels, epochs=20, batch_size=20, learning_rate=0.5, verbose=0)
    assert [tuple(weight.shape) for weight in model.weights] == [(8, 16), (16,), (16, 3), (3,)]
    assert history["loss"][-1] < 0.7 * history["loss"][0]
    assert evaluate(model, images, labels) > 0.7


def test_lazy_layers_draw_the_same_initial_weights_as_naive_dense_layers():
    set_seed(0)
    naive = NaiveSequential([NaiveDense(784, 32, tf.nn.relu), NaiveDense(32, 10, tf.nn.softmax)])
    set_seed(0)
    lazy = NaiveSequential([LazyDense(32, tf.nn.relu), LazyDense(10, tf.nn.softmax)])
    lazy(tf.zeros((1, 784)))
    for lazy_weight, naive_weight in zip(lazy.weights, naive.weights, strict=True):
        np.testing.assert_array_equal(lazy_weight.numpy(), naive_weight.numpy())
