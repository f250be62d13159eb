"""Checks of user input that raise errors naming the bad value, what was expected and what to do."""

import math
import numbers
import sys
import warnings

import numpy as np
import tensorflow as tf

# Pixels scaled to [0, 1], or standardized features, stay well below this; 0-255 pixels do not.
LARGEST_SCALED_INPUT = 10.0


def check_same_length(images, labels) -> None:
    if len(images) != len(labels):
        raise ValueError(
            f"images and labels must have the same length, got {len(images)} images and {len(labels)} labels"
        )


def check_positive_int(name: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")


def check_verbose(verbose) -> None:
    if verbose not in (0, 1, 2) or isinstance(verbose, bool):
        raise ValueError(f"verbose must be 0 (silent), 1 (a progress bar) or 2 (one line per epoch), got {verbose!r}")


def check_number(name: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r} of type {type(value).__name__}")


def check_non_negative(name: str, value: float) -> None:
    check_number(name, value)
    if not value >= 0:  # also rejects NaN
        raise ValueError(f"{name} must be >= 0, got {value!r}")


def check_positive(name: str, value: float) -> None:
    check_number(name, value)
    if not value > 0:  # also rejects NaN
        raise ValueError(f"{name} must be > 0, got {value!r}")


def check_fraction(name: str, value: float) -> None:
    check_number(name, value)
    if not 0 <= value < 1:
        raise ValueError(f"{name} must be in [0, 1), got {value!r}")


def warn(message: str) -> None:
    """A UserWarning that points at the line that called naive_tf, not at naive_tf's own code."""
    frame, level = sys._getframe(1), 2  # level 2: the caller of warn
    while frame is not None and frame.f_globals.get("__name__", "").startswith("naive_tf."):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, UserWarning, stacklevel=level)


def check_learning_rate(value: float) -> None:
    check_non_negative("learning_rate", value)
    if value > 10:
        warn(f"learning_rate={value!r} is far above the usual 1e-4 to 1: the weights will likely diverge")


def check_labels(labels, num_classes: int) -> np.ndarray:
    """Labels must be integers in [0, num_classes), one per sample; a column (n, 1) is flattened."""
    labels = np.asarray(labels)
    if not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"labels must be integers, got dtype {labels.dtype}: convert them with labels.astype(int)")
    if labels.ndim == 2 and labels.shape[1] == 1:
        labels = labels[:, 0]
    if labels.ndim != 1:
        raise ValueError(f"labels must be one integer per sample (1-D), got shape {labels.shape}")
    out_of_range = (labels < 0) | (labels >= num_classes)
    if out_of_range.any():
        index = int(np.argmax(out_of_range))
        raise ValueError(
            f"label {labels[index]} at index {index} is outside [0, {num_classes}): "
            f"the model has {num_classes} outputs, one per class"
        )
    return labels


def check_finite(images) -> None:
    """NaN or infinite inputs poison every weight they touch, and in a compiled graph a relu can hide
    the NaN from the loss, so they are refused up front."""
    finite = np.isfinite(images)
    if not finite.all():
        index = np.unravel_index(np.argmin(finite), finite.shape)
        raise ValueError(f"images must be finite numbers, got {images[index]} at index {tuple(map(int, index))}")


def as_images(model, images) -> np.ndarray:
    """Images as the model computes with them: an array of real numbers, a batch of at least one
    sample, converted to the dtype of the model's weights (float32 unless it was built otherwise)."""
    if isinstance(images, tf.data.Dataset):
        raise TypeError(
            "naive_tf takes images and labels as arrays, got a tf.data.Dataset: collect it into arrays first, "
            "for example with np.concatenate over its batches"
        )
    try:
        array = np.asarray(images)
    except ValueError as error:  # nested lists of unequal lengths
        raise ValueError(f"images must form a rectangular array, got {type(images).__name__}: {error}") from None
    if array.dtype == bool or not (np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)):
        raise TypeError(f"images must be real numbers (integers or floats), got dtype {array.dtype}")
    if array.ndim < 2:
        raise ValueError(f"images must be a batch, shaped (count, ...), got shape {array.shape}")
    dtype = tf.as_dtype(model.weights[0].dtype).as_numpy_dtype if model.weights else np.float32
    array = array.astype(dtype, copy=False)
    # The smallest and the largest value, two passes that copy nothing, tell whether any value is NaN (it
    # makes both NaN) or infinite, and how large the values get; check_finite then finds the culprit.
    smallest, largest = (float(array.min()), float(array.max())) if array.size else (0.0, 0.0)
    if not (math.isfinite(smallest) and math.isfinite(largest)):
        check_finite(array)
    reach = max(largest, -smallest)
    if reach > LARGEST_SCALED_INPUT:
        warn(
            f"images reach {reach:g}: unscaled pixels (0 to 255) saturate the network and training stalls. "
            "Divide them by 255 first (naive_tf.datasets.flatten_and_scale does)"
        )
    return array


def check_dataset(model, images, labels) -> tuple[np.ndarray, np.ndarray]:
    """Images and labels as the model takes them: paired up, not empty, images finite numbers of the
    shape the model expects, and each label one of the model's outputs."""
    images = as_images(model, images)
    labels = np.asarray(labels)
    check_same_length(images, labels)
    if len(images) == 0:
        raise ValueError("the dataset is empty: got 0 images")
    num_classes = model(images[:1]).shape[-1]
    return images, check_labels(labels, num_classes)


def check_validation_data(model, validation_data) -> tuple[np.ndarray, np.ndarray]:
    if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
        shape = f" of shape {validation_data.shape}" if hasattr(validation_data, "shape") else ""
        raise ValueError(
            f"validation_data must be a pair (images, labels), got a {type(validation_data).__name__}{shape}"
        )
    return check_dataset(model, *validation_data)
