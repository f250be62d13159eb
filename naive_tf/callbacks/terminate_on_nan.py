"""Stopping as soon as training produces a number that is not finite, in the loss or in a weight."""

import math

from naive_tf.callbacks.base import Callback

import numpy as np


class TerminateOnNaN(Callback):
    """Raises FloatingPointError naming the epoch and the batch by which the loss became NaN or
    infinite (that batch, or one before it in the same call when fit runs several steps per call),
    and at the end of each epoch, naming any weight that holds a NaN or an infinity.

    A weight can turn NaN while the loss stays finite (a division by zero in an optimizer's update, for
    one, where the inputs that meet that weight are zero), and every prediction it touches is wrong
    from then on. Keras' TerminateOnNaN stops training quietly; raising instead means that the caller
    cannot mistake a run that diverged for one that finished.
    """

    def on_epoch_begin(self, epoch: int) -> None:
        self.epoch = epoch

    def on_batch_end(self, batch: int, logs: dict[str, float]) -> None:
        if not math.isfinite(logs["loss"]):
            raise FloatingPointError(
                f"the loss became {logs['loss']} at epoch {self.epoch} by batch {batch}; training stopped. "
                "Lower the learning rate, and check the images for NaN or infinite values"
            )

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        for index, weight in enumerate(self.run.model.weights):
            bad = int(np.sum(~np.isfinite(weight.numpy())))
            if bad:
                raise FloatingPointError(
                    f"weight {index} ({weight.name.split(':')[0]}, shape {tuple(weight.shape)}) holds {bad} NaN or "
                    f"infinite values after epoch {epoch}, though the loss stayed finite; training stopped. The "
                    "update made them: check the optimizer's arguments (a zero epsilon divides by zero)"
                )
