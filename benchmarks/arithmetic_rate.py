"""How fast the bounds of epoch_time.py do their arithmetic, beside one large matrix product.

A bound's rate is the multiplications and additions of its operations, two per multiply-add, divided
by its time for an epoch of 60,000 images. The large product, 1024 x 1024 times 1024 x 1024 (each
number read once for a thousand multiply-adds), runs about as near this machine's peak as TensorFlow
gets. A bound that computes at that rate is limited by the arithmetic itself: only an algorithm with
fewer multiplications, not a faster way to call the same kernels, could make its operations quicker.
The three take turns, in a new order each round (alternating.py); each figure is a median.

    .venv/bin/python benchmarks/arithmetic_rate.py [--rounds 5]
"""

import argparse
import statistics
from collections.abc import Callable

import naive_tf  # noqa: F401  first: it imports TensorFlow quietly

import tensorflow as tf
from alternating import time_alternately
from epoch_time import BATCH_SIZE, SIZES, convolution_bound, matmul_bound, positive_int

EXAMPLES = 60_000
STEPS = -(-EXAMPLES // BATCH_SIZE)
LARGE, LARGE_PRODUCTS = 1024, 100


def matmul_flops_per_step() -> int:
    """The five products of an MLP step: two on W1's shape (x W1, x^T dz1), three on W2's."""
    n_in, n_hidden, n_out = SIZES
    return 2 * BATCH_SIZE * (2 * n_in * n_hidden + 3 * n_hidden * n_out)


def convolution_flops_per_step() -> int:
    """The five convolutions of a CNN step: the first layer's 28 x 28 x 32 outputs, each 3 x 3 x 1
    multiply-adds, twice (forward and the weights' gradient); the second layer's 14 x 14 x 64, each
    3 x 3 x 32, three times (forward and the two gradients)."""
    return 2 * BATCH_SIZE * (2 * 28 * 28 * 32 * 3 * 3 * 1 + 3 * 14 * 14 * 64 * 3 * 3 * 32)


def large_products() -> Callable[[], None]:
    """LARGE_PRODUCTS calls of one LARGE x LARGE matrix product, compiled once."""
    a, b = tf.random.uniform((LARGE, LARGE)), tf.random.uniform((LARGE, LARGE))
    product = tf.function(lambda: a @ b, autograph=False)

    def products():
        for _ in range(LARGE_PRODUCTS):
            product()
    return products


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=positive_int, default=5)
    rounds = parser.parse_args().rounds
    runners = {"matmul bound (MLP)": matmul_bound(EXAMPLES), "convolution bound (CNN)": convolution_bound(EXAMPLES),
               f"{LARGE_PRODUCTS} products {LARGE} x {LARGE}": large_products()}
    flops = [matmul_flops_per_step() * STEPS, convolution_flops_per_step() * STEPS,
             LARGE_PRODUCTS * 2 * LARGE**3]
    print(f"median of {rounds} rounds after a warm-up; TensorFlow {tf.__version__}")
    for (name, seconds), operations in zip(time_alternately(runners, rounds).items(), flops):
        median = statistics.median(seconds)
        print(f"{name:30s} {median:6.2f} s  {operations / median / 1e9:5.0f} GFLOP/s  "
              f"({operations / 1e9:.0f} GFLOP)")


if __name__ == "__main__":
    main()
