"""Seconds per epoch of one network, Adam and batches of 128, several ways, in one run.

--model mlp (784-512-10): naive_tf.fit with its compiled step (step="graph", the default), the same
step compiled by XLA as well (step="xla"), naive_tf.fit as the mlp recipe runs it (its step and its
steps_per_execution), naive_tf.fit with step="eager" (the loop op by op), and
Keras model.fit, as it comes and with jit_compile=True, on the same architecture, initialization,
optimizer, batch size and data; and a lower bound, raced as a contender: the epoch's matrix products
alone, one tf.function call per batch, on the same shapes.
With JAX installed (benchmarks/requirements-jax.txt), the MLP also races JAX: the same network and Adam
written in jax.numpy, one jitted step per batch (jax_mlp.py); without it, that contender is left out
with a note.
--model cnn (the cnn recipe's network): the same contenders, as the cnn recipe runs instead of the mlp
recipe, but the eager loop, JAX and Keras with XLA; its bound is the time of the epoch's convolutions
alone, the kernels naive_tf and Keras both call.

Each call of a contender trains --epochs-per-call epochs (default 1) on the NumPy arrays, as a user's
call of fit does; the figures are seconds per epoch. What a call does before its first step (naive_tf.fit
checks the images and copies them into a tensor, 188 MB for MNIST's) is paid once per call: by every
epoch at one epoch per call, by a tenth of each at 10, as in the recipes' runs (--epochs-per-call 10).

Keras' fit as it comes is given twice: by the wall clock, as a user waits for it, and by its steps alone
(step_clock.StepClock), without the idle waits its data pipeline adds between some epochs.

After one warm-up call each (which traces the graphs), calls alternate between the contenders, in a
new order each round, so that a change in the machine's load hits all of them alike; each figure is the
median over the rounds. --contenders races a few of them only.

    NAIVE_TF_DATA_DIR=/path/to/mnist .venv/bin/python benchmarks/epoch_time.py --model mlp [--rounds 5]
        [--contenders recipe,jax] [--epochs-per-call 10]
"""

import argparse
import statistics
from collections.abc import Callable

import naive_tf as nt  # first: it imports TensorFlow quietly
from naive_tf.datasets import flatten_and_scale, mnist
from naive_tf.initializers import glorot_uniform
from naive_tf.recipes import RECIPES, build_cnn_model

import keras
import numpy as np
import tensorflow as tf
from alternating import time_alternately
from step_clock import StepClock

try:
    from jax_mlp import JaxMLP
except ImportError:  # JAX is optional: pip install -r benchmarks/requirements-jax.txt
    JaxMLP = None

BATCH_SIZE = 128
SIZES = (28 * 28, 512, 10)
COMPILED, COMPILED_XLA, KERAS = "naive_tf.fit, compiled", "naive_tf.fit, compiled, XLA", "Keras model.fit"
AS_RECIPE = "naive_tf.fit, as its recipe runs"
KERAS_STEPS = "Keras model.fit, its steps alone"
JAX = "JAX, jitted step"


def naive_mlp() -> nt.NaiveSequential:
    return nt.NaiveSequential([
        nt.NaiveDense(SIZES[0], SIZES[1], tf.nn.relu, initializer=glorot_uniform),
        nt.NaiveDense(SIZES[1], SIZES[2], tf.nn.softmax, initializer=glorot_uniform),
    ])


def keras_mlp(jit_compile) -> keras.Model:
    return compiled_keras_model([
        keras.Input((SIZES[0],)),
        keras.layers.Dense(SIZES[1], activation="relu"),  # glorot_uniform weights, zero biases by default
        keras.layers.Dense(SIZES[2], activation="softmax"),
    ], jit_compile)


def keras_cnn(jit_compile) -> keras.Model:
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
    ], jit_compile)


def compiled_keras_model(layers: list, jit_compile) -> keras.Model:
    """jit_compile="auto", Keras' default, means no XLA on a machine without a GPU."""
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.Adam(), loss="sparse_categorical_crossentropy", metrics=["accuracy"],
                  jit_compile=jit_compile)
    return model


