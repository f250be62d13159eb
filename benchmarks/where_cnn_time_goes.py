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
given by its median epoch, as a fraction of Keras' median epoch in the same run and of the median of
Keras' steps alone (step_clock.StepClock): on the project's machine about half of Keras' epochs also
wait, idle, for several seconds, where its data pipeline starts or ends an epoch (benchmarks/README.md).
The second fraction compares the work of the steps.

    NAIVE_TF_DATA_DIR=/path/to/mnist .venv/bin/python benchmarks/where_cnn_time_goes.py [--rounds 3]
"""

import statistics

import naive_tf as nt  # first: it imports TensorFlow quietly
from naive_tf.recipes import RECIPES, build_cnn_model

from alternating import time_alternately
from epoch_time import BATCH_SIZE, KERAS, KERAS_STEPS, convolution_bound, keras_cnn, rounds_and_data
from step_clock import StepClock


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

    keras_model, keras_clock = keras_cnn(jit_compile="auto"), StepClock()
    runners = {
        "fit as the cnn recipe runs it": fitted(),
        "the same without dropout": fitted(dropout=False),
        "the same with gradient descent for Adam": fitted(adam=False),
        "without dropout, gradient descent for Adam": fitted(dropout=False, adam=False),
        KERAS: lambda: keras_model.fit(images, labels, batch_size=BATCH_SIZE, epochs=1, shuffle=False, verbose=0,
                                       callbacks=[keras_clock]),
        "convolution bound": convolution_bound(len(images)),
    }
    seconds = time_alternately(runners, rounds)
    seconds[KERAS_STEPS] = keras_clock.calls[1:]  # after the warm-up call
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    print(f"cnn, batch {BATCH_SIZE}, {len(images)} images; {rounds} epochs each after a warm-up")
    print(f"{'':44s} median  of Keras  of its steps  (each epoch)")
    for name, values in seconds.items():
        spread = ", ".join(f"{value:.2f}" for value in values)
        print(f"{name:44s} {medians[name]:6.2f}  {medians[name] / medians[KERAS]:8.2f}  "
              f"{medians[name] / medians[KERAS_STEPS]:12.2f}  ({spread})")


if __name__ == "__main__":
    main()
