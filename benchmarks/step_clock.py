"""Timing Keras' training steps apart from the waits of its data pipeline.

Keras' fit feeds its steps from a tf.data pipeline and makes a new iterator over it every epoch. With
TensorFlow 2.21, dropping an iterator can block until tf.data's autotuning thread wakes up by itself,
for up to several seconds, with the CPU idle: before an epoch's first batch, or as fit returns
(benchmarks/README.md shows the stack). A wall clock around model.fit counts those waits; StepClock
counts only each epoch's span from the start of its first batch to the end of its last.
"""

import time

import keras


class StepClock(keras.callbacks.Callback):
    """Seconds of Keras' steps in each call of model.fit: `calls[i]` sums, over the i-th call's epochs,
    the time from the start of each epoch's first batch to the epoch's end (its last batch done)."""

    def __init__(self):
        super().__init__()
        self.calls = []
        self._epoch_start = None

    def on_train_begin(self, logs=None):
        self.calls.append(0.0)

    def on_train_batch_begin(self, batch, logs=None):
        if batch == 0:
            self._epoch_start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.calls[-1] += time.perf_counter() - self._epoch_start