def matmul_bound(examples: int) -> Callable[[], None]:
    """An epoch of the MLP's matrix products alone, one call per batch.

    A training step multiplies five matrices: x W1 and h W2 forward; dW2 = h^T dz2, dh = dz2 W2^T
    and dW1 = x^T dz1 backward. No step can be faster than these products, on the same shapes.
    """
    n_in, n_hidden, n_out = SIZES
    x, w1 = tf.random.uniform((BATCH_SIZE, n_in)), tf.random.uniform((n_in, n_hidden))
    h, w2 = tf.random.uniform((BATCH_SIZE, n_hidden)), tf.random.uniform((n_hidden, n_out))
    dz1, dz2 = tf.random.uniform((BATCH_SIZE, n_hidden)), tf.random.uniform((BATCH_SIZE, n_out))
    return epoch_of(lambda: (x @ w1, h @ w2, tf.transpose(h) @ dz2, dz2 @ tf.transpose(w2),
                             tf.transpose(x) @ dz1), examples)


def convolution_bound(examples: int) -> Callable[[], None]:
    """An epoch of the CNN's convolutions alone, one call per batch.

    A training step runs five: the first layer's convolution and its weights' gradient (the images
    need none), and the second layer's convolution and its gradients for its input and its weights.
    naive_tf and Keras run the same kernels for them (oneDNN's), so neither can beat this.
    """
    strides = [1, 1, 1, 1]
    x1, w1 = tf.random.uniform((BATCH_SIZE, 28, 28, 1)), tf.random.uniform((3, 3, 1, 32))
    x2, w2 = tf.random.uniform((BATCH_SIZE, 14, 14, 32)), tf.random.uniform((3, 3, 32, 64))
    dy1, dy2 = tf.random.uniform((BATCH_SIZE, 28, 28, 32)), tf.random.uniform((BATCH_SIZE, 14, 14, 64))
    return epoch_of(lambda: (
        tf.nn.conv2d(x1, w1, 1, "SAME"),
        tf.raw_ops.Conv2DBackpropFilter(input=x1, filter_sizes=w1.shape, out_backprop=dy1, strides=strides,
                                        padding="SAME"),
        tf.nn.conv2d(x2, w2, 1, "SAME"),
        tf.raw_ops.Conv2DBackpropInput(input_sizes=x2.shape, filter=w2, out_backprop=dy2, strides=strides,
                                       padding="SAME"),
        tf.raw_ops.Conv2DBackpropFilter(input=x2, filter_sizes=w2.shape, out_backprop=dy2, strides=strides,
                                        padding="SAME"),
    ), examples)


