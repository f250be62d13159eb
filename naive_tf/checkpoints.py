"""Saving and restoring a model's weights, and an optimizer's state, with tf.train.Checkpoint.

A checkpoint folder holds numbered checkpoints, ckpt-N (a .index and a .data file each), and a small
index file, `checkpoint`, naming the latest. A save writes ckpt-N+1 completely, then rewrites the
index (into a temporary file renamed over the old one, in one step), and only then deletes the older
checkpoints: a crash in the middle of a save leaves the previous checkpoint in place and named.
Only files of this folder named like checkpoints are ever read or deleted, whatever the index says.
"""

import os
import re
from collections.abc import Callable
from pathlib import Path

from naive_tf.folder_lock import FolderLock

import tensorflow as tf

CHECKPOINT_NAME = re.compile(r"ckpt-(\d+)")
CHECKPOINT_FILE = re.compile(r"ckpt-\d+\.(index|data-\d+-of-\d+)")
# What TensorFlow raises, depending on where the damage is, when it reads a truncated or altered checkpoint.
UNREADABLE = (tf.errors.OpError, AssertionError, IndexError, RuntimeError, ValueError)


class CheckpointError(OSError):
    """A checkpoint folder that cannot be used as asked: not a folder, not writable, in use by another
    run, holding another run or a damaged checkpoint."""


def trackable_state(model, optimizer=None, **extra) -> tf.train.Checkpoint:
    """What a checkpoint holds: the model's weights in order, the optimizer's variables (its step
    counter and slots, once built for these weights), and any extra trackable objects."""
    state = {"weights": list(model.weights), **extra}
    if optimizer is not None:
        optimizer.build(model.weights)
        state["optimizer_variables"] = optimizer.variables
    return tf.train.Checkpoint(**state)


def save_weights(model, path: str | os.PathLike, optimizer=None, **extra) -> str:
    """Save a new checkpoint into the folder `path`, holding its lock meanwhile; return its prefix."""
    folder = prepare_folder(path)
    with FolderLock(folder):
        return write_checkpoint(folder, trackable_state(model, optimizer, **extra))


def load_weights(model, path: str | os.PathLike, optimizer=None, **extra) -> str:
    """Restore the latest checkpoint in the folder `path` into the model (and optimizer); return its prefix.

    Every variable must exist in the checkpoint with the shape it has here: a checkpoint of
    another architecture is refused with the name of the first variable that differs.
    """
    prefix = latest_checkpoint(path)
    if prefix is None:
        raise FileNotFoundError(f"no checkpoint in {os.fspath(path)!r}: save_weights writes one there")
    saved_shapes = read_checkpoint(prefix, lambda reader: reader.get_variable_to_shape_map())
    check_weight_shapes(model, saved_shapes, prefix)
    if optimizer is not None and "optimizer_variables/0/.ATTRIBUTES/VARIABLE_VALUE" not in saved_shapes:
        raise ValueError(f"checkpoint {prefix!r} holds no optimizer state: it was saved without an optimizer")
    try:
        status = trackable_state(model, optimizer, **extra).restore(prefix)
        status.assert_existing_objects_matched()
    except UNREADABLE as error:
        raise damaged(prefix, error) from None
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


def prepare_folder(path: str | os.PathLike) -> Path:
    """The checkpoint folder, created if need be; refused if it is not a folder or cannot be written."""
    if os.fspath(path) == "":
        raise ValueError("the checkpoint folder's name is empty: name the folder to save checkpoints in")
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise CheckpointError(f"{folder} is a file, not a folder: name a folder to save checkpoints in")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ".write_test").touch()
        (folder / ".write_test").unlink()
    except OSError as error:
        raise CheckpointError(
            f"cannot write in {folder} ({error.strerror}): choose a folder you can write to"
        ) from None
    return folder


def latest_checkpoint(path: str | os.PathLike) -> str | None:
    """The prefix of the checkpoint the folder's index names, or None if there is no index.

    An index naming anything but a ckpt-N of this very folder is refused, so that a save never
    deletes, and a restore never reads, a file outside the folder.
    """
    folder = Path(path)
    if not (folder / "checkpoint").is_file():
        return None
    try:
        named = tf.train.get_checkpoint_state(os.fspath(folder)).model_checkpoint_path
    except (tf.errors.OpError, AttributeError, ValueError) as error:
        raise CheckpointError(
            f"{folder / 'checkpoint'} is not a readable checkpoint index ({error}): delete it to start afresh"
        ) from None
    named_path = Path(named)  # get_checkpoint_state has joined a relative name to the folder's path
    if not CHECKPOINT_NAME.fullmatch(named_path.name) or named_path.parent.resolve() != folder.resolve():
        raise CheckpointError(
            f"{folder / 'checkpoint'} names {named!r}, which is not a checkpoint of this folder (ckpt-N): "
            "delete that index file to start afresh, or restore the folder from a copy"
        )
    return os.fspath(folder / named_path.name)


def write_checkpoint(folder: Path, state: tf.train.Checkpoint) -> str:
    """Write the next checkpoint, name it in the index, then delete the others. The caller holds the lock."""
    latest = latest_checkpoint(folder)
    number = 1 if latest is None else int(CHECKPOINT_NAME.fullmatch(Path(latest).name)[1]) + 1
    name = f"ckpt-{number}"
    state.save_counter  # noqa: B018 (created on first use: written, it lets a restore match every object)
    try:
        state.write(os.fspath(folder / name))
        write_index(folder, name)
    except (tf.errors.OpError, OSError) as error:
        kept = f" ({Path(latest).name}, the previous checkpoint, is intact)" if latest else ""
        raise CheckpointError(
            f"could not save checkpoint {name} in {folder}{kept}: {str(error).splitlines()[0]}. Free some space "
            "or choose another folder"
        ) from None
    for file in folder.iterdir():
        if CHECKPOINT_FILE.fullmatch(file.name) and not file.name.startswith(name + "."):
            file.unlink()
    return os.fspath(folder / name)


def write_index(folder: Path, name: str) -> None:
    """Name `name` the latest checkpoint in the index file TensorFlow reads (tf.train.latest_checkpoint),
    by writing a temporary file and renaming it over the index: readers see the old or the new, whole."""
    temporary = folder / "checkpoint.tmp"
    temporary.write_text(f'model_checkpoint_path: "{name}"\nall_model_checkpoint_paths: "{name}"\n')
    os.replace(temporary, folder / "checkpoint")


def read_checkpoint(prefix: str, read: Callable):
    """read(reader) on a reader of the checkpoint saved under `prefix`, or a clear error if it is damaged."""
    try:
        return read(tf.train.load_checkpoint(prefix))
    except UNREADABLE as error:
        raise damaged(prefix, error) from None


def damaged(prefix: str, error: Exception) -> CheckpointError:
    reason = (getattr(error, "message", None) or str(error)).splitlines()[0]
    return CheckpointError(
        f"checkpoint {prefix} cannot be read ({reason}): it is damaged. Start afresh (delete it, or "
        "overwrite=True, --overwrite), or restore the folder from a copy"
    )
