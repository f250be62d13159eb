"""Loading any dataset stored the way MNIST is: four IDX files in one folder."""

import os
from pathlib import Path

from naive_tf.datasets.errors import DataFileError
from naive_tf.datasets.idx import read_idx

import numpy as np

# The four file names, in the order load_data returns their arrays.
# Fashion-MNIST and other drop-in replacements use the same names.
FILE_NAMES = (
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
)

Split = tuple[np.ndarray, np.ndarray]


def find_idx_file(folder: Path, name: str) -> Path | None:
    """Return `folder/name.gz` or else `folder/name` if it exists, else None."""
    for candidate in (folder / f"{name}.gz", folder / name):
        if candidate.is_file():
            return candidate
    return None


def load_idx_folder(path: str | os.PathLike[str]) -> tuple[Split, Split]:
    """Load a dataset in MNIST's format from the folder `path`.

    The folder must hold the four MNIST file names, each gzip-compressed
    (NAME.gz) or raw (NAME). Returns ((x_train, y_train), (x_test, y_test)),
    like `mnist.load_data`, but without checking the content against MNIST.
    """
    folder = Path(path)
    files = {name: find_idx_file(folder, name) for name in FILE_NAMES}
    missing = [name for name, file in files.items() if file is None]
    if missing:
        raise FileNotFoundError(
            f"{folder}: missing {', '.join(missing)}. A dataset in MNIST's format "
            f"needs all four of {', '.join(FILE_NAMES)} in one folder, each as "
            "NAME.gz or raw NAME."
        )
    train_images, train_labels, test_images, test_labels = files.values()
    return (
        _load_split(train_images, train_labels),
        _load_split(test_images, test_labels),
    )


def _load_split(images_file: Path, labels_file: Path) -> Split:
    """Read one images file and its labels file, checking that they match."""
    images, labels = read_idx(images_file), read_idx(labels_file)
    if images.ndim != 3:
        raise DataFileError(
            f"{images_file}: expected images of shape (count, height, width), "
            f"found shape {images.shape}. Check that this is an images file."
        )
    if labels.ndim != 1:
        raise DataFileError(
            f"{labels_file}: expected labels of shape (count,), found shape "
            f"{labels.shape}. Check that this is a labels file."
        )
    if len(images) != len(labels):
        raise DataFileError(
            f"{images_file} holds {len(images)} images but {labels_file} holds "
            f"{len(labels)} labels; the counts must agree. Use the images and "
            "labels of the same dataset and split."
        )
    return images, labels
