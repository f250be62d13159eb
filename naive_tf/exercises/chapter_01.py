"""Chapter 1, the dense layer: softmax by hand, softmax's indifference to a shift, and a layer's formula."""

from naive_tf.exercises.registry import NotYet, as_array, as_number, call, exercise, require

import numpy as np
import tensorflow as tf


@exercise("1.1", "softmax in NumPy")
def check_row_softmax(row_softmax) -> None:
    """Write row_softmax(z): the softmax of each row of a 2-D NumPy array z, with NumPy only.

    Checked against tf.nn.softmax on batches of several shapes, one of them with entries near 1000.
    """
    rng = np.random.default_rng(1)
    cases = [rng.normal(size=(2, 3)), rng.normal(scale=5, size=(4, 10)), np.array([[1000.0, 1001.0, 1002.0]])]
    for z in cases:
        result = as_array(call(row_softmax, z.copy(), description=f"row_softmax on an array of shape {z.shape}"),
                          z.shape, "row_softmax")
        expected = tf.nn.softmax(z).numpy()
        if not np.all(np.isfinite(result)):
            raise NotYet(
                f"on the row {z[0].tolist()} your result holds NaN or infinity: exp(1000) overflows. softmax(z) is "
                "unchanged when the same number is subtracted from every entry of a row; which number keeps every "
                "exponent at most 0?"
            )
        if not np.allclose(result.sum(axis=-1), 1):
            whole = "the whole array sums to 1, but " if np.isclose(result.sum(), 1) else ""
            raise NotYet(f"{whole}each row of the result should sum to 1: one probability distribution per sample")
        require(np.allclose(result, expected, rtol=1e-6, atol=1e-9),
                f"for an array of shape {z.shape} your rows sum to 1 but differ from tf.nn.softmax: "
                "softmax(z)_i = exp(z_i) / sum_j exp(z_j), within each row")


@exercise("1.2", "softmax of shifted numbers")
def check_shifted_softmax(prediction) -> None:
    """Predict the largest entry of tf.nn.softmax([101.0, 102.0, 103.0]), to three decimals."""
    expected = float(tf.nn.softmax(tf.constant([101.0, 102.0, 103.0]))[2])
    hint = "Softmax depends only on the differences between the entries of a row."
    predicted = as_number(prediction, hint)
    if predicted > 0.99:
        raise NotYet(f"{hint} The three numbers are 1 apart, not far apart.")
    require(abs(predicted - expected) < 1e-3, f"{hint} Which row from this chapter has the same differences?")


@exercise("1.3", "the layer that adds its bias too late")
def check_fixed_dense(dense_class) -> None:
    """Fix the class (given with a bug) so that it computes activation(inputs @ W + b), as NaiveDense does.

    Checked with the chapter's hand-made x, W and b and with random ones, with relu, softmax and no activation.
    """
    rng = np.random.default_rng(3)
    hand_made = (np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 2.0]]), np.array([[1.0, -1.0], [0.0, 2.0], [-1.0, 1.0]]),
                 np.array([0.5, -3.0]))
    random = (rng.normal(size=(4, 5)), rng.normal(size=(5, 3)), rng.normal(size=3))
    for (x, W, b), activation, by_numpy in [
        (hand_made, tf.nn.relu, lambda z: np.maximum(z, 0)),
        (random, tf.nn.softmax, lambda z: np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)),
        (random, None, lambda z: z),
    ]:
        name = getattr(activation, "__name__", "no activation")
        layer = call(dense_class, W.shape[0], W.shape[1], activation=activation,
                     description=f"creating the layer ({W.shape[0]}, {W.shape[1]}, {name})")
        require(all(isinstance(weight, tf.Variable) for weight in getattr(layer, "weights", [None])),
                "the layer's weights should be tf.Variables, listed in `weights`")
        call(layer.W.assign, W.astype("float32"), description="assigning W")
        call(layer.b.assign, b.astype("float32"), description="assigning b")
        result = as_array(call(layer, tf.constant(x, tf.float32), description="calling the layer"),
                          (x.shape[0], W.shape[1]), "the layer")
        require(np.allclose(result, by_numpy(x @ W + b), rtol=1e-5, atol=1e-5),
                f"with {name}, the output differs from activation(x @ W + b): in which order does your layer "
                "multiply, add the bias, and apply the activation?")
