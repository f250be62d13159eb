"""Seconds per epoch of one network, Adam and batches of 128, several ways, in one run.

--model mlp (784-512-10): naive_tf.fit with its compiled step (the default), naive_tf.fit with
compiled=False (the eager loop, op by op), and Keras model.fit on the same architecture,
initialization, optimizer, batch size and data; and a lower bound: the time the epoch's matrix
products alone take at the throughput tf.matmul reaches here on the same shapes.
--model cnn (the cnn recipe's network): naive_tf.fit compiled against Keras model.fit.

After one warm-up epoch each (which traces the graphs), epochs alternate between the contenders so
that a change in the machine's load hits all of them alike; each figure is the median over the rounds.

    NAIVE_TF_DATA_DIR=/path/to/mnist .venv/bin/python benchmarks/epoch_time.py --model mlp [--rounds 5]
"""

import argparse
import statistics
import time

import naive_tf as nt  # first: it imports TensorFlow quietly
import keras
import tensorflow as tf

from naive_tf.datasets import mnist
from naive_tf.initializers import glorot_uniform
from naive_tf.recipes import add_channel_and_scale, build_cnn_model, flatten_and_scale

BATCH_SIZE = 128
SIZES = (28 * 28, 512, 10)


def naive_mlp() -> nt.NaiveSequential:
    return nt.NaiveSequential([
        nt.NaiveDense(SIZES[0], SIZES[1], tf.nn.relu, initializer=glorot_uniform),
        nt.NaiveDense(SIZES[1], SIZES[2], tf.nn.softmax, initializer=glorot_uniform),
    ])


def keras_mlp() -> keras.Model:
    return compiled_keras_model([
        keras.Input((SIZES[0],)),
        keras.layers.Dense(SIZES[1], activation="relu"),  # glorot_uniform weights, zero biases by default
        keras.layers.Dense(SIZES[2], activation="softmax"),
    ])


def keras_cnn() -> keras.Model:
    """The same layers as naive_tf.recipes.build_cnn_model."""
    return compiled_keras_model([
        keras.Input((28, 28, 1)),
        keras.layers.Conv2D(32, 3, padding="same", activation="relu", kernel_initializer="he_normal"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(64, 3, padding="same", activation="relu", kernel_initializer="he_normal"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(128, activation="relu", kernel_initializer="he_normal"),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(10, activation="softmax"),
    ])


def compiled_keras_model(layers: list) -> keras.Model:
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def matmul_bound(examples: int) -> float:
    """Seconds an epoch needs for its matrix products alone, timed here one batch at a time.

    A training step multiplies five matrices: x W1 and h W2 forward; dW2 = h^T dz2, dh = dz2 W2^T
    and dW1 = x^T dz1 backward. No step can be faster than these products, on the same shapes.
    """
    n_in, n_hidden, n_out = SIZES
    x, w1 = tf.random.uniform((BATCH_SIZE, n_in)), tf.random.uniform((n_in, n_hidden))
    h, w2 = tf.random.uniform((BATCH_SIZE, n_hidden)), tf.random.uniform((n_hidden, n_out))
    dz1, dz2 = tf.random.uniform((BATCH_SIZE, n_hidden)), tf.random.uniform((BATCH_SIZE, n_out))
    products = tf.function(lambda: (x @ w1, h @ w2, tf.transpose(h) @ dz2, dz2 @ tf.transpose(w2),
                                    tf.transpose(x) @ dz1))
    products()
    repeats = 500
    start = time.perf_counter()
    for _ in range(repeats):
        products()
    batches = -(-examples // BATCH_SIZE)
    return batches * (time.perf_counter() - start) / repeats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=("mlp", "cnn"), default="mlp")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    (images, labels), _ = mnist.load_data()
    nt.set_seed(0)
    if args.model == "mlp":
        images = flatten_and_scale(images)
        compiled, eager, reference = naive_mlp(), naive_mlp(), keras_mlp()
    else:
        images = add_channel_and_scale(images)
        compiled, eager, reference = build_cnn_model(), None, keras_cnn()
    compiled_adam, eager_adam = nt.optimizers.Adam(), nt.optimizers.Adam()

    runners = {
        "naive_tf.fit, compiled": lambda: nt.fit(compiled, images, labels, 1, BATCH_SIZE, optimizer=compiled_adam,
                                                 verbose=0),
        "naive_tf.fit, eager": lambda: nt.fit(eager, images, labels, 1, BATCH_SIZE, optimizer=eager_adam, verbose=0,
                                              compiled=False),
        "Keras model.fit": lambda: reference.fit(images, labels, batch_size=BATCH_SIZE, epochs=1, shuffle=False,
                                                 verbose=0),
    }
    if eager is None:  # an eager CNN epoch takes minutes and teaches nothing new
        del runners["naive_tf.fit, eager"]
    seconds = {name: [] for name in runners}
    for round_number in range(args.rounds + 1):  # round 0 is the warm-up
        for name, run_one_epoch in runners.items():
            start = time.perf_counter()
            run_one_epoch()
            if round_number:
                seconds[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(values) for name, values in seconds.items()}

    print(f"{args.model}, Adam, batch {BATCH_SIZE}, {len(images)} images; median of {args.rounds} epochs after a warm-up")
    print(f"TensorFlow {tf.__version__}, Keras {keras.__version__}")
    for name, median in medians.items():
        spread = ", ".join(f"{value:.2f}" for value in seconds[name])
        print(f"{name:26s} {median:6.2f} s/epoch   ({spread})")
    print(f"ratio naive compiled / Keras fit: {medians['naive_tf.fit, compiled'] / medians['Keras model.fit']:.2f}")
    if args.model == "mlp":
        bound = matmul_bound(len(images))
        print(f"{'matmul throughput bound':26s} {bound:6.2f} s/epoch")
        print(f"ratio naive compiled / matmul bound: {medians['naive_tf.fit, compiled'] / bound:.2f}")


if __name__ == "__main__":
    main()
