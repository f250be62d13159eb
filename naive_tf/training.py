"""One step of training: forward pass, loss, gradients, and the optimizer's update of the weights."""

from naive_tf.layer import call_layer
from naive_tf.losses import sparse_categorical_crossentropy
from naive_tf.optimizers.sgd import plain_gradient_descent

import tensorflow as tf


def training_step(
    model, images, labels, optimizer, loss=sparse_categorical_crossentropy
) -> tuple[tf.Tensor, tf.Tensor]:
    """Train on one batch; return its mean loss and the predictions it was computed from.

    `loss(labels, predictions)` gives one loss per sample; the optimizer's
    apply_gradients(zip(gradients, weights)) decides how the weights move.
    """
    with tf.GradientTape() as tape:
        predictions = call_layer(model, images, training=True)
        average_loss = tf.reduce_mean(loss(labels, predictions))
    gradients = tape.gradient(average_loss, model.weights)
    optimizer.apply_gradients(zip(gradients, model.weights))
    return average_loss, predictions


def one_training_step(model, images, labels, learning_rate: float = 1e-3, optimizer=None) -> tf.Tensor:
    """The source notebook's training step: train on one batch and return its mean loss.

    Without an optimizer the weights get plain gradient descent at learning_rate, the source's
    update_weights, which is what SGD without momentum does.
    """
    average_loss, _ = training_step(model, images, labels, optimizer or plain_gradient_descent(learning_rate))
    return average_loss
