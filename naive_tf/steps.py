"""How training steps run: eagerly, op by op; as one TensorFlow graph; or as a graph that XLA compiles."""

import functools
import weakref

from naive_tf.distributed import check_created_in_scope, distributed_step
from naive_tf.training import training_steps

import tensorflow as tf

STEP_KINDS = ("graph", "eager", "xla")

# The compiled steps of each model, kept as long as the model lives, so that fitting the same model
# again (one epoch at a time, say) reuses the traced graph instead of tracing anew.
_compiled_steps: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def compiled_steps(model, step: str = "graph", strategy: tf.distribute.Strategy | None = None):
    """training_steps for this model, run as `step` says.

    "eager" is training_steps itself: each operation runs as Python reaches it, which is slow but easy
    to step through in a debugger. "graph" compiles it with tf.function into a TensorFlow graph, the
    loop over the batches included, traced once per shape of the inputs. "xla" has XLA compile that
    graph into machine code as well, fusing its small operations: faster for dense networks, slower for
    convolutions on a CPU (see chapter 8). With a tf.distribute strategy, the loop runs in Python and
    each step on every replica (distributed.distributed_step).
    """
    if step not in STEP_KINDS:
        raise ValueError(f"step must be one of {STEP_KINDS}, got {step!r}")
    if strategy is not None:
        check_created_in_scope(strategy, model)
    elif step == "eager":
        return training_steps
    steps = _compiled_steps.setdefault(model, {})
    if (step, strategy) not in steps:
        # Each model gets a function of its own, a partial: TensorFlow counts the traces of all the
        # tf.functions of one Python function together, and would take many models for retracing.
        steps[step, strategy] = (
            tf.function(functools.partial(training_steps), jit_compile=step == "xla") if strategy is None
            else functools.partial(training_steps, step=distributed_step(strategy, step))
        )
    return steps[step, strategy]
