"""Where the tests find MNIST: $NAIVE_TF_DATA_DIR (CI sets it), else the offline copy beside the checkout."""

import os
from pathlib import Path

MNIST_DIR = Path(os.environ.get("NAIVE_TF_DATA_DIR") or Path(__file__).resolve().parents[2] / "shared/data/mnist")
