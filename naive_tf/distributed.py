"""A training step spread over the replicas of a tf.distribute.Strategy: each replica trains on its
share of the batch, and the gradients are added up across replicas before one update."""

from naive_tf.layer import call_layer

import numpy as np
import tensorflow as tf


def distributed_step(strategy: tf.distribute.Strategy, step: str = "graph"):
    """A step like training.training_step, (model, images, labels, optimizer, loss) -> (mean loss,
    predictions), that runs on every replica of `strategy`: its devices, or its worker processes.

    Each replica computes its share's loss as a sum divided by the size of the whole batch, so that
    the all-reduce, which adds the replicas' gradients, gives the gradient of the batch's mean loss:
    the same update one device would make on the same batch. "graph" compiles it with tf.function;
    "eager" runs it op by op; XLA is not offered, as it compiles for one device.
    """
    if step not in ("graph", "eager"):
        raise ValueError(f"step must be 'graph' or 'eager' with a strategy, got {step!r}: XLA compiles for one device")

    def replica_step(model, images, labels, loss, batch_size):
        with tf.GradientTape() as tape:
            predictions = call_layer(model, images, training=True)
            replica_loss = tf.reduce_sum(loss(labels, predictions)) / batch_size
        return replica_loss, tape.gradient(replica_loss, model.weights), predictions

    def all_replicas_step(model, images, labels, optimizer, loss, batch_size):
        losses, gradients, predictions = strategy.run(replica_step, args=(model, images, labels, loss, batch_size))
        gradients = [strategy.reduce(tf.distribute.ReduceOp.SUM, gradient, axis=None) for gradient in gradients]
        optimizer.apply_gradients(zip(gradients, model.weights))
        return strategy.reduce(tf.distribute.ReduceOp.SUM, losses, axis=None), strategy.gather(predictions, axis=0)

    run_on_replicas = tf.function(all_replicas_step) if step == "graph" else all_replicas_step

    def train_step(model, images, labels, optimizer, loss):
        batch_size = tf.constant(len(labels), tf.float32)
        return run_on_replicas(model, shard(strategy, images), shard(strategy, labels), optimizer, loss, batch_size)

    return train_step


def shard(strategy: tf.distribute.Strategy, array: np.ndarray):
    """The array cut into one consecutive piece per replica, as a value strategy.run hands each replica
    its own piece of (made a tensor on the replica's device)."""
    pieces = np.array_split(array, strategy.num_replicas_in_sync)
    return strategy.experimental_distribute_values_from_function(
        lambda context: pieces[context.replica_id_in_sync_group]
    )


def check_created_in_scope(strategy: tf.distribute.Strategy, model) -> None:
    for index, weight in enumerate(model.weights):
        if not strategy.extended.variable_created_in_scope(weight):
            raise ValueError(
                f"weight {index} ({weight.name}) was not created under the strategy's scope: build the model inside "
                "`with strategy.scope():` so that each replica holds a copy of its weights"
            )
