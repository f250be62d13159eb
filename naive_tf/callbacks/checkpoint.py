"""Saving a training run at the end of every epoch, and continuing a stopped run where it stopped."""

import json
import os

from naive_tf.callbacks.base import Callback
from naive_tf.checkpoints import load_weights, save_weights

import tensorflow as tf


class ModelCheckpoint(Callback):
    """Saves the run into `directory` at the end of every epoch, replacing the previous save.

    A save holds the weights, the optimizer's state, the state of every random generator the run
    draws from (dropout's, and the one that shuffles the batches), the epoch and the history so far:
    everything a resumed run needs to draw the same numbers an uninterrupted one would.
    checkpoints.load_weights reads the weights back; BackupAndRestore the whole run.
    """

    def __init__(self, directory: str | os.PathLike):
        self.directory = os.fspath(directory)
        self.progress = tf.Variable("", dtype=tf.string, trainable=False)  # JSON: epoch, order, history

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        run = self.run
        progress = {"epoch": epoch, "order": run.order.bit_generator.state, "history": run.history}
        self.progress.assign(json.dumps(progress))
        save_weights(run.model, self.directory, run.optimizer, progress=self.progress, generators=run.model.generators)


class BackupAndRestore(ModelCheckpoint):
    """ModelCheckpoint that first restores the run saved in `directory`, if there is one.

    fit then continues after the saved epoch with the saved weights, optimizer state, random
    generators and history, so that a run stopped (even killed) and started again ends exactly as an
    uninterrupted run would. Unlike Keras' BackupAndRestore it keeps the last save when training ends.
    """

    def on_train_begin(self) -> None:
        if tf.train.latest_checkpoint(self.directory) is None:
            return
        run = self.run
        load_weights(run.model, self.directory, run.optimizer, progress=self.progress, generators=run.model.generators)
        saved = json.loads(self.progress.numpy())
        run.order.bit_generator.state = saved["order"]
        run.history, run.first_epoch = saved["history"], saved["epoch"] + 1
        if run.verbose:
            print(f"resuming after epoch {saved['epoch']} from {self.directory}", flush=True)
