"""One step of gradient descent: forward pass, loss, gradients, weight update."""

import tensorflow as tf

from naive_tf.losses import sparse_categorical_crossentropy
from naive_tf.sequential import call_layer


def update_weights(gradients: list, weights: list[tf.Variable], learning_rate: float = 1e-3) -> None:
    """Plain gradient descent: move each weight a small step against its gradient, w <- w - lr * g."""
    for gradient, weight in zip(gradients, weights):
        weight.assign_sub(gradient * learning_rate)


def training_step(model, images, labels, learning_rate: float = 1e-3, optimizer=None) -> tuple[tf.Tensor, tf.Tensor]:
    """Train on one batch; return its mean loss and the predictions it was computed from.

    Without an optimizer the weights get plain gradient descent (update_weights); with one, its
    apply_gradients(zip(gradients, weights)) decides the update.
    """
    with tf.GradientTape() as tape:
        predictions = call_layer(model, images, training=True)
        per_sample_losses = sparse_categorical_crossentropy(labels, predictions)
        average_loss = tf.reduce_mean(per_sample_losses)
    gradients = tape.gradient(average_loss, model.weights)
    if optimizer is None:
        update_weights(gradients, model.weights, learning_rate)
    else:
        optimizer.apply_gradients(zip(gradients, model.weights))
    return average_loss, predictions


def one_training_step(model, images, labels, learning_rate: float = 1e-3, optimizer=None) -> tf.Tensor:
    """The source notebook's training step: train on one batch and return its mean loss."""
    average_loss, _ = training_step(model, images, labels, learning_rate, optimizer)
    return average_loss
