"""Saving a training run at the end of every epoch, and continuing a stopped run where it stopped."""

import json
import os

from naive_tf.callbacks.base import Callback
from naive_tf.checkpoints import (
    CheckpointError,
    latest_checkpoint,
    load_weights,
    prepare_folder,
    read_checkpoint,
    trackable_state,
    write_checkpoint,
)
from naive_tf.folder_lock import FolderLock

import tensorflow as tf

PROGRESS_KEY = "progress/.ATTRIBUTES/VARIABLE_VALUE"


class ModelCheckpoint(Callback):
    """Saves the run into `directory` at the end of every epoch, replacing the previous save.

    A save holds the weights, the optimizer's state, the state of every random generator the run
    draws from (dropout's, and the one that shuffles the batches), the epoch, the history so far and
    the run's `arguments` (a dict, for BackupAndRestore to compare): everything a resumed run needs to
    draw the same numbers an uninterrupted one would. checkpoints.load_weights reads the weights back.

    Before training starts, the folder is created if need be and locked, so that one run at a time
    writes there; a folder that already holds a run's checkpoint is refused unless overwrite=True.
    """

    def __init__(self, directory: str | os.PathLike, overwrite: bool = False, arguments: dict | None = None):
        self.directory = directory
        self.overwrite, self.arguments = overwrite, arguments or {}
        self.progress = tf.Variable("", dtype=tf.string, trainable=False)  # JSON: epoch, order, history, arguments
        self.saved_epoch = None

    def on_train_begin(self) -> None:
        self.folder = prepare_folder(self.directory)
        self.lock = FolderLock(self.folder)
        self.lock.acquire()
        try:
            self.start(latest_checkpoint(self.folder))
        except BaseException:
            self.lock.release()  # fit ends only the callbacks that began
            raise

    def start(self, latest: str | None) -> None:
        """What to do with the run the folder already holds, if any: refuse to replace it, unless told to."""
        if latest is not None and not self.overwrite:
            raise CheckpointError(
                f"{self.folder} already holds the checkpoint of a run ({os.path.basename(latest)}): resume it "
                "(BackupAndRestore, --resume), replace it (overwrite=True, --overwrite), or choose another folder"
            )

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        run = self.run
        progress = {"epoch": epoch, "order": run.order.bit_generator.state, "history": run.history,
                    "arguments": self.arguments}
        self.progress.assign(json.dumps(progress))
        state = trackable_state(run.model, run.optimizer, progress=self.progress, generators=run.model.generators)
        write_checkpoint(self.folder, state)
        self.saved_epoch = epoch

    def on_train_end(self) -> None:
        self.lock.release()


class BackupAndRestore(ModelCheckpoint):
    """ModelCheckpoint that first restores the run saved in `directory`, if there is one.

    fit then continues after the saved epoch with the saved weights, optimizer state, random
    generators and history, so that a run stopped (even killed) and started again ends exactly as an
    uninterrupted run would. A saved run whose `arguments` differ from these is refused, naming the
    argument, before anything is restored. Unlike Keras' BackupAndRestore, it keeps the last save
    when training ends.
    """

    def start(self, latest: str | None) -> None:
        """Restore the run the folder holds, if any: it is this run's past, not another run's."""
        if latest is None:
            return
        saved = json.loads(read_checkpoint(latest, lambda reader: reader.get_tensor(PROGRESS_KEY)))
        self.check_arguments(saved.get("arguments", {}))
        run = self.run
        load_weights(run.model, self.folder, run.optimizer, progress=self.progress, generators=run.model.generators)
        run.order.bit_generator.state = saved["order"]
        run.history, run.first_epoch = saved["history"], saved["epoch"] + 1
        self.saved_epoch = saved["epoch"]
        if run.verbose:
            print(f"resuming after epoch {saved['epoch']} from {self.directory}", flush=True)

    def check_arguments(self, saved: dict) -> None:
        for name in sorted(saved.keys() | self.arguments.keys()):
            if saved.get(name) != self.arguments.get(name):
                raise ValueError(
                    f"{name} is {self.arguments.get(name)!r} here but {saved.get(name)!r} in the run saved in "
                    f"{self.folder}: resume with the same {name}, or start afresh (overwrite=True, --overwrite)"
                )


class RestoreOnly(BackupAndRestore):
    """BackupAndRestore for a worker of a multi-worker run other than the chief: it restores the run
    the chief saved and writes nothing, as the chief saves for all (the workers hold the same weights).

    It takes no lock: the chief writes its first save only after every worker's batches of an epoch,
    so after every worker has restored.
    """

    def on_train_begin(self) -> None:
        self.folder = self.directory
        self.start(latest_checkpoint(self.folder))

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        pass

    def on_train_end(self) -> None:
        pass
