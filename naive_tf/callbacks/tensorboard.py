"""Writing a run's figures and weights where TensorBoard reads them."""

import os

from naive_tf.callbacks.base import Callback
from naive_tf.checks import check_positive_int

import tensorflow as tf

UPDATE_FREQUENCIES = ("epoch", "batch")


class TensorBoard(Callback):
    """Logs training for TensorBoard (`tensorboard --logdir LOG_DIR`, or `make tensorboard`).

    At the end of every epoch: the loss and accuracy in LOG_DIR/train and the validation ones in
    LOG_DIR/validation, under the same names (epoch_loss, epoch_accuracy), so that TensorBoard draws
    the two runs on one chart; and every histogram_freq epochs, a histogram of each weight's values.
    With update_freq="batch", also the running loss and accuracy after every batch (batch_loss,
    batch_accuracy), against the optimizer's step count.
    """

    def __init__(self, log_dir: str | os.PathLike, histogram_freq: int = 1, update_freq: str = "epoch"):
        if histogram_freq != 0:
            check_positive_int("histogram_freq", histogram_freq)
        if update_freq not in UPDATE_FREQUENCIES:
            raise ValueError(f"update_freq must be one of {UPDATE_FREQUENCIES}, got {update_freq!r}")
        self.log_dir, self.histogram_freq, self.update_freq = os.fspath(log_dir), histogram_freq, update_freq

    def on_train_begin(self) -> None:
        self.train_writer = tf.summary.create_file_writer(os.path.join(self.log_dir, "train"))
        self.validation_writer = tf.summary.create_file_writer(os.path.join(self.log_dir, "validation"))

    def on_batch_end(self, batch: int, logs: dict[str, float]) -> None:
        if self.update_freq == "batch":
            with self.train_writer.as_default(step=int(self.run.optimizer.iterations)):
                for name, value in logs.items():
                    tf.summary.scalar(f"batch_{name}", value)

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        with self.train_writer.as_default(step=epoch):
            for name, value in logs.items():
                if not name.startswith("val_"):
                    tf.summary.scalar(f"epoch_{name}", value)
            if self.histogram_freq and epoch % self.histogram_freq == 0:
                for index, weight in enumerate(self.run.model.weights):
                    tf.summary.histogram(f"weights/{index}_{weight.name.split(':')[0]}", weight)
        with self.validation_writer.as_default(step=epoch):
            for name, value in logs.items():
                if name.startswith("val_"):
                    tf.summary.scalar(f"epoch_{name.removeprefix('val_')}", value)

    def on_train_end(self) -> None:
        self.train_writer.close()
        self.validation_writer.close()
