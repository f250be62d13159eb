"""Callbacks: objects whose hooks fit calls as training goes, so that the loop stays small."""

from dataclasses import dataclass, field

import numpy as np


@dataclass
class TrainingRun:
    """What fit shares with its callbacks: the model and optimizer, the generator that shuffles the
    batches, the run's length, the history so far, and the epoch the loop starts from (a callback
    that restores a stopped run moves it on)."""

    model: object
    optimizer: object
    order: np.random.Generator
    epochs: int
    batches_per_epoch: int
    verbose: int
    history: dict = field(default_factory=dict)
    first_epoch: int = 1


class Callback:
    """The hooks fit calls, under Keras' names; each does nothing unless a subclass overrides it.

    Epochs and batches are numbered from 1. `logs` holds the figures so far: after a batch, the
    running mean loss and accuracy of the epoch; after an epoch, the epoch's (and val_ ones).
    `self.run` is the TrainingRun, set by fit before on_train_begin.
    """

    run: TrainingRun

    def set_run(self, run: TrainingRun) -> None:
        self.run = run

    def on_train_begin(self) -> None:
        pass

    def on_epoch_begin(self, epoch: int) -> None:
        pass

    def on_batch_end(self, batch: int, logs: dict[str, float]) -> None:
        pass

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        pass

    def on_train_end(self) -> None:
        """Called when training ends, also when it stops with an error."""


class CallbackList(Callback):
    """Several callbacks acting as one: each hook calls the callbacks' hooks in order."""

    def __init__(self, callbacks: list[Callback]):
        self.callbacks = list(callbacks)

    def set_run(self, run: TrainingRun) -> None:
        for callback in self.callbacks:
            callback.set_run(run)

    def on_train_begin(self) -> None:
        self.begun = []
        for callback in self.callbacks:
            callback.on_train_begin()
            self.begun.append(callback)

    def on_epoch_begin(self, epoch: int) -> None:
        for callback in self.callbacks:
            callback.on_epoch_begin(epoch)

    def on_batch_end(self, batch: int, logs: dict[str, float]) -> None:
        for callback in self.callbacks:
            callback.on_batch_end(batch, logs)

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        for callback in self.callbacks:
            callback.on_epoch_end(epoch, logs)

    def on_train_end(self) -> None:
        """Ends only the callbacks whose on_train_begin ran to the end: the others hold nothing."""
        for callback in self.begun:
            callback.on_train_end()
