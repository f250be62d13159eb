"""Chapter 8, fast training with tf.function: a compiled step, counting traces, and a side effect that
happens only once."""

import functools

from naive_tf.exercises.registry import NotYet, as_number, call, exercise, require, seeded_softmax_layer
from naive_tf.optimizers import SGD
from naive_tf.training import training_step

import numpy as np
import tensorflow as tf


@exercise("8.1", "a compiled training step")
def check_make_step(make_step) -> None:
    """Write make_step(model, optimizer): return a function step(images, labels), compiled with
    tf.function, that trains the model on one batch and returns the batch's mean loss.

    Checked against naive_tf.training_step run eagerly: the same losses and weights over three batches,
    which must need a single trace.
    """
    model, reference = seeded_softmax_layer(6, 3, seed=11), seeded_softmax_layer(6, 3, seed=11)
    optimizer, reference_optimizer = SGD(0.1, jit_compile=False), SGD(0.1, jit_compile=False)
    step = call(make_step, model, optimizer, description="make_step(model, optimizer)")
    require(isinstance(step, tf.types.experimental.PolymorphicFunction),
            f"the step that make_step returned is a plain Python {type(step).__name__}, not a tf.function: make "
            "the step itself the tf.function, once, so that it keeps its traces from one call to the next")
    rng = np.random.default_rng(12)
    for batch in range(1, 4):
        images, labels = rng.normal(size=(8, 6)).astype("float32"), rng.integers(0, 3, size=8)
        loss = call(step, images, labels, description=f"step on batch {batch}")
        expected_loss, _ = training_step(reference, images, labels, reference_optimizer)
        require(loss is not None, "step should return the batch's mean loss")
        require(np.isclose(float(loss), float(expected_loss), rtol=1e-5),
                f"on batch {batch}, step returned a loss that differs from naive_tf.training_step's")
        require(all(np.allclose(a.numpy(), b.numpy(), atol=1e-6) for a, b in zip(model.weights, reference.weights)),
                f"after batch {batch}, the weights differ from naive_tf.training_step's: does step apply the "
                "optimizer's update?")
    traces = step.experimental_get_tracing_count()
    require(traces == 1, f"three batches of the same shape and dtype took {traces} traces: pass the batch as "
            "arguments, and keep everything that stays the same outside them")


@functools.cache
def traces_of_five_calls() -> int:
    """How many times the five calls of exercise 8.2 trace scaled_sum, counted by TensorFlow itself (once
    per session: tracing the same function again and again would make TensorFlow warn about retracing)."""

    @tf.function
    def scaled_sum(x, factor):
        return tf.reduce_sum(x) * factor

    for x, factor in [([1.0, 2.0], 2), ([3.0, 4.0], 2), ([1.0, 2.0, 3.0], 2), ([5.0, 6.0], 3), ([5, 6], 2)]:
        scaled_sum(tf.constant(x), factor)
    return scaled_sum.experimental_get_tracing_count()


@exercise("8.2", "how many traces")
def check_trace_count(prediction) -> None:
    """Predict how many times
        @tf.function
        def scaled_sum(x, factor): return tf.reduce_sum(x) * factor
    is traced by the calls scaled_sum(tf.constant([1.0, 2.0]), 2), scaled_sum(tf.constant([3.0, 4.0]), 2),
    scaled_sum(tf.constant([1.0, 2.0, 3.0]), 2), scaled_sum(tf.constant([5.0, 6.0]), 3) and
    scaled_sum(tf.constant([5, 6]), 2)."""
    hint = ("A call traces when no earlier trace matches it: tensors match by shape and dtype, Python values by "
            "their value.")
    predicted = as_number(prediction, hint)
    if predicted == 1:
        raise NotYet(f"a tf.function does not trace only once. {hint}")
    if predicted == 5:
        raise NotYet(f"not every call traces: the second call matches the first. {hint}")
    require(predicted == traces_of_five_calls(), f"{hint} Go through the calls one by one.")


@exercise("8.3", "the counter that counts once")
def check_fixed_loss_tracker(tracker_class) -> None:
    """Fix the class LossTracker (given with a bug), whose compiled method add(loss) should keep the sum
    and the count of the losses passed to it, so that mean() is their mean. add stays a tf.function."""
    tracker = call(tracker_class, description="LossTracker()")
    require(isinstance(getattr(tracker, "add", None), tf.types.experimental.PolymorphicFunction),
            "keep `add` compiled with tf.function: the exercise is to make it right as a graph")
    for loss in [1.0, 2.0, 3.0, 6.0]:
        call(tracker.add, tf.constant(loss), description="add")
    mean = call(tracker.mean, description="mean() after adding 1, 2, 3 and 6")
    if mean is not None and np.isclose(float(mean), 12.0):
        raise NotYet("after adding 1, 2, 3 and 6 the mean came out as 12, the sum: Python code inside a tf.function "
                     "runs only while it is traced, so what counts each call?")
    require(mean is not None and np.isclose(float(mean), 3.0),
            f"after adding 1, 2, 3 and 6, mean() returned {mean!r}, expected their mean")
