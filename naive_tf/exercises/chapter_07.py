"""Chapter 7, training better: a momentum step by hand, Adam's first step, and dropout that misbehaves."""

from naive_tf.exercises.registry import NotYet, as_array, as_number, call, exercise, require
from naive_tf.optimizers import SGD, Adam

import numpy as np
import tensorflow as tf


@exercise("7.1", "a momentum step by hand")
def check_momentum_step(momentum_step) -> None:
    """Write momentum_step(weight, velocity, gradient, learning_rate, momentum) -> (weight, velocity): one
    update of SGD with momentum, in NumPy.

    Checked against naive_tf.optimizers.SGD(learning_rate, momentum) over five steps, for two settings.
    """
    rng = np.random.default_rng(10)
    for learning_rate, momentum in [(0.1, 0.9), (0.01, 0.5)]:
        weight = rng.normal(size=(3, 2))
        velocity = np.zeros_like(weight)
        variable = tf.Variable(weight)
        optimizer = SGD(learning_rate, momentum=momentum, jit_compile=False)
        for step in range(1, 6):
            gradient = rng.normal(size=weight.shape)
            result = call(momentum_step, weight, velocity, gradient, learning_rate, momentum,
                          description="momentum_step")
            require(isinstance(result, tuple) and len(result) == 2,
                    "momentum_step should return a pair: the new weight and the new velocity")
            weight, velocity = (as_array(value, variable.shape, "momentum_step") for value in result)
            optimizer.apply_gradients([(tf.constant(gradient), variable)])
            if step > 1 and np.allclose(velocity, 0):
                raise NotYet("your velocity stays at zero, so each step forgets the ones before: the velocity is "
                             "where momentum keeps the past steps")
            require(np.allclose(weight, variable.numpy(), atol=1e-12),
                    f"with learning_rate={learning_rate} and momentum={momentum}, the weight differs from SGD's "
                    f"after step {step}: compare your update, line by line, with the rule in SGD's docstring")


@exercise("7.2", "Adam's first step")
def check_adam_first_step(prediction) -> None:
    """Predict w after one update of naive_tf.optimizers.Adam(learning_rate=0.001) from w = 1.0 with the
    gradient 250."""
    weight = tf.Variable(1.0)
    Adam(learning_rate=0.001, jit_compile=False).apply_gradients([(tf.constant(250.0), weight)])
    hint = "Work out m, v and alpha_1 after the first step, from m = v = 0."
    predicted = as_number(prediction, hint)
    if abs(predicted - (1 - 0.001 * 250)) < 1e-6:
        raise NotYet("that is plain gradient descent's step; Adam divides by the root of its running mean of g**2")
    if abs(predicted - (1 - 0.001 * 0.1 / np.sqrt(0.001))) < 1e-6:
        raise NotYet(f"m and v start at zero and are corrected for it: alpha_t includes sqrt(1 - beta_2**t) / "
                     f"(1 - beta_1**t). {hint}")
    if predicted > 1:
        raise NotYet(f"a positive gradient moves the weight down. {hint}")
    require(abs(predicted - float(weight.numpy())) < 1e-6, hint)


@exercise("7.3", "dropout that misbehaves")
def check_fixed_dropout(dropout_class) -> None:
    """Fix the dropout layer (given with bugs) so that it behaves as NaiveDropout: at inference the inputs
    pass unchanged; while training each entry is zeroed with probability `rate` and the survivors are
    divided by 1 - rate, which keeps the mean."""
    rate = 0.3
    layer = call(dropout_class, rate, description=f"creating the layer with rate {rate}")
    ones = tf.ones((1000, 100))
    at_inference = as_array(call(layer, ones, training=False, description="calling it with training=False"),
                            ones.shape, "the layer")
    require(np.all(at_inference == 1), "at inference (training=False), the inputs should pass unchanged")
    while_training = as_array(call(layer, ones, training=True, description="calling it with training=True"),
                              ones.shape, "the layer")
    zeroed = np.mean(while_training == 0)
    require(abs(zeroed - rate) < 0.01, f"while training, {zeroed:.1%} of the entries were zeroed, expected about "
            f"{rate:.0%}")
    survivors = np.unique(while_training[while_training != 0].round(4))
    require(np.allclose(survivors, 1 / (1 - rate), atol=1e-4),
            f"while training, the survivors of a tensor of ones came out as {survivors.tolist()}: they should be "
            f"scaled so that the mean stays 1")