def epoch_of(operations, examples: int) -> Callable[[], None]:
    """An epoch of the operations alone: compiled into one graph, called once per batch of 128. A bound
    races as a contender, so that the machine's load hits it as it hits the others."""
    compiled = tf.function(operations, autograph=False)  # plain operations: nothing for AutoGraph to convert

    def epoch():
        for _ in range(-(-examples // BATCH_SIZE)):
            compiled()
    return epoch


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (rounds, epochs per call)."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text}")
    return value


def training_data(prepare_images: Callable[[np.ndarray], np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """MNIST's training images, prepared for the network by prepare_images, and their labels; everything
    seeded with 0."""
    (images, labels), _ = mnist.load_data()
    nt.set_seed(0)
    return prepare_images(images), labels


def rounds_and_data(doc: str, default_rounds: int,
                    prepare_images=flatten_and_scale) -> tuple[int, np.ndarray, np.ndarray]:
    """For a benchmark described by `doc`: its --rounds argument, and training_data(prepare_images)
    (by default, for the MLP: the images flattened and scaled)."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--rounds", type=positive_int, default=default_rounds)
    return parser.parse_args().rounds, *training_data(prepare_images)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=("mlp", "cnn"), default="mlp")
    parser.add_argument("--rounds", type=positive_int, default=5)
    parser.add_argument("--epochs-per-call", type=positive_int, default=1)
    parser.add_argument("--contenders", help="which to race, comma-separated: compiled, xla, recipe, eager, keras, "
                        "keras-xla, jax (default: all for the MLP; all but eager, keras-xla, jax for the CNN)")
    args = parser.parse_args()

    recipe = RECIPES[args.model]
    images, labels = training_data(recipe.prepare_images)
    build_naive, build_keras = (naive_mlp, keras_mlp) if args.model == "mlp" else (build_cnn_model, keras_cnn)

    epochs = args.epochs_per_call

    def naive_runner(**fit_options):
        model, optimizer = build_naive(), nt.optimizers.Adam()
        return lambda: nt.fit(model, images, labels, epochs, BATCH_SIZE, optimizer=optimizer, verbose=0, **fit_options)

    keras_clock = StepClock()  # on Keras' model.fit as it comes, not on the XLA one

    def keras_runner(jit_compile, callbacks=()):
        model = build_keras(jit_compile)
        return lambda: model.fit(images, labels, batch_size=BATCH_SIZE, epochs=epochs, shuffle=False, verbose=0,
                                 callbacks=list(callbacks))

    def per_call(one_epoch):
        """A call that trains `epochs` epochs, for a contender that trains one per call."""
        return lambda: [one_epoch() for _ in range(epochs)]

    contenders = {
        "compiled": (COMPILED, naive_runner),
        "xla": (COMPILED_XLA, lambda: naive_runner(step="xla")),
        "recipe": (AS_RECIPE, lambda: naive_runner(step=recipe.step, steps_per_execution=recipe.steps_per_execution)),
        "eager": ("naive_tf.fit, eager", lambda: naive_runner(step="eager")),
        "keras": (KERAS, lambda: keras_runner("auto", [keras_clock])),
        "keras-xla": ("Keras model.fit, XLA", lambda: keras_runner(True)),
        "jax": (JAX, lambda: per_call(JaxMLP(images, labels, SIZES, BATCH_SIZE).fit_one_epoch)),
    }
    chosen = args.contenders.split(",") if args.contenders else [
        key for key in contenders  # an eager epoch, or Keras' with XLA, of the CNN takes minutes (142 s for the latter)
        if args.model == "mlp" or key not in ("eager", "keras-xla", "jax")
    ]
    if unknown := set(chosen) - set(contenders):
        parser.error(f"unknown contenders {sorted(unknown)}: choose among {', '.join(contenders)}")
    if "jax" in chosen and (JaxMLP is None or args.model != "mlp"):
        print("JAX races the MLP only, once installed (pip install -r benchmarks/requirements-jax.txt): left out")
        chosen.remove("jax")
    runners = {contenders[key][0]: contenders[key][1]() for key in chosen}
    bound_name = "matmul bound" if args.model == "mlp" else "convolution bound"
    runners[bound_name] = per_call((matmul_bound if args.model == "mlp" else convolution_bound)(len(images)))
    seconds = {name: [value / epochs for value in values]
               for name, values in time_alternately(runners, args.rounds).items()}
    if KERAS in seconds:  # its calls after the warm-up one, without the pipeline's waits
        seconds[KERAS_STEPS] = [value / epochs for value in keras_clock.calls[1:]]
    medians = {name: statistics.median(values) for name, values in seconds.items()}

    print(f"{args.model}, Adam, batch {BATCH_SIZE}, {len(images)} images, {epochs} epoch(s) per call; "
          f"median of {args.rounds} calls after a warm-up")
    print(f"TensorFlow {tf.__version__}, Keras {keras.__version__}; the {args.model} recipe runs step={recipe.step!r}, "
          f"steps_per_execution={recipe.steps_per_execution}")
    for name, median in medians.items():
        spread = ", ".join(f"{value:.2f}" for value in seconds[name])
        print(f"{name:32s} {median:6.2f} s/epoch   ({spread})")
    bound = medians[bound_name]
    references = [(KERAS, medians.get(KERAS)), (KERAS_STEPS, medians.get(KERAS_STEPS)), (JAX, medians.get(JAX)),
                  (bound_name, bound)]
    for naive in (COMPILED, COMPILED_XLA, AS_RECIPE, KERAS):
        for reference, figure in references:
            if naive in medians and figure and naive != reference:
                print(f"ratio {naive} / {reference}: {medians[naive] / figure:.2f}")
    for keras_figure in (KERAS, KERAS_STEPS):
        if keras_figure in medians:
            print(f"ratio {bound_name} / {keras_figure}: {bound / medians[keras_figure]:.2f} (no contender running "
                  "the same kernels gets below it)")


if __name__ == "__main__":
    main()
