"""Where an MLP epoch's time goes: naive_tf.fit against the same training step with less and less
around it, in one run (784-512-10, Adam, batches of 128, 60,000 images, the default graph step).

- fit: naive_tf.fit(..., verbose=0), as users call it;
- steps on NumPy batches: the compiled step called on each BatchGenerator batch, nothing read back, no
  metrics, no callbacks: what fit costs beyond its steps is the difference;
- steps on tensors: the same on batches made tensors beforehand: what converting each batch costs;
- N steps per call: the steps looped inside one tf.function over the epoch's batches, made one tensor
  beforehand, the loss and the right predictions summed inside the graph and read back once per call
  (N = 1, 16, a whole epoch), also compiled by XLA: what calling the step from Python once per batch,
  and reading its figures back, costs;
- the matmul bound (epoch_time.matmul_bound): what the arithmetic alone needs;
- with JAX installed, the JAX contender of epoch_time.py (jax_mlp.py), on the same batches.

    NAIVE_TF_DATA_DIR=/path/to/mnist .venv/bin/python benchmarks/where_time_goes.py [--rounds 5]
"""

import argparse
import statistics

import naive_tf as nt  # first: it imports TensorFlow quietly
from naive_tf.datasets import flatten_and_scale, mnist
from naive_tf.steps import compiled_step

import tensorflow as tf
from alternating import time_alternately
from epoch_time import BATCH_SIZE, SIZES, JaxMLP, matmul_bound, naive_mlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    (images, labels), _ = mnist.load_data()
    images = flatten_and_scale(images)
    nt.set_seed(0)

    def fitted():
        model, optimizer = naive_mlp(), nt.optimizers.Adam()
        return lambda: nt.fit(model, images, labels, 1, BATCH_SIZE, optimizer=optimizer, verbose=0)

    def stepped(batches):
        model, optimizer = naive_mlp(), nt.optimizers.Adam()
        optimizer.build(model.weights)
        step = compiled_step(model)

        def epoch():
            for images_batch, labels_batch in batches:
                step(model, images_batch, labels_batch, optimizer, nt.sparse_categorical_crossentropy)
        return epoch

    def steps_per_call(count: int, jit_compile: bool = False):
        """`count` steps per call of one tf.function that loops over the epoch's batches, made one tensor
        beforehand, and sums the loss and the right predictions inside the graph: two numbers come back."""
        model, optimizer = naive_mlp(), nt.optimizers.Adam()
        optimizer.build(model.weights)
        full_batches = len(images) // BATCH_SIZE  # the last, smaller batch would need a second graph
        all_images = tf.reshape(tf.constant(images[:full_batches * BATCH_SIZE]), (full_batches, BATCH_SIZE, -1))
        all_labels = tf.reshape(tf.constant(labels[:full_batches * BATCH_SIZE]), (full_batches, BATCH_SIZE))

        @tf.function(jit_compile=jit_compile)
        def train_batches(first, steps):
            loss_sum, correct = tf.constant(0.0), tf.constant(0, tf.int64)
            for index in tf.range(first, first + steps):
                batch_loss, predictions = nt.training_step(model, all_images[index], all_labels[index], optimizer)
                loss_sum += batch_loss
                correct += tf.reduce_sum(tf.cast(tf.argmax(predictions, -1) == tf.cast(all_labels[index], tf.int64),
                                                 tf.int64))
            return loss_sum, correct

        def epoch():
            for first in range(0, full_batches, count):
                loss_sum, correct = train_batches(tf.constant(first), tf.constant(min(count, full_batches - first)))
                float(loss_sum), int(correct)  # read back, as a progress bar would
        return epoch

    numpy_batches = list(nt.BatchGenerator(images, labels, BATCH_SIZE))
    tensor_batches = [(tf.constant(x), tf.constant(y)) for x, y in numpy_batches]
    runners = {
        "fit": fitted(),
        "steps on NumPy batches": stepped(numpy_batches),
        "steps on tensors": stepped(tensor_batches),
        "1 step per call, sums in graph": steps_per_call(1),
        "16 steps per call": steps_per_call(16),
        "a whole epoch per call": steps_per_call(len(images)),
        "16 steps per call, XLA": steps_per_call(16, jit_compile=True),
        "a whole epoch per call, XLA": steps_per_call(len(images), jit_compile=True),
    }
    if JaxMLP is not None:
        runners["JAX, jitted step"] = JaxMLP(images, labels, SIZES, BATCH_SIZE).fit_one_epoch
    seconds = time_alternately(runners, args.rounds)
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    medians["matmul bound"] = matmul_bound(len(images))
    print(f"mlp, Adam, batch {BATCH_SIZE}, {len(images)} images; median of {args.rounds} epochs after a warm-up")
    for name, median in medians.items():
        print(f"{name:32s} {median:6.2f} s/epoch  {median / medians['fit']:5.2f} of fit  "
              f"{median / medians['matmul bound']:5.2f} of the bound")


if __name__ == "__main__":
    main()
