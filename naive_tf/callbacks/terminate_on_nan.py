"""Stopping at the first batch whose loss is not a finite number."""

import math

from naive_tf.callbacks.base import Callback


class TerminateOnNaN(Callback):
    """Raises FloatingPointError naming the epoch and batch where the loss became NaN or infinite.

    Keras' TerminateOnNaN stops training quietly; raising instead means that the caller cannot mistake
    a run that diverged for one that finished. Once a loss is NaN, every weight it touches is too.
    """

    def on_epoch_begin(self, epoch: int) -> None:
        self.epoch = epoch

    def on_batch_end(self, batch: int, logs: dict[str, float]) -> None:
        if not math.isfinite(logs["loss"]):
            raise FloatingPointError(
                f"the loss became {logs['loss']} at epoch {self.epoch}, batch {batch}; training stopped. "
                "Lower the learning rate, and check the images for NaN or infinite values"
            )
