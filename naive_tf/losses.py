"""Sparse categorical cross-entropy, written with TensorFlow ops.

For one sample with integer label y and predicted class probabilities p, the loss is -log(p[y]):
zero when the model puts all its probability on the right class, growing without bound as p[y] -> 0.
"""

from naive_tf.checks import check_labels

import tensorflow as tf

# Probabilities are kept within [EPSILON, 1 - EPSILON] before the logarithm, as Keras does, so that a
# probability of exactly 0 gives a large finite loss instead of infinity.
EPSILON = 1e-7


def _pick_label_entries(labels: tf.Tensor, log_probabilities: tf.Tensor) -> tf.Tensor:
    """Per-sample -log p[label]: the one-hot mask keeps the entry of the true class in each row."""
    num_classes = log_probabilities.shape[-1]
    if tf.executing_eagerly():  # a label outside [0, num_classes) would have an all-zero mask, and a loss of 0
        check_labels(labels, num_classes)
    one_hot = tf.one_hot(tf.cast(labels, tf.int32), num_classes, dtype=log_probabilities.dtype)
    return -tf.reduce_sum(one_hot * log_probabilities, axis=-1)


def sparse_categorical_crossentropy(labels: tf.Tensor, probabilities: tf.Tensor) -> tf.Tensor:
    """Per-sample losses -log p[label] for rows of probabilities (for example a softmax output)."""
    clipped = tf.clip_by_value(probabilities, EPSILON, 1 - EPSILON)
    # Clipping moves the rows slightly off a sum of 1; dividing by the row sum puts them back.
    normalized = clipped / tf.reduce_sum(clipped, axis=-1, keepdims=True)
    return _pick_label_entries(labels, tf.math.log(normalized))


def sparse_categorical_crossentropy_from_logits(labels: tf.Tensor, logits: tf.Tensor) -> tf.Tensor:
    """Per-sample losses -log softmax(logits)[label], finite even for logits of +-1e4.

    log softmax(z)_i = z_i - log sum_j exp(z_j). Subtracting the row maximum m first does not change
    the result (the m cancels) but keeps every exp() argument <= 0, so nothing overflows.
    """
    shifted = logits - tf.reduce_max(logits, axis=-1, keepdims=True)
    log_probabilities = shifted - tf.math.log(tf.reduce_sum(tf.exp(shifted), axis=-1, keepdims=True))
    return _pick_label_entries(labels, log_probabilities)
