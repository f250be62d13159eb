"""What the CNN's epoch is made of, in one run: how far below Keras' fit any rewrite of its parts other
than the convolutions could take naive_tf.fit (the cnn recipe's network, batches of 128, 60,000 images).

Removing a part outright is more than any rewrite of it can save, so each contender leaves one out:

- naive_tf.fit as the cnn recipe runs it (graph step, 16 steps per call), Adam;
- the same network without its two dropout layers;
- the same with plain gradient descent instead of Adam (one multiply-subtract per weight, no moments);
- without both;
- Keras model.fit on the same layers and Adam;
- the convolution bound (epoch_time.convolution_bound): the five convolutions of each step alone.

After a warm-up call each, the contenders take turns, one epoch per call, on the NumPy arrays. Each is
given by its median epoch and by its fastest, the one the machine disturbed least, and each as a fraction
of Keras' in the same run. The fastest compare the work of the steps: on the project's machine about half
of Keras' epochs also wait, idle, for about 9.5 s, where its data pipeline starts or ends an epoch
(benchmarks/README.md).

    NAIVE_TF_DATA_DIR=/path/to/mnist .venv/bin/python benchmarks/where_cnn_time_goes.py [--rounds 3]
"""

import statistics

import naive_tf as nt  # first: it imports TensorFlow quietly
from naive_tf.recipes import RECIPES, build_cnn_model

from alternating import time_alternately
from epoch_time import BATCH_SIZE, KERAS, convolution_bound, keras_cnn, rounds_and_data


def main() -> None:
    recipe = RECIPES["cnn"]
    rounds, images, labels = rounds_and_data(__doc__, default_rounds=3, prepare_images=recipe.prepare_images)

    def fitted(dropout: bool = True, adam: bool = True):
        model = build_cnn_model()
        if not dropout:
            model = nt.NaiveSequential([layer for layer in model.layers if not isinstance(layer, nt.NaiveDropout)])
        optimizer = nt.optimizers.Adam() if adam else None  # None: fit's plain gradient descent at 1e-3
        return lambda: nt.fit(model, images, labels, 1, BATCH_SIZE, optimizer=optimizer, verbose=0,
                              step=recipe.step, steps_per_execution=recipe.steps_per_execution)

    keras_model = keras_cnn(jit_compile="auto")
    runners = {
        "fit as the cnn recipe runs it": fitted(),
        "the same without dropout": fitted(dropout=False),
        "the same with gradient descent for Adam": fitted(adam=False),
        "without dropout, gradient descent for Adam": fitted(dropout=False, adam=False),
        KERAS: lambda: keras_model.fit(images, labels, batch_size=BATCH_SIZE, epochs=1, shuffle=False, verbose=0),
        "convolution bound": convolution_bound(len(images)),
    }
    seconds = time_alternately(runners, rounds)
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    fastest = {name: min(values) for name, values in seconds.items()}
    print(f"cnn, batch {BATCH_SIZE}, {len(images)} images; {rounds} epochs each after a warm-up")
    print(f"{'':44s} median  of Keras  fastest  of Keras  (each epoch)")
    for name in runners:
        spread = ", ".join(f"{value:.2f}" for value in seconds[name])
        print(f"{name:44s} {medians[name]:6.2f}  {medians[name] / medians[KERAS]:8.2f}  {fastest[name]:7.2f}  "
              f"{fastest[name] / fastest[KERAS]:8.2f}  ({spread})")


if __name__ == "__main__":
    main()
