"""Checks of user input that raise errors naming the bad value and what was expected."""

import numpy as np


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


def check_non_negative(name: str, value: float) -> None:
    if not value >= 0:  # also rejects NaN
        raise ValueError(f"{name} must be >= 0, got {value!r}")


def check_fraction(name: str, value: float) -> None:
    if not 0 <= value < 1:
        raise ValueError(f"{name} must be in [0, 1), got {value!r}")


def check_labels(labels, num_classes: int) -> None:
    """Labels must be integers in [0, num_classes): the model has one output per class."""
    labels = np.asarray(labels)
    if not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"labels must be integers, got dtype {labels.dtype}")
    if labels.ndim != 1:
        raise ValueError(f"labels must be one integer per sample (1-D), got shape {labels.shape}")
    out_of_range = (labels < 0) | (labels >= num_classes)
    if out_of_range.any():
        index = int(np.argmax(out_of_range))
        raise ValueError(
            f"label {labels[index]} at index {index} is outside [0, {num_classes}): "
            f"the model has {num_classes} outputs, one per class"
        )


def check_finite(images) -> None:
    """NaN or infinite inputs poison every weight they touch, and in a compiled graph a relu can hide
    the NaN from the loss, so they are refused up front."""
    finite = np.isfinite(images)
    if not finite.all():
        index = np.unravel_index(np.argmin(finite), finite.shape)
        raise ValueError(f"images must be finite numbers, got {images[index]} at index {tuple(map(int, index))}")


def check_dataset(model, images, labels) -> None:
    """Images and labels must pair up, images be finite, and each label name one of the model's outputs."""
    check_same_length(images, labels)
    if len(images) == 0:
        raise ValueError("the dataset is empty: got 0 images")
    check_finite(images)
    num_classes = model(images[:1]).shape[-1]
    check_labels(labels, num_classes)
