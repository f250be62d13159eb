"""What every optimizer shares: per-weight state, a step counter, and apply_gradients."""

from naive_tf.checks import check_learning_rate

import tensorflow as tf


class Optimizer:
    """Updates weights from their gradients, keeping state ("slots") for each weight.

    A subclass lists the names of its slots, each a tf.Variable shaped like its weight and
    starting at zero, and writes `update`, the rule for one weight.
    """

    slot_names: tuple[str, ...] = ()

    def __init__(self, learning_rate, jit_compile: bool = True):
        """learning_rate: a number, or a schedule: a function of the number of updates applied so far.

        jit_compile=True has XLA compile each weight's update rule; see compile_update.
        """
        if not callable(learning_rate):
            check_learning_rate(learning_rate)
        self.learning_rate = learning_rate
        self.jit_compile = jit_compile
        # How many updates were applied; Adam's bias correction depends on it.
        self.iterations = tf.Variable(0, dtype=tf.int64, trainable=False, name="iterations")
        self.slots: dict = {}  # weight.ref() -> {slot name: tf.Variable}
        self.updates: dict = {}  # weight.ref() -> update(gradient, step, learning_rate) for that weight

    def build(self, weights: list[tf.Variable]) -> None:
        """Create the slots of weights seen for the first time.

        Called by apply_gradients; call it yourself before compiling a training step with
        tf.function, which allows creating variables only the first time it traces.
        """
        for weight in weights:
            if weight.ref() not in self.slots:
                self.slots[weight.ref()] = {
                    name: tf.Variable(tf.zeros_like(weight), trainable=False, name=name) for name in self.slot_names
                }
                self.updates[weight.ref()] = self.compile_update(weight)

    @property
    def variables(self) -> list[tf.Variable]:
        """The optimizer's state: its step counter, then each weight's slots, in the order the weights
        were built. A checkpoint saves these to resume training exactly."""
        return [self.iterations] + [slot for slots in self.slots.values() for slot in slots.values()]

    def compile_update(self, weight: tf.Variable):
        """The update rule bound to one weight and its slots, compiled by XLA if jit_compile is set.

        The rule is a handful of elementwise operations over the whole weight. Run one by one, each
        reads its inputs from memory and writes a result the size of the weight; XLA fuses them into
        a single loop that reads the gradient and the slots once. There is one function per weight
        because a tf.function given the weight as an argument would reuse its graph for any weight
        of the same shape, with the slots of the first one built in.
        """
        slots = self.slots[weight.ref()]

        def update_this_weight(gradient, step, learning_rate):
            self.update(weight, gradient, slots, step, learning_rate)

        # XLA compiles for one device; a weight mirrored across a strategy's replicas lives on several.
        if self.jit_compile and not tf.distribute.has_strategy():
            return tf.function(update_this_weight, jit_compile=True)
        return update_this_weight

    def apply_gradients(self, gradients_and_weights) -> None:
        """Update each weight from its gradient, given as pairs: zip(gradients, weights)."""
        pairs = list(gradients_and_weights)
        self.build([weight for _, weight in pairs])
        learning_rate = self.learning_rate(self.iterations) if callable(self.learning_rate) else self.learning_rate
        step = self.iterations + 1
        for gradient, weight in pairs:
            if gradient is None:
                raise ValueError(
                    f"weight {weight.name!r} of shape {tuple(weight.shape)} got no gradient: the loss does not depend "
                    "on it. Pass only the weights of layers the model calls, or check that its layer is in the model"
                )
            rate = tf.cast(learning_rate, weight.dtype)
            self.updates[weight.ref()](tf.cast(gradient, weight.dtype), step, rate)
        self.iterations.assign_add(1)

    def update(self, weight: tf.Variable, gradient: tf.Tensor, slots: dict, step: tf.Tensor,
               learning_rate: tf.Tensor) -> None:
        raise NotImplementedError(f"{type(self).__name__} must define its update rule")
