"""What fit saves at the end of each epoch so that a stopped run can continue exactly as if it had not."""

import json
import os

import numpy as np
import tensorflow as tf

from naive_tf.checkpoints import load_weights, save_weights


class TrainingCheckpoint:
    """A checkpoint folder for one training run.

    Besides the weights and the optimizer's state it holds the random generators of dropout layers,
    the state of the generator that shuffles the batches, the last finished epoch and the history
    so far: everything a resumed run needs to draw the same numbers an uninterrupted one would.
    """

    def __init__(self, directory: str | os.PathLike, model, optimizer, order: np.random.Generator):
        self.directory = os.fspath(directory)
        self.model, self.optimizer, self.order = model, optimizer, order
        self.generators = [layer.generator for layer in getattr(model, "layers", []) if hasattr(layer, "generator")]
        self.progress = tf.Variable("", dtype=tf.string, trainable=False)  # JSON: epoch, order, history

    def save(self, epoch: int, history: dict) -> str:
        self.progress.assign(json.dumps({"epoch": epoch, "order": self.order.bit_generator.state, "history": history}))
        return save_weights(self.model, self.directory, self.optimizer, progress=self.progress,
                            generators=self.generators)

    def restore(self) -> tuple[int, dict] | None:
        """The last finished epoch and the history up to it, or None when the folder holds no checkpoint."""
        if tf.train.latest_checkpoint(self.directory) is None:
            return None
        load_weights(self.model, self.directory, self.optimizer, progress=self.progress, generators=self.generators)
        saved = json.loads(self.progress.numpy())
        self.order.bit_generator.state = saved["order"]
        return saved["epoch"], saved["history"]
