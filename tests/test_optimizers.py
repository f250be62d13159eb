"""Each optimizer against keras.optimizers on identical weights and gradients."""

from naive_tf import optimizers

import keras
import numpy as np
import pytest
import tensorflow as tf

CASES = [
    ("SGD", {}),
    ("SGD", {"learning_rate": 0.1, "momentum": 0.9}),
    ("SGD", {"learning_rate": 0.1, "momentum": 0.9, "nesterov": True}),
    ("RMSprop", {}),
    ("RMSprop", {"learning_rate": 0.01, "rho": 0.8, "momentum": 0.5, "epsilon": 1e-5}),
    ("Adam", {}),
    ("Adam", {"learning_rate": 0.01, "beta_1": 0.8, "beta_2": 0.99, "epsilon": 1e-6}),
]


def run_ten_steps(optimizer, seed=0):
    """Ten updates of three weights, two of them of the same shape (each must keep its own slots)."""
    rng = np.random.default_rng(seed)
    weights = [tf.Variable(rng.normal(size=shape).astype(np.float32)) for shape in [(5, 3), (3,), (5, 3)]]
    for _ in range(10):
        gradients = [tf.constant(rng.normal(size=weight.shape).astype(np.float32)) for weight in weights]
        optimizer.apply_gradients(zip(gradients, weights))
    return [weight.numpy() for weight in weights]


@pytest.mark.parametrize("jit_compile", [True, False], ids=["xla", "op-by-op"])
@pytest.mark.parametrize("name, arguments", CASES, ids=[f"{name}{arguments}" for name, arguments in CASES])
def test_matches_keras_after_ten_steps(name, arguments, jit_compile):
    ours = run_ten_steps(getattr(optimizers, name)(**arguments, jit_compile=jit_compile))
    theirs = run_ten_steps(getattr(keras.optimizers, name)(**arguments))
    difference = max(np.abs(a - b).max() for a, b in zip(ours, theirs))
    assert difference < 1e-6
    assert max(np.abs(a - b).max() for a, b in zip(ours, run_ten_steps(optimizers.SGD(0)))) > 1e-3  # it moved


@pytest.mark.parametrize("name", ["SGD", "RMSprop", "Adam"])
def test_defaults_are_keras_defaults(name):
    ours, theirs = getattr(optimizers, name)(), getattr(keras.optimizers, name)()
    for argument in ("learning_rate", "momentum", "nesterov", "rho", "beta_1", "beta_2", "epsilon"):
        if hasattr(ours, argument):
            assert getattr(ours, argument) == pytest.approx(float(getattr(theirs, argument)))


def test_compiled_step_matches_eager():
    eager, compiled = optimizers.Adam(0.01), optimizers.Adam(0.01)
    weight_eager, weight_compiled = tf.Variable([1.0, -2.0]), tf.Variable([1.0, -2.0])
    compiled.build([weight_compiled])
    step = tf.function(lambda gradient: compiled.apply_gradients([(gradient, weight_compiled)]))
    for gradient in ([0.5, 0.1], [-0.3, 0.2], [0.1, 0.1]):
        eager.apply_gradients([(tf.constant(gradient), weight_eager)])
        step(tf.constant(gradient))
    np.testing.assert_allclose(weight_compiled.numpy(), weight_eager.numpy(), rtol=1e-6)
    assert int(compiled.iterations) == 3


@pytest.mark.parametrize("make, message", [
    (lambda: optimizers.SGD(learning_rate=-0.1), "learning_rate must be >= 0, got -0.1"),
    (lambda: optimizers.SGD(momentum=1.0), r"momentum must be in \[0, 1\), got 1.0"),
    (lambda: optimizers.RMSprop(rho=1.5), r"rho must be in \[0, 1\), got 1.5"),
    (lambda: optimizers.Adam(beta_2=-0.1), r"beta_2 must be in \[0, 1\), got -0.1"),
    (lambda: optimizers.Adam(epsilon=float("nan")), "epsilon must be > 0, got nan"),
])
def test_bad_arguments_are_rejected(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_fit_with_our_adam_matches_fit_with_keras_adam():
    from naive_tf import NaiveDense, NaiveSequential, fit, set_seed

    rng = np.random.default_rng(0)
    images = rng.random((96, 6), dtype=np.float32)
    labels = images[:, :4].argmax(axis=1)
    histories = []
    for optimizer in (optimizers.Adam(0.01), keras.optimizers.Adam(0.01)):
        set_seed(0)
        model = NaiveSequential([NaiveDense(6, 8, activation=tf.nn.relu), NaiveDense(8, 4, activation=tf.nn.softmax)])
        histories.append(fit(model, images, labels, epochs=3, batch_size=32, optimizer=optimizer, verbose=0))
    np.testing.assert_allclose(histories[0]["loss"], histories[1]["loss"], rtol=1e-5)
    assert histories[0]["loss"][-1] < histories[0]["loss"][0]


def test_cosine_decay_matches_keras_alone_and_inside_adam():
    ours = optimizers.CosineDecay(0.1, 10, alpha=0.2)
    theirs = keras.optimizers.schedules.CosineDecay(0.1, 10, alpha=0.2)
    for step in (0, 3, 10, 15):
        assert float(ours(step)) == pytest.approx(float(theirs(step)), rel=1e-6)
    assert float(ours(10)) == pytest.approx(0.02)
    ours_adam = run_ten_steps(optimizers.Adam(optimizers.CosineDecay(0.01, 8)))
    keras_adam = run_ten_steps(keras.optimizers.Adam(keras.optimizers.schedules.CosineDecay(0.01, 8)))
    assert max(np.abs(a - b).max() for a, b in zip(ours_adam, keras_adam)) < 1e-6


@pytest.mark.parametrize("arguments, message", [((-1.0, 10), "initial_learning_rate must be >= 0, got -1.0"),
                                                ((0.1, 0), "decay_steps must be a positive integer, got 0")])
def test_cosine_decay_rejects_bad_arguments(arguments, message):
    with pytest.raises(ValueError, match=message):
        optimizers.CosineDecay(*arguments)


def test_a_weight_without_a_gradient_is_named():
    used, unused = tf.Variable([1.0, 2.0], name="used"), tf.Variable([0.0, 0.0, 0.0], name="unused")
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(used**2)
    gradients = tape.gradient(loss, [used, unused])
    with pytest.raises(ValueError, match=r"weight 'unused:0' of shape \(3,\) got no gradient: the loss does not"):
        optimizers.Adam().apply_gradients(zip(gradients, [used, unused]))


def test_variables_are_the_step_count_then_each_weights_slots():
    weights = [tf.Variable(tf.zeros((2, 3))), tf.Variable(tf.zeros((3,)))]
    adam = optimizers.Adam()
    adam.build(weights)
    assert adam.variables[0] is adam.iterations
    assert [tuple(variable.shape) for variable in adam.variables[1:]] == [(2, 3), (2, 3), (3,), (3,)]
    sgd = optimizers.SGD()
    sgd.build(weights)
    assert sgd.variables == [sgd.iterations]  # plain gradient descent keeps no slots
