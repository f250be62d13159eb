"""Using a trained model: predictions in batches, and the accuracy and loss they reach."""

from naive_tf.checks import as_images, check_dataset, check_labels, check_positive_int, check_same_length
from naive_tf.losses import sparse_categorical_crossentropy

import numpy as np


def predict(model, images, batch_size: int = 1024) -> np.ndarray:
    """The model's outputs for all images, computed a batch at a time to bound memory use."""
    check_positive_int("batch_size", batch_size)
    images = as_images(model, images)
    batches = [model(images[start : start + batch_size]).numpy() for start in range(0, len(images), batch_size)]
    return np.concatenate(batches) if batches else model(images).numpy()  # no images: no rows


def accuracy(predictions: np.ndarray, labels) -> float:
    """The fraction of samples whose highest-scoring class is the true label."""
    predictions = np.asarray(predictions)
    if predictions.ndim != 2 or len(predictions) == 0:
        raise ValueError(
            f"predictions must be one row of class scores per sample, at least one, got shape {predictions.shape}"
        )
    labels = check_labels(labels, num_classes=predictions.shape[-1])
    check_same_length(predictions, labels)
    return float(np.mean(np.argmax(predictions, axis=-1) == labels))


def evaluate(model, images, labels, batch_size: int = 1024) -> float:
    """The model's accuracy on a labelled dataset."""
    images, labels = check_dataset(model, images, labels)
    return accuracy(predict(model, images, batch_size), labels)


def validation_logs(model, validation_data, loss=sparse_categorical_crossentropy) -> dict[str, float]:
    """The mean loss and the accuracy on validation_data = (images, labels), named as fit logs them."""
    images, labels = validation_data
    predictions = predict(model, images)
    return {"val_loss": float(np.mean(loss(labels, predictions))), "val_accuracy": accuracy(predictions, labels)}
