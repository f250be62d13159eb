"""The gradients of the 784-512-10 network worked out by hand with the chain rule.

For a batch of n images x with labels y, the network and its mean loss are

    z1 = x W1 + b1,   h = relu(z1),   z2 = h W2 + b2,   p = softmax(z2),   L = -(1/n) sum_i log p[i, y_i]

and going backwards, each line reuses the one before:

    dL/dz2 = (p - onehot(y)) / n          softmax and cross-entropy together: predicted minus true
    dL/dW2 = h^T dL/dz2,                  dL/db2 = sum over the batch of dL/dz2
    dL/dh  = dL/dz2 W2^T
    dL/dz1 = dL/dh * [z1 > 0]             relu lets the gradient through where it let the signal through
    dL/dW1 = x^T dL/dz1,                  dL/db1 = sum over the batch of dL/dz1
"""

from naive_tf.dense import NaiveDense
from naive_tf.losses import sparse_categorical_crossentropy

import tensorflow as tf


def check_two_layer_network(model) -> None:
    layers = getattr(model, "layers", None)
    activations = [getattr(layer, "activation", None) for layer in layers or []]
    if (len(activations) != 2 or not all(isinstance(layer, NaiveDense) for layer in layers)
            or activations != [tf.nn.relu, tf.nn.softmax]):
        raise ValueError(
            "backprop_gradients works out the gradients of NaiveDense(relu) followed by NaiveDense(softmax), "
            f"got layers {layers!r} with activations {activations!r}"
        )


def backprop_gradients(model, images, labels) -> tuple[tf.Tensor, list[tf.Tensor]]:
    """The mean loss and its gradients with respect to model.weights = [W1, b1, W2, b2], by hand."""
    check_two_layer_network(model)
    hidden_layer, output_layer = model.layers
    images = tf.convert_to_tensor(images, dtype=hidden_layer.W.dtype)
    n = images.shape[0]

    z1 = tf.matmul(images, hidden_layer.W) + hidden_layer.b
    h = tf.nn.relu(z1)
    p = tf.nn.softmax(tf.matmul(h, output_layer.W) + output_layer.b)
    loss = tf.reduce_mean(sparse_categorical_crossentropy(labels, p))

    dz2 = (p - tf.one_hot(tf.cast(labels, tf.int32), p.shape[-1], dtype=p.dtype)) / n
    dW2 = tf.matmul(h, dz2, transpose_a=True)
    db2 = tf.reduce_sum(dz2, axis=0)
    dh = tf.matmul(dz2, output_layer.W, transpose_b=True)
    dz1 = dh * tf.cast(z1 > 0, dh.dtype)
    dW1 = tf.matmul(images, dz1, transpose_a=True)
    db1 = tf.reduce_sum(dz1, axis=0)
    return loss, [dW1, db1, dW2, db2]
