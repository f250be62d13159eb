"""Datasets: MNIST and any other dataset stored in MNIST's IDX format."""

from naive_tf.datasets import mnist
from naive_tf.datasets.errors import ChecksumError, DataFileError
from naive_tf.datasets.folder import load_idx_folder
from naive_tf.datasets.idx import read_idx
from naive_tf.datasets.preparation import add_channel_and_scale, flatten_and_scale
from naive_tf.datasets.validation import split_off_validation

__all__ = [
    "ChecksumError",
    "DataFileError",
    "add_channel_and_scale",
    "flatten_and_scale",
    "load_idx_folder",
    "mnist",
    "read_idx",
    "split_off_validation",
]
