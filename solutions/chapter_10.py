"""Solutions to the exercises of chapter 10, checkpoints and determinism."""

import naive_tf  # noqa: F401 (first: it imports TensorFlow quietly)

import tensorflow as tf


def copy_weights(source, target) -> None:
    """10.1: every shape is compared before any weight is assigned, so that a refusal changes nothing."""
    source_shapes = [tuple(weight.shape) for weight in source.weights]
    target_shapes = [tuple(weight.shape) for weight in target.weights]
    if source_shapes != target_shapes:
        raise ValueError(f"the models' weights differ: shapes {source_shapes} and {target_shapes}")
    for source_weight, target_weight in zip(source.weights, target.weights):
        target_weight.assign(source_weight)


exercise_10_1 = copy_weights

# 10.2: 1e8 + 5 lies between the float32 numbers 1e8 and 1e8 + 8, nearer the second; minus 1e8 leaves 8.
exercise_10_2 = 8


def training_state(model, optimizer) -> tf.train.Checkpoint:
    """10.3: besides the weights, the optimizer's step count and slots, and dropout's generator, whose
    state decides which units the next steps drop."""
    return tf.train.Checkpoint(weights=model.weights, optimizer_variables=optimizer.variables,
                               generators=model.generators)


exercise_10_3 = training_state
