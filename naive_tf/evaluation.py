"""Using a trained model: predictions in batches, and the accuracy they reach."""

import numpy as np

from naive_tf.checks import check_dataset, check_positive_int


def predict(model, images, batch_size: int = 1024) -> np.ndarray:
    """The model's outputs for all images, computed a batch at a time to bound memory use."""
    check_positive_int("batch_size", batch_size)
    batches = [model(images[start : start + batch_size]).numpy() for start in range(0, len(images), batch_size)]
    return np.concatenate(batches)


def accuracy(predictions: np.ndarray, labels) -> float:
    """The fraction of samples whose highest-scoring class is the true label."""
    return float(np.mean(np.argmax(predictions, axis=-1) == np.asarray(labels)))


def evaluate(model, images, labels, batch_size: int = 1024) -> float:
    """The model's accuracy on a labelled dataset."""
    check_dataset(model, images, labels)
    return accuracy(predict(model, images, batch_size), labels)
