"""Ctrl-C that stops training between two batches, where stopping is safe."""

import signal
import threading

from naive_tf.callbacks.base import Callback


class StopOnInterrupt(Callback):
    """Turns Ctrl-C (SIGINT) into a KeyboardInterrupt raised after the current batch.

    Python raises KeyboardInterrupt wherever the program happens to be when the signal arrives: in
    the middle of a checkpoint being written, or inside a finalizer, whose exceptions Python reports
    and then drops, so that training goes on. Noting the signal and raising at the end of the batch
    avoids both. A second Ctrl-C, for a batch that takes too long, interrupts at once.
    """

    def on_train_begin(self) -> None:
        self.asked = False
        self.previous = None
        if threading.current_thread() is threading.main_thread():  # only the main thread may set handlers
            self.previous = signal.signal(signal.SIGINT, self.ask)

    def ask(self, signal_number, frame) -> None:
        self.asked = True
        signal.signal(signal.SIGINT, self.previous)

    def on_batch_end(self, batch: int, logs: dict[str, float]) -> None:
        if self.asked:
            raise KeyboardInterrupt

    def on_train_end(self) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
