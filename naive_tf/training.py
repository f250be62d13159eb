"""One step of training: forward pass, loss, gradients, and the optimizer's update of the weights."""

from naive_tf.layer import call_layer
from naive_tf.losses import sparse_categorical_crossentropy
from naive_tf.metrics import count_correct
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


def training_steps(
    model, images, labels, batches, optimizer, loss=sparse_categorical_crossentropy, step=training_step
) -> tuple[tf.Tensor, tf.Tensor, tf.Tensor]:
    """Train on several batches, one step each; return what the metrics need: the sum of the losses
    (each batch's mean loss times its size), the number of right predictions, and the number of samples.

    `batches` (batches.epoch_batches makes them) holds one row of sample indices per batch and says
    which rows to train on; each batch is picked out of images and labels with tf.gather. Compiled by
    tf.function, the loop becomes part of the graph: one call from Python runs every step, and only the
    three sums come back. `step` trains on one batch, as training_step does.
    """
    loss_sum, correct, seen = tf.zeros((), images.dtype), tf.zeros((), tf.int64), tf.zeros((), tf.int64)
    # In a graph, AutoGraph makes this loop a tf.while_loop. A `for` over tf.range would be one too, but XLA
    # takes tf.range's bounds as constants, and would compile the steps anew for each start.
    row = batches.start
    while row < batches.stop:
        indices = tf.gather(batches.indices, row)
        images_batch, labels_batch = tf.gather(images, indices), tf.gather(labels, indices)
        batch_loss, predictions = step(model, images_batch, labels_batch, optimizer, loss)
        batch_size = tf.shape(labels_batch, out_type=tf.int64)[0]
        loss_sum += batch_loss * tf.cast(batch_size, images.dtype)
        correct += count_correct(predictions, labels_batch)
        seen += batch_size
        row += 1
    return loss_sum, correct, seen


def one_training_step(model, images, labels, learning_rate: float = 1e-3, optimizer=None) -> tf.Tensor:
    """The source notebook's training step: train on one batch and return its mean loss.

    Without an optimizer the weights get plain gradient descent at learning_rate, the source's
    update_weights, which is what SGD without momentum does.
    """
    average_loss, _ = training_step(model, images, labels, optimizer or plain_gradient_descent(learning_rate))
    return average_loss
