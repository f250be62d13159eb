"""The figures fit reports while it trains: the mean loss and the accuracy over the batches so far."""

import tensorflow as tf


def count_correct(predictions: tf.Tensor, labels: tf.Tensor) -> tf.Tensor:
    """How many samples' highest-scoring class is their label, counted with TensorFlow operations, so
    that a compiled training step counts them inside its graph."""
    predicted = tf.argmax(predictions, axis=-1)
    return tf.reduce_sum(tf.cast(predicted == tf.cast(labels, predicted.dtype), tf.int64))


class RunningMetrics:
    """Averages of the loss and the accuracy over every sample seen so far in an epoch.

    It adds up sums, as training.training_steps returns them: each batch's mean loss times the
    batch's size, so that a smaller last batch weighs what it holds, and the right predictions.
    """

    def __init__(self):
        self.loss_sum, self.correct, self.seen = 0.0, 0, 0

    def update(self, loss_sum: tf.Tensor, correct: tf.Tensor, seen: tf.Tensor) -> dict[str, float]:
        """Add the sums of the batches trained on since the last update; return the averages so far."""
        self.loss_sum += float(loss_sum)
        self.correct += int(correct)
        self.seen += int(seen)
        return self.result()

    def result(self) -> dict[str, float]:
        return {"loss": self.loss_sum / self.seen, "accuracy": self.correct / self.seen}
