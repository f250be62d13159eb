"""Datasets: MNIST and any other dataset stored in MNIST's IDX format."""

from naive_tf.datasets import mnist
from naive_tf.datasets.errors import ChecksumError, DataFileError
from naive_tf.datasets.folder import load_idx_folder
from naive_tf.datasets.idx import read_idx

__all__ = ["ChecksumError", "DataFileError", "load_idx_folder", "mnist", "read_idx"]
