"""How a training step runs: eagerly, op by op; as one TensorFlow graph; or as a graph that XLA compiles."""

import weakref

from naive_tf.distributed import check_created_in_scope, distributed_step
from naive_tf.training import training_step

import tensorflow as tf

STEP_KINDS = ("graph", "eager", "xla")

# The compiled steps of each model, kept as long as the model lives, so that fitting the same model
# again (one epoch at a time, say) reuses the traced graph instead of tracing anew.
_compiled_steps: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def compiled_step(model, step: str = "graph", strategy: tf.distribute.Strategy | None = None):
    """training_step for this model, run as `step` says.

    "eager" is training_step itself: each operation runs as Python reaches it, which is slow but easy
    to step through in a debugger. "graph" compiles it with tf.function into a TensorFlow graph, traced
    once per shape of the inputs. "xla" has XLA compile that graph into machine code as well, fusing
    its small operations: faster for dense networks, slower for convolutions on a CPU (see chapter 8).
    With a tf.distribute strategy, the step runs on each of its replicas (distributed.distributed_step).
    """
    if step not in STEP_KINDS:
        raise ValueError(f"step must be one of {STEP_KINDS}, got {step!r}")
    if strategy is not None:
        check_created_in_scope(strategy, model)
    elif step == "eager":
        return training_step
    steps = _compiled_steps.setdefault(model, {})
    if (step, strategy) not in steps:
        steps[step, strategy] = (tf.function(training_step, jit_compile=step == "xla") if strategy is None
                                 else distributed_step(strategy, step))
    return steps[step, strategy]
