"""Chapter 5, lazy layers: a layer that makes its weight on its first call, counting what a call creates,
and a lazy layer that forgets what it learned."""

from naive_tf.exercises.registry import NotYet, as_array, as_number, call, exercise, require
from naive_tf.lazy_dense import LazyDense
from naive_tf.sequential import NaiveSequential

import numpy as np
import tensorflow as tf


@exercise("5.1", "a lazy scaling layer")
def check_lazy_scale(lazy_scale_class) -> None:
    """Write the class LazyScale: a layer with no weights until its first call, which then creates one
    tf.Variable `scale` of ones, shaped like the last dimension of the inputs, and returns inputs * scale.
    Later calls use that same variable."""
    layer = call(lazy_scale_class, description="LazyScale()")
    before = call(lambda: list(layer.weights), description="reading `weights` before the first call")
    require(before == [], f"before its first call the layer should have no weights, it has {len(before)}")
    inputs = np.arange(10, dtype="float32").reshape(2, 5)
    output = as_array(call(layer, tf.constant(inputs), description="the first call, on inputs of shape (2, 5)"),
                      (2, 5), "the first call")
    weights = list(layer.weights)
    require(len(weights) == 1 and isinstance(weights[0], tf.Variable) and tuple(weights[0].shape) == (5,),
            "after its first call on inputs of shape (2, 5), `weights` should hold one tf.Variable of shape (5,)")
    require(np.allclose(weights[0].numpy(), 1), "the scale should start as ones, so that the first call changes "
            "nothing")
    require(np.allclose(output, inputs), "with a scale of ones, the output should equal the inputs")
    weights[0].assign([1.0, 2.0, 3.0, 4.0, 5.0])
    output = as_array(call(layer, tf.constant(inputs), description="the second call"), (2, 5), "the second call")
    if list(layer.weights) and list(layer.weights)[0] is not weights[0]:
        raise NotYet("the second call made a new scale: the weight must be created on the first call only")
    require(np.allclose(output, inputs * [1, 2, 3, 4, 5]), "after scale.assign([1, 2, 3, 4, 5]), the output should "
            "be the inputs times the scale, column by column")


@exercise("5.2", "what the first call creates")
def check_lazy_parameters(prediction) -> None:
    """Predict how many parameters NaiveSequential([LazyDense(64), LazyDense(10)]) holds after it is called
    on a batch of shape (32, 300)."""
    model = NaiveSequential([LazyDense(64, initializer=tf.zeros), LazyDense(10, initializer=tf.zeros)])
    model(tf.zeros((32, 300)))
    expected = sum(int(tf.size(weight)) for weight in model.weights)
    hint = "Each lazy layer takes its input size from the last dimension of what it receives."
    predicted = as_number(prediction, hint)
    if predicted == 0:
        raise NotYet(f"0 is the count before the call; after it, both layers have weights. {hint}")
    if predicted == 32 * 64 + 64 + 64 * 10 + 10:
        raise NotYet(f"the batch size, 32, does not enter the shape of any weight. {hint}")
    require(predicted == expected, f"{hint} Count W and b of both layers.")


@exercise("5.3", "the lazy layer that forgets what it learned")
def check_fixed_lazy_dense(lazy_dense_class) -> None:
    """Fix the lazy dense layer (given with a bug) so that it creates its NaiveDense on the first call only:
    a weight assigned after that call must still be there, and used, at the next one."""
    layer = call(lazy_dense_class, 3, description="creating the layer with 3 outputs")
    require(list(layer.weights) == [], "before its first call the layer should have no weights")
    inputs = tf.constant(np.arange(8, dtype="float32").reshape(2, 4))
    call(layer, inputs, description="the first call")
    weights = list(layer.weights)
    require(len(weights) == 2 and tuple(weights[0].shape) == (4, 3),
            "after a first call on inputs of shape (2, 4), the layer should hold W of shape (4, 3) and b")
    weights[0].assign(tf.ones((4, 3)))
    output = as_array(call(layer, inputs, description="the second call"), (2, 3), "the second call")
    if list(layer.weights)[0] is not weights[0]:
        raise NotYet("the second call replaced the weights with new random ones: a training step's update would be "
                     "lost at every call. Create the NaiveDense only when there is none yet")
    require(np.allclose(output, inputs.numpy() @ np.ones((4, 3))), "with W set to ones and b zero, the output "
            "should be inputs @ W")
