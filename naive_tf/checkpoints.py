"""Saving and restoring a model's weights, and an optimizer's state, with tf.train.Checkpoint.

A checkpoint folder holds numbered checkpoints and a small index file naming the latest.
tf.train.CheckpointManager writes a new checkpoint completely before it rewrites that index (by
writing a temporary file and renaming it over the old one), and deletes the older checkpoint only
after that: a crash in the middle of a save leaves the previous checkpoint in place and named.
"""

import os

import tensorflow as tf


def trackable_state(model, optimizer=None, **extra) -> tf.train.Checkpoint:
    """What a checkpoint holds: the model's weights in order, the optimizer's variables (its step
    counter and slots, once built for these weights), and any extra trackable objects."""
    state = {"weights": list(model.weights), **extra}
    if optimizer is not None:
        optimizer.build(model.weights)
        state["optimizer_variables"] = optimizer.variables
    return tf.train.Checkpoint(**state)


def save_weights(model, path: str | os.PathLike, optimizer=None, **extra) -> str:
    """Save a new checkpoint into the folder `path`; return its prefix."""
    manager = tf.train.CheckpointManager(trackable_state(model, optimizer, **extra), os.fspath(path), max_to_keep=1)
    # A new number each time, never the name of the checkpoint that a crash might leave as the latest.
    latest = manager.latest_checkpoint
    return manager.save(checkpoint_number=1 if latest is None else int(latest.rsplit("-", 1)[1]) + 1)


def load_weights(model, path: str | os.PathLike, optimizer=None, **extra) -> str:
    """Restore the latest checkpoint in the folder `path` into the model (and optimizer); return its prefix.

    Every variable must exist in the checkpoint with the shape it has here: a checkpoint of
    another architecture is refused with the name of the first variable that differs.
    """
    prefix = tf.train.latest_checkpoint(os.fspath(path))
    if prefix is None:
        raise FileNotFoundError(f"no checkpoint in {os.fspath(path)!r}: save_weights writes one there")
    saved_shapes = tf.train.load_checkpoint(prefix).get_variable_to_shape_map()
    check_weight_shapes(model, saved_shapes, prefix)
    if optimizer is not None and "optimizer_variables/0/.ATTRIBUTES/VARIABLE_VALUE" not in saved_shapes:
        raise ValueError(f"checkpoint {prefix!r} holds no optimizer state: it was saved without an optimizer")
    status = trackable_state(model, optimizer, **extra).restore(prefix)
    status.assert_existing_objects_matched()
    status.expect_partial()  # loading the weights alone leaves the optimizer's state unread, on purpose
    return prefix


def check_weight_shapes(model, saved: dict, prefix: str) -> None:
    """Compare the model's weights with those saved under `prefix`, one by one, before restoring."""
    saved_shapes = {int(key.split("/")[1]): tuple(shape) for key, shape in saved.items() if key.startswith("weights/")}
    if len(saved_shapes) != len(model.weights):
        raise ValueError(
            f"checkpoint {prefix!r} holds {len(saved_shapes)} weights, the model has {len(model.weights)}: "
            "it was saved from another architecture"
        )
    for index, weight in enumerate(model.weights):
        if saved_shapes[index] != tuple(weight.shape):
            raise ValueError(
                f"weight {index} ({weight.name.split(':')[0]}) has shape {tuple(weight.shape)} in this model but "
                f"{saved_shapes[index]} in checkpoint {prefix!r}: it was saved from another architecture"
            )
