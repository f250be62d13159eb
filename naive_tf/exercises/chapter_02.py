"""Chapter 2, chaining layers: counting parameters, and a model that must list all its layers' weights."""

from naive_tf.dense import NaiveDense
from naive_tf.dropout import NaiveDropout
from naive_tf.exercises.registry import NotYet, as_array, as_number, call, exercise, require
from naive_tf.lazy_dense import LazyDense
from naive_tf.sequential import NaiveSequential

import numpy as np
import tensorflow as tf


def dense_stack(sizes: list[int], **layer_arguments) -> list[NaiveDense]:
    """Dense layers from sizes[0] inputs through each following size, with zero weights (no random draws)."""
    return [NaiveDense(inputs, outputs, initializer=tf.zeros, **layer_arguments)
            for inputs, outputs in zip(sizes, sizes[1:])]


def parameter_count(model) -> int:
    return sum(int(tf.size(weight)) for weight in model.weights)


@exercise("2.1", "count a model's parameters")
def check_count_parameters(count_parameters) -> None:
    """Write count_parameters(model): how many numbers training adjusts, over all of model.weights.

    Checked on the 784-512-10 network, on deeper and smaller ones, one with a dropout layer, and a
    model of lazy layers before its first call.
    """
    models = {
        "the 784-512-10 network": NaiveSequential(dense_stack([784, 512, 10])),
        "a 5-4-3-2 network": NaiveSequential(dense_stack([5, 4, 3, 2])),
        "a 6-8-3 network with dropout": NaiveSequential([*dense_stack([6, 8]), NaiveDropout(0.5, seed=0),
                                                         *dense_stack([8, 3])]),
        "a model of lazy layers before its first call": NaiveSequential([LazyDense(4)]),
    }
    for name, model in models.items():
        counted = call(count_parameters, model, description=f"count_parameters on {name}")
        expected = parameter_count(model)
        if counted == len(model.weights) and counted != expected:
            raise NotYet(f"for {name} you counted {counted}, the number of weight tensors; count the numbers "
                         "inside each tensor (its size, the product of its shape)")
        require(counted == expected, f"for {name} you counted {counted!r}: every entry of every tensor in "
                "model.weights counts once, W's and b's alike")


@exercise("2.2", "parameters of a three-layer network")
def check_three_layer_parameters(prediction) -> None:
    """Predict the number of parameters of
    NaiveSequential([NaiveDense(784, 256), NaiveDense(256, 128), NaiveDense(128, 10)])."""
    sizes = [784, 256, 128, 10]
    expected = parameter_count(NaiveSequential(dense_stack(sizes)))
    hint = "A dense layer of in inputs and out outputs has in x out weights in W and out in b."
    predicted = as_number(prediction, hint)
    if predicted == sum(inputs * outputs for inputs, outputs in zip(sizes, sizes[1:])):
        raise NotYet("you counted the W's; each layer also has one bias per output")
    if predicted == 2 * (len(sizes) - 1):
        raise NotYet("that is the number of weight tensors; count the numbers inside them")
    require(predicted == expected, f"{hint} Add up the three layers.")


@exercise("2.3", "the model that forgets its first layers' weights")
def check_fixed_chain(chain_class) -> None:
    """Fix the class (given with a bug) so that its `weights` lists every layer's weights, in order, as
    NaiveSequential's does, and calling it chains the layers."""
    layers = dense_stack([4, 5, 3, 2], activation=tf.nn.relu)
    model = call(chain_class, layers, description="creating the model from three layers")
    expected = [weight for layer in layers for weight in layer.weights]
    weights = call(lambda: list(model.weights), description="reading the model's weights")
    if len(weights) < len(expected) and weights == expected[-len(weights):]:
        raise NotYet(f"with three layers, `weights` lists {len(weights)} tensors, those of the last layer only: "
                     "what happens to the list on each turn of the loop?")
    require(len(weights) == len(expected) and all(a is b for a, b in zip(weights, expected)),
            "`weights` should list the layers' own tf.Variables, W1, b1, W2, b2, W3, b3, in that order")
    rng = np.random.default_rng(2)
    for weight in expected:
        weight.assign(rng.normal(size=weight.shape).astype("float32"))
    x = rng.normal(size=(3, 4)).astype("float32")
    result = as_array(call(model, tf.constant(x), description="calling the model"), (3, 2), "the model")
    require(np.allclose(result, layers[2](layers[1](layers[0](x))).numpy(), atol=1e-6),
            "the model's output differs from calling its layers one after the other")
