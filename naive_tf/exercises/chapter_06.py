"""Chapter 6, backpropagation by hand: the gradient at the logits, a central difference by hand, and
relu's backward pass."""

from naive_tf.exercises.registry import NotYet, as_array, as_number, call, exercise, require
from naive_tf.losses import sparse_categorical_crossentropy_from_logits

import numpy as np
import tensorflow as tf


@exercise("6.1", "the gradient at the logits")
def check_logits_gradient(logits_gradient) -> None:
    """Write logits_gradient(logits, labels): dL/dz for L = the mean over the batch of
    -log softmax(z)[label], for a batch of logits z of shape (n, classes).

    Checked against tf.GradientTape on batches of several sizes.
    """
    rng = np.random.default_rng(8)
    for samples, classes in [(4, 3), (8, 10), (1, 5)]:
        logits = tf.constant(rng.normal(size=(samples, classes)))
        labels = rng.integers(0, classes, size=samples)
        with tf.GradientTape() as tape:
            tape.watch(logits)
            loss = tf.reduce_mean(sparse_categorical_crossentropy_from_logits(labels, logits))
        expected = tape.gradient(loss, logits).numpy()
        result = as_array(call(logits_gradient, logits, labels,
                               description=f"logits_gradient on logits of shape ({samples}, {classes})"),
                          (samples, classes), "logits_gradient")
        if samples > 1 and np.allclose(result, expected * samples, atol=1e-6):
            raise NotYet(f"your gradient is {samples} times the tape's, for a batch of {samples}: the loss is the "
                         "mean over the batch")
        away_from_labels = np.ones_like(result, dtype=bool)
        away_from_labels[np.arange(samples), labels] = False
        if np.allclose(result[away_from_labels], expected[away_from_labels], atol=1e-6):
            require(np.allclose(result, expected, atol=1e-6), "your gradient agrees with the tape's except at each "
                    "row's true class: what does the label's one-hot row add there?")
        require(np.allclose(result, expected, atol=1e-6), "your gradient differs from the tape's away from the "
                "labels too: softmax and cross-entropy together have the gradient predicted minus true, over n")


@exercise("6.2", "a central difference by hand")
def check_central_difference(prediction) -> None:
    """Predict the central-difference estimate (L(w + eps) - L(w - eps)) / (2 eps) of the slope of
    L(w) = w**3 at w = 1 with eps = 0.1."""
    def cube(w):
        return w**3

    w, epsilon = 1.0, 0.1
    expected = (cube(w + epsilon) - cube(w - epsilon)) / (2 * epsilon)
    hint = "Compute the two cubes, subtract, and divide by 2 eps."
    predicted = as_number(prediction, hint)
    if predicted == 3:
        raise NotYet("3 is the exact derivative; the estimate with eps = 0.1 is off from it by eps**2 L'''/6")
    if abs(predicted - (cube(w + epsilon) - cube(w)) / epsilon) < 1e-6:
        raise NotYet("that is the one-sided difference (L(w + eps) - L(w)) / eps; the central one looks both ways")
    require(abs(predicted - expected) < 1e-6, hint)


@exercise("6.3", "relu's backward pass")
def check_fixed_relu_backward(relu_backward) -> None:
    """Fix relu_backward(z, upstream) (given with a bug): the gradient with respect to z of
    sum(relu(z) * upstream), for upstream gradients of both signs."""
    rng = np.random.default_rng(9)
    for shape in [(3, 4), (6,), (2, 5, 2)]:
        z, upstream = tf.constant(rng.normal(size=shape)), tf.constant(rng.normal(size=shape))
        with tf.GradientTape() as tape:
            tape.watch(z)
            total = tf.reduce_sum(tf.nn.relu(z) * upstream)
        expected = tape.gradient(total, z).numpy()
        result = as_array(call(relu_backward, z, upstream, description=f"relu_backward on z of shape {shape}"),
                          shape, "relu_backward")
        require(np.allclose(result, expected, atol=1e-12),
                f"for z of shape {shape}, your gradient differs from the tape's: relu lets the gradient through "
                "where it let the signal through. Which of z and upstream decides that?")
