"""Test data: where MNIST is, and files in its IDX format made from any array."""

import os
from pathlib import Path

import numpy as np

# $NAIVE_TF_DATA_DIR (CI sets it), else the offline copy beside the checkout.
MNIST_DIR = Path(os.environ.get("NAIVE_TF_DATA_DIR") or Path(__file__).resolve().parents[2] / "shared/data/mnist")


def idx_bytes(array: np.ndarray) -> bytes:
    """Encode `array` in the IDX format, independently of the code under test."""
    type_codes = {"u1": 0x08, "i1": 0x09, "i2": 0x0B, "i4": 0x0C, "f4": 0x0D, "f8": 0x0E}
    header = bytes([0, 0, type_codes[array.dtype.str[1:]], array.ndim])
    sizes = b"".join(size.to_bytes(4, "big") for size in array.shape)
    return header + sizes + array.astype(array.dtype.newbyteorder(">")).tobytes()


def write_small_idx_dataset(folder: Path, train: int = 600, test: int = 200) -> Path:
    """A dataset in MNIST's format and file names, quick to train on: each image's class is where
    a bright block sits in it, over random faint noise."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(0)
    for prefix, count in (("train", train), ("t10k", test)):
        labels = rng.integers(0, 10, size=count).astype(np.uint8)
        images = rng.integers(0, 40, size=(count, 28, 28)).astype(np.uint8)
        for image, label in zip(images, labels):
            image[2 * label : 2 * label + 6, 4:10] = 255
        (folder / f"{prefix}-images-idx3-ubyte").write_bytes(idx_bytes(images))
        (folder / f"{prefix}-labels-idx1-ubyte").write_bytes(idx_bytes(labels))
    return folder
