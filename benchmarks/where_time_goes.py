"""Where an MLP epoch's time goes: naive_tf.fit against the same training step with less and less
around it, in one run (784-512-10, Adam, batches of 128, 60,000 images, the default graph step).

- fit: naive_tf.fit(..., verbose=0), as users call it;
- steps on NumPy batches: the compiled step called on each BatchGenerator batch, nothing read back, no
  metrics, no callbacks: what fit costs beyond its steps is the difference;
- steps on tensors: the same on batches made tensors beforehand: what converting each batch costs;
- one graph per epoch: the steps looped inside one tf.function: what calling the step from Python
  once per batch costs;
- the matmul bound (epoch_time.matmul_bound): what the arithmetic alone needs.

    NAIVE_TF_DATA_DIR=/path/to/mnist .venv/bin/python benchmarks/where_time_goes.py [--rounds 5]
"""

import argparse
import statistics

import naive_tf as nt  # first: it imports TensorFlow quietly
from naive_tf.datasets import flatten_and_scale, mnist
from naive_tf.steps import compiled_step

import tensorflow as tf
from alternating import time_alternately
from epoch_time import BATCH_SIZE, matmul_bound, naive_mlp


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

    def one_graph():
        model, optimizer = naive_mlp(), nt.optimizers.Adam()
        optimizer.build(model.weights)
        all_images, all_labels = tf.constant(images), tf.constant(labels)
        full_batches = len(images) // BATCH_SIZE  # the last, smaller batch would need a second graph

        @tf.function
        def epoch():
            for index in tf.range(full_batches):
                start = index * BATCH_SIZE
                nt.training_step(model, all_images[start:start + BATCH_SIZE], all_labels[start:start + BATCH_SIZE],
                                 optimizer)
        return epoch

    numpy_batches = list(nt.BatchGenerator(images, labels, BATCH_SIZE))
    tensor_batches = [(tf.constant(x), tf.constant(y)) for x, y in numpy_batches]
    runners = {
        "fit": fitted(),
        "steps on NumPy batches": stepped(numpy_batches),
        "steps on tensors": stepped(tensor_batches),
        "one graph per epoch": one_graph(),
    }
    seconds = time_alternately(runners, args.rounds)
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    medians["matmul bound"] = matmul_bound(len(images))
    print(f"mlp, Adam, batch {BATCH_SIZE}, {len(images)} images; median of {args.rounds} epochs after a warm-up")
    for name, median in medians.items():
        print(f"{name:26s} {median:6.2f} s/epoch  {median / medians['fit']:5.2f} of fit")


if __name__ == "__main__":
    main()
