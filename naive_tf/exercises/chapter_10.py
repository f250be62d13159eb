"""Chapter 10, checkpoints and determinism: copying weights safely, float32 rounding, and what a
checkpoint must hold to resume a run exactly."""

import os
import tempfile

from naive_tf.dense import NaiveDense
from naive_tf.dropout import NaiveDropout
from naive_tf.exercises.registry import NotYet, as_number, call, exercise, require
from naive_tf.optimizers import Adam
from naive_tf.sequential import NaiveSequential
from naive_tf.training import training_step

import numpy as np
import tensorflow as tf


def network(sizes: list[int], seed: int, dropout_seed: int | None = None) -> NaiveSequential:
    """Dense relu layers through `sizes`, the last softmax, weights drawn from `seed`; with a dropout
    layer seeded with dropout_seed after the first, if one is given."""
    rng = np.random.default_rng(seed)

    def initializer(shape):
        return tf.constant(rng.normal(scale=0.5, size=shape).astype("float32"))

    activations = [tf.nn.relu] * (len(sizes) - 2) + [tf.nn.softmax]
    layers = [NaiveDense(inputs, outputs, activation, initializer)
              for inputs, outputs, activation in zip(sizes, sizes[1:], activations)]
    if dropout_seed is not None:
        layers.insert(1, NaiveDropout(0.5, seed=dropout_seed))
    return NaiveSequential(layers)


def values(model) -> list[np.ndarray]:
    return [weight.numpy() for weight in model.weights]


@exercise("10.1", "copy weights, or refuse")
def check_copy_weights(copy_weights) -> None:
    """Write copy_weights(source, target): assign each of source's weights to target's weight at the same
    place, after checking that the two models have as many weights, of the same shapes; if not, raise a
    ValueError and leave target unchanged."""
    source, target = network([4, 3, 2], seed=0), network([4, 3, 2], seed=1)
    target_variables = list(target.weights)
    call(copy_weights, source, target, description="copy_weights on two 4-3-2 networks")
    require(all(a is b for a, b in zip(target.weights, target_variables)),
            "target should keep its own variables, given new values with assign")
    require(all(np.array_equal(a, b) for a, b in zip(values(target), values(source))),
            "after copy_weights, target's weights should hold source's values")
    source.weights[0].assign_add(tf.ones_like(source.weights[0]))
    require(not np.array_equal(target.weights[0].numpy(), source.weights[0].numpy()),
            "target's weights should be copies: changing source afterwards changed target too")
    for other_sizes, what in [([4, 3, 5], "a 4-3-5 network (its last weights differ in shape)"),
                              ([4, 3, 2, 2], "a 4-3-2-2 network (it has more weights)")]:
        other = network(other_sizes, seed=2)
        before = values(other)
        try:
            copy_weights(source, other)
        except ValueError:
            pass
        except Exception as error:
            raise NotYet(f"copying into {what} raised {type(error).__name__}; raise a ValueError") from None
        else:
            raise NotYet(f"copying a 4-3-2 network into {what} raised no error: raise a ValueError")
        require(all(np.array_equal(a, b) for a, b in zip(values(other), before)),
                f"copying into {what} raised a ValueError, but only after changing some of its weights: check "
                "every shape before assigning any")


@exercise("10.2", "float32 rounding")
def check_float32_rounding(prediction) -> None:
    """Predict (np.float32(1e8) + np.float32(5)) - np.float32(1e8)."""
    big, five = np.float32(1e8), np.float32(5)
    hint = ("Float32 keeps 24 significant bits: how far apart are consecutive float32 numbers near 1e8? A sum is "
            "rounded to the nearest of them.")
    predicted = as_number(prediction, hint)
    if predicted == 5:
        raise NotYet(f"5 is the exact answer, which float32 cannot hold here. {hint}")
    require(predicted == float((big + five) - big), hint)


def train(model, optimizer, batches) -> None:
    for images, labels in batches:
        training_step(model, images, labels, optimizer)


@exercise("10.3", "what resuming needs")
def check_training_state(training_state) -> None:
    """Fix training_state(model, optimizer) (given with a bug): the tf.train.Checkpoint to save after some
    training steps, so that a new model and optimizer that restore it continue exactly as the first would.
    The model has a dropout layer; the optimizer is Adam."""
    rng = np.random.default_rng(15)
    batches = [(rng.normal(size=(8, 6)).astype("float32"), rng.integers(0, 3, size=8)) for _ in range(5)]
    model, optimizer = network([6, 8, 3], seed=3, dropout_seed=4), Adam(0.01, jit_compile=False)
    optimizer.build(model.weights)
    train(model, optimizer, batches[:3])
    state = call(training_state, model, optimizer, description="training_state(model, optimizer)")
    require(isinstance(state, tf.train.Checkpoint), f"training_state returned {type(state).__name__}; return a "
            "tf.train.Checkpoint")
    saved_weights, saved_generators = values(model), [generator.state.numpy() for generator in model.generators]
    resumed, resumed_optimizer = network([6, 8, 3], seed=5, dropout_seed=6), Adam(0.01, jit_compile=False)
    resumed_optimizer.build(resumed.weights)
    restored = call(training_state, resumed, resumed_optimizer, description="training_state on a new model")
    require(isinstance(restored, tf.train.Checkpoint), f"training_state returned {type(restored).__name__}; return "
            "a tf.train.Checkpoint")
    with tempfile.TemporaryDirectory() as folder:
        prefix = state.write(os.path.join(folder, "state"))
        call(restored.read, prefix, description="reading the saved state")
    restored_pieces = {
        "the weights": all(np.array_equal(a, b) for a, b in zip(saved_weights, values(resumed))),
        "the optimizer's step count and slots": int(resumed_optimizer.iterations.numpy()) == 3,
        "the state of the generator dropout draws from": all(
            np.array_equal(saved, generator.state.numpy())
            for saved, generator in zip(saved_generators, resumed.generators)),
    }
    train(model, optimizer, batches[3:])  # the uninterrupted run
    train(resumed, resumed_optimizer, batches[3:])  # the resumed one
    if not all(np.array_equal(a, b) for a, b in zip(values(resumed), values(model))):
        missing = [piece for piece, restored_it in restored_pieces.items() if not restored_it]
        raise NotYet("the resumed run ended with other weights than the uninterrupted one: the checkpoint does not "
                     f"restore {missing[0] if missing else 'everything the next steps depend on'}")
