"""The figures fit reports while it trains: the mean loss and the accuracy over the batches so far."""

from naive_tf.evaluation import accuracy

import tensorflow as tf


class RunningMetrics:
    """Averages of the loss and the accuracy over every sample seen so far in an epoch.

    Each batch counts in proportion to its size, so that a smaller last batch weighs what it holds.
    """

    def __init__(self):
        self.loss_sum, self.correct, self.seen = 0.0, 0.0, 0

    def update(self, loss: tf.Tensor, predictions: tf.Tensor, labels) -> dict[str, float]:
        """Add one batch's mean loss and predictions; return the averages so far."""
        self.loss_sum += float(loss) * len(labels)
        self.correct += accuracy(predictions, labels) * len(labels)
        self.seen += len(labels)
        return self.result()

    def result(self) -> dict[str, float]:
        return {"loss": self.loss_sum / self.seen, "accuracy": self.correct / self.seen}
