"""What the progress bar costs: seconds per epoch of the same fit with and without it, in one run.

784-512-10 MLP, Adam, batches of 128, 60,000 MNIST images, the default graph step. Contenders:
verbose=0 (no bar); the live bar as a terminal gets it (ProgressBar(live=True), redrawn at most every
0.1 s); the live bar redrawn after every batch (interval=0), to show what the limit saves; and one
line per epoch. The bars write to /dev/null, so that the figures count what fit does to draw them,
not how fast a terminal shows text. After a warm-up epoch each, epochs alternate between the
contenders; each figure is a median. Epoch times on a busy machine vary by more than a bar costs,
so the bars' hooks are also timed on their own: the seconds spent inside them, per epoch, are the
cost that matters, and they are compared with the epoch without a bar.

    NAIVE_TF_DATA_DIR=/path/to/mnist .venv/bin/python benchmarks/progress_bar_cost.py [--rounds 7]
"""

import contextlib
import os
import statistics
import time

import naive_tf as nt  # first: it imports TensorFlow quietly
from naive_tf.callbacks import ProgressBar

from alternating import time_alternately
from epoch_time import naive_mlp, rounds_and_data

NO_BAR = "no bar (verbose=0)"


class TimedProgressBar(ProgressBar):
    """A ProgressBar that adds up the time spent in its own hooks, one total per fit (here, per epoch)."""

    def __init__(self, **options):
        super().__init__(**options)
        self.seconds_per_fit = []

    def on_train_begin(self) -> None:
        self.seconds_per_fit.append(0.0)
        self.timed(super().on_train_begin)

    def on_epoch_begin(self, epoch: int) -> None:
        self.timed(super().on_epoch_begin, epoch)

    def on_batch_end(self, batch: int, logs: dict[str, float]) -> None:
        self.timed(super().on_batch_end, batch, logs)

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        self.timed(super().on_epoch_end, epoch, logs)

    def timed(self, hook, *arguments) -> None:
        start = time.perf_counter()
        hook(*arguments)
        self.seconds_per_fit[-1] += time.perf_counter() - start


def main() -> None:
    rounds, images, labels = rounds_and_data(__doc__, default_rounds=7)

    def runner(*callbacks):
        model, optimizer = naive_mlp(), nt.optimizers.Adam()
        return lambda: nt.fit(model, images, labels, 1, optimizer=optimizer, callbacks=callbacks, verbose=0)

    bars = {
        "live bar, every 0.1 s": TimedProgressBar(live=True),
        "live bar, every batch": TimedProgressBar(live=True, interval=0),
        "one line per epoch": TimedProgressBar(live=False),
    }
    runners = {NO_BAR: runner(), **{name: runner(bar) for name, bar in bars.items()}}
    with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
        seconds = time_alternately(runners, rounds)
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    print(f"mlp, Adam, batch 128, {len(images)} images; median of {rounds} epochs after a warm-up")
    for name, median in medians.items():
        spread = ", ".join(f"{value:.2f}" for value in seconds[name])
        print(f"{name:22s} {median:5.2f} s/epoch  {median / medians[NO_BAR] - 1:+6.1%}  ({spread})")
    for name, bar in bars.items():
        per_epoch = statistics.median(bar.seconds_per_fit[1:])  # the first fit is the warm-up
        print(f"in the hooks of {name:22s} {1000 * per_epoch:6.1f} ms/epoch = "
              f"{per_epoch / medians[NO_BAR]:.2%} of an epoch without a bar")


if __name__ == "__main__":
    main()
