from naive_tf.datasets import flatten_and_scale, mnist

import matplotlib
import pytest
from data_files import MNIST_DIR

matplotlib.use("Agg")  # the diagrams are drawn off-screen: the tests only read what was drawn


@pytest.fixture(scope="session")
def mnist_prepared():
    """MNIST as the dense networks take it: ((60000, 784) float32 in [0, 1], labels), same for the test set."""
    (train_images, train_labels), (test_images, test_labels) = mnist.load_data(MNIST_DIR)
    return (flatten_and_scale(train_images), train_labels), (flatten_and_scale(test_images), test_labels)
