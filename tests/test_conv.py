from naive_tf import set_seed, sparse_categorical_crossentropy
from naive_tf.conv import NaiveConv2D
from naive_tf.flatten import NaiveFlatten
from naive_tf.gradient_check import gradient_check
from naive_tf.initializers import fans, glorot_uniform
from naive_tf.pooling import NaiveMaxPool2D

import keras
import numpy as np
import pytest
import tensorflow as tf


@pytest.mark.parametrize("kernel_size, strides, padding, expected", [
    (3, 1, "valid", (2, 26, 26, 8)),
    (3, 1, "same", (2, 28, 28, 8)),
    (5, 2, "valid", (2, 12, 12, 8)),
    (3, 2, "same", (2, 14, 14, 8)),
])
def test_output_shapes(kernel_size, strides, padding, expected):
    layer = NaiveConv2D(3, 8, kernel_size, strides=strides, padding=padding)
    assert layer(tf.zeros((2, 28, 28, 3))).shape == expected
    assert layer.W.shape == (kernel_size, kernel_size, 3, 8) and layer.b.shape == (8,)


def test_same_outputs_as_keras_conv2d_with_the_same_weights():
    set_seed(0)
    images = tf.random.uniform((2, 9, 9, 3))
    ours = NaiveConv2D(3, 4, 3, strides=2, padding="same", activation=tf.nn.relu)
    ours.b.assign([0.1, -0.2, 0.3, 0.0])
    theirs = keras.layers.Conv2D(4, 3, strides=2, padding="same", activation="relu")
    theirs.build(images.shape)
    theirs.set_weights([ours.W.numpy(), ours.b.numpy()])
    np.testing.assert_allclose(ours(images).numpy(), theirs(images).numpy(), atol=1e-6)


def test_a_convolution_computes_patch_sums_by_hand():
    layer = NaiveConv2D(1, 1, 2, initializer=lambda shape: tf.ones(shape))
    image = tf.reshape(tf.range(9, dtype=tf.float32), (1, 3, 3, 1))  # 0 1 2 / 3 4 5 / 6 7 8
    np.testing.assert_array_equal(layer(image).numpy()[0, :, :, 0], [[8, 12], [20, 24]])


def test_max_pooling_keeps_the_maximum_of_each_window_and_flatten_keeps_order():
    image = tf.reshape(tf.range(16, dtype=tf.float32), (1, 4, 4, 1))
    pooled = NaiveMaxPool2D(2)(image)
    np.testing.assert_array_equal(pooled.numpy()[0, :, :, 0], [[5, 7], [13, 15]])
    assert NaiveMaxPool2D(2)(tf.zeros((3, 5, 5, 2))).shape == (3, 2, 2, 2)  # the odd edge is dropped
    np.testing.assert_array_equal(NaiveFlatten()(pooled).numpy(), [[5, 7, 13, 15]])


def test_conv_gradients_pass_a_finite_difference_check():
    set_seed(0)
    float64_glorot = lambda shape: tf.cast(glorot_uniform(shape), tf.float64)  # noqa: E731
    conv = NaiveConv2D(2, 5, 3, strides=2, padding="same", activation=tf.nn.tanh, initializer=float64_glorot)
    images = tf.random.uniform((2, 5, 5, 2), dtype=tf.float64)
    labels = np.array([1, 4])

    def loss():  # (2, 5, 5, 2) -> conv (2, 3, 3, 5) -> pool (2, 1, 1, 5) -> a softmax over 5 values
        probabilities = tf.nn.softmax(NaiveFlatten()(NaiveMaxPool2D(2)(conv(images))))
        return tf.reduce_mean(sparse_categorical_crossentropy(labels, probabilities))

    assert gradient_check(loss, conv.weights) < 1e-7


def test_glorot_fans_count_the_receptive_field():
    assert fans((784, 512)) == (784, 512)
    assert fans((3, 3, 32, 64)) == (9 * 32, 9 * 64)


@pytest.mark.parametrize("shape, message", [
    ((2, 28, 28), r"in_channels=1\), got shape \(2, 28, 28\)"),
    ((2, 28, 28, 3), r"in_channels=1\), got shape \(2, 28, 28, 3\)"),
])
def test_wrong_rank_or_channels_are_rejected(shape, message):
    with pytest.raises(ValueError, match=message):
        NaiveConv2D(1, 4, 3)(tf.zeros(shape))


def test_bad_arguments_and_pooling_input_are_rejected():
    with pytest.raises(ValueError, match="padding must be one of \\('valid', 'same'\\), got 'full'"):
        NaiveConv2D(1, 4, 3, padding="full")
    with pytest.raises(ValueError, match="kernel_size must be a positive integer, got 0"):
        NaiveConv2D(1, 4, 0)
    with pytest.raises(ValueError, match=r"NaiveMaxPool2D expects images .* got shape \(2, 784\)"):
        NaiveMaxPool2D()(tf.zeros((2, 784)))
