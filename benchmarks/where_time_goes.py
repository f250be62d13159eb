"""Where an MLP epoch's time goes, and what each of fit's levers buys, in one run (784-512-10, Adam,
batches of 128, 60,000 images):

- one step per call on NumPy batches, figures read back: the loop fit ran before it took its data as
  tensors (the compiled step called on each BatchGenerator batch, which TensorFlow converts to a tensor;
  the loss read back and the accuracy counted in NumPy after every batch);
- the same steps with nothing read back, then on batches made tensors beforehand: what reading the
  figures back, and converting each batch, cost;
- naive_tf.fit with steps_per_execution 1, 16, 64 and a whole epoch per call, with step="graph" and
  step="xla", on the data made tensors once: each batch gathered inside the graph, the loss and the
  right predictions summed there, several steps per call from Python;
- the fastest of them given the NumPy arrays, which fit copies into tensors at each call: what one
  epoch per call of fit pays for that, and a run of many epochs in one call pays once;
- with JAX installed, the JAX contender of epoch_time.py (jax_mlp.py), on the same batches;
- the matmul bound (epoch_time.matmul_bound), raced as the others are: what the arithmetic alone needs.

    NAIVE_TF_DATA_DIR=/path/to/mnist .venv/bin/python benchmarks/where_time_goes.py [--rounds 5]
"""

import math
import statistics

import naive_tf as nt  # first: it imports TensorFlow quietly

import numpy as np
import tensorflow as tf
from alternating import time_alternately
from epoch_time import BATCH_SIZE, SIZES, JaxMLP, matmul_bound, naive_mlp, rounds_and_data

PER_CALL = (1, 16, 64, None)  # None: a whole epoch per call


def main() -> None:
    rounds, images, labels = rounds_and_data(__doc__, default_rounds=5)
    whole_epoch = math.ceil(len(images) / BATCH_SIZE)

    tensors = tf.constant(images), tf.constant(labels)

    def fitted(step: str, steps_per_execution: int, data=tensors):
        model, optimizer = naive_mlp(), nt.optimizers.Adam()
        return lambda: nt.fit(model, *data, 1, BATCH_SIZE, optimizer=optimizer, verbose=0, step=step,
                              steps_per_execution=steps_per_execution)

    def stepped(batches, read_back: bool):
        """One call of the compiled step per batch; with read_back, the loss and accuracy after each."""
        model, optimizer = naive_mlp(), nt.optimizers.Adam()
        optimizer.build(model.weights)
        step = tf.function(nt.training_step)

        def epoch():
            loss_sum = correct = 0.0
            for images_batch, labels_batch in batches:
                batch_loss, predictions = step(model, images_batch, labels_batch, optimizer)
                if read_back:
                    loss_sum += float(batch_loss) * len(labels_batch)
                    correct += np.sum(np.argmax(predictions, axis=-1) == labels_batch)
        return epoch

    numpy_batches = list(nt.BatchGenerator(images, labels, BATCH_SIZE))
    tensor_batches = [(tf.constant(x), tf.constant(y)) for x, y in numpy_batches]
    runners = {
        "1 step per call on NumPy batches, figures read back": stepped(numpy_batches, read_back=True),
        "the same, nothing read back": stepped(numpy_batches, read_back=False),
        "the same on tensors": stepped(tensor_batches, read_back=False),
    }
    for step in ("graph", "xla"):
        for per_call in PER_CALL:
            name = f"fit, {step}, {'a whole epoch' if per_call is None else per_call} per call"
            runners[name] = fitted(step, per_call or whole_epoch)
    runners["the same, given the NumPy arrays"] = fitted("xla", whole_epoch, (images, labels))
    if JaxMLP is not None:
        runners["JAX, jitted step"] = JaxMLP(images, labels, SIZES, BATCH_SIZE).fit_one_epoch
    runners["matmul bound"] = matmul_bound(len(images))
    seconds = time_alternately(runners, rounds)
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    reference = "fit, graph, 1 per call"
    print(f"mlp, Adam, batch {BATCH_SIZE}, {len(images)} images; median of {rounds} epochs after a warm-up")
    print(f"{'':52s} s/epoch  of {reference!r}  of JAX  of the bound")
    for name, median in medians.items():
        of_jax = f"{median / medians['JAX, jitted step']:6.2f}" if JaxMLP is not None else "     -"
        print(f"{name:52s} {median:6.2f}  {median / medians[reference]:24.2f}  {of_jax}  "
              f"{median / medians['matmul bound']:12.2f}")


if __name__ == "__main__":
    main()
