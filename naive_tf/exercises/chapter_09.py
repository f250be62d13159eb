"""Chapter 9, a convolutional network: a convolution by hand, the size of a feature map, and a flatten
that mixes up the samples."""

from naive_tf.conv import NaiveConv2D
from naive_tf.exercises.registry import NotYet, as_array, as_number, call, exercise, require
from naive_tf.pooling import NaiveMaxPool2D
from naive_tf.sequential import NaiveSequential

import numpy as np
import tensorflow as tf


@exercise("9.1", "a convolution by hand")
def check_convolve(convolve) -> None:
    """Write convolve(image, kernel): the "valid" convolution of a 2-D NumPy image with a square 2-D kernel,
    as NaiveConv2D computes it (without flipping the kernel, and without a bias).

    Checked against tf.nn.conv2d on images of several shapes, with kernels of sizes 1, 2 and 3.
    """
    rng = np.random.default_rng(13)
    for image_shape, size in [((5, 5), 3), ((6, 8), 2), ((4, 7), 3), ((3, 3), 1)]:
        image, kernel = rng.normal(size=image_shape), rng.normal(size=(size, size))
        expected = tf.nn.conv2d(image[np.newaxis, :, :, np.newaxis], kernel[:, :, np.newaxis, np.newaxis],
                                strides=1, padding="VALID")[0, :, :, 0].numpy()
        result = call(convolve, image, kernel, description=f"convolve on a {image_shape} image, a {size} x {size} "
                      "kernel")
        if np.shape(result) != expected.shape:
            raise NotYet(f"for a {image_shape} image and a {size} x {size} kernel you returned shape "
                         f"{np.shape(result)}, expected {expected.shape}: a patch must fit inside the image")
        result = as_array(result, expected.shape, "convolve")
        flipped = tf.nn.conv2d(image[np.newaxis, :, :, np.newaxis], kernel[::-1, ::-1, np.newaxis, np.newaxis],
                               strides=1, padding="VALID")[0, :, :, 0].numpy()
        if size > 1 and np.allclose(result, flipped):
            raise NotYet("you flipped the kernel, as a convolution in mathematics does; deep learning's does not")
        require(np.allclose(result, expected, atol=1e-9), f"for a {image_shape} image and a {size} x {size} kernel "
                "your values differ from tf.nn.conv2d's: output[i, j] is the sum of the patch whose top-left pixel "
                "is (i, j), times the kernel")


@exercise("9.2", "the size of a feature map")
def check_feature_map_height(prediction) -> None:
    """Predict the height of the output of NaiveConv2D(1, 4, 3) -> NaiveMaxPool2D(2) ->
    NaiveConv2D(4, 4, 3, strides=2, padding="same") -> NaiveMaxPool2D(2), for images of 32 x 32."""
    model = NaiveSequential([
        NaiveConv2D(1, 4, 3, initializer=tf.zeros), NaiveMaxPool2D(2),
        NaiveConv2D(4, 4, 3, strides=2, padding="same", initializer=tf.zeros), NaiveMaxPool2D(2),
    ])
    expected = model(tf.zeros((1, 32, 32, 1))).shape[1]
    hint = ('Follow the height layer by layer: "valid" takes k - 1 off, "same" with strides s keeps ceil(n / s), '
            "pooling by 2 keeps floor(n / 2).")
    predicted = as_number(prediction, hint)
    require(predicted == expected, hint)


@exercise("9.3", "the flatten that mixes up the samples")
def check_fixed_flatten(flatten_class) -> None:
    """Fix the flatten layer (given with a bug) so that it turns (batch, height, width, channels) into
    (batch, height * width * channels), each sample's values in order, as NaiveFlatten does."""
    layer = call(flatten_class, description="creating the layer")
    rng = np.random.default_rng(14)
    for shape in [(2, 3, 3, 1), (2, 5, 5, 3), (4, 2, 3, 8), (1, 4, 4, 2)]:
        inputs = rng.normal(size=shape).astype("float32")
        result = call(layer, tf.constant(inputs), description=f"the layer on inputs of shape {shape}")
        expected = inputs.reshape(shape[0], -1)
        if np.shape(result) != expected.shape:
            raise NotYet(f"inputs of shape {shape} came out as {tuple(np.shape(result))}: one row per sample, "
                         f"{shape[0]} rows, was expected. Which dimensions does your layer leave out?")
        require(np.array_equal(as_array(result, expected.shape, "the layer"), expected),
                f"for inputs of shape {shape}, each row should hold its own sample's values, in order")
