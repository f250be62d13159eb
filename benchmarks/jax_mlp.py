"""The JAX contender: the same 784-512-10 network and Adam, written in jax.numpy, one jitted step per batch.

This is how a network from scratch is usually written in JAX (its MNIST example's style): the weights
are a list of arrays, jax.grad differentiates the loss, and jax.jit compiles the whole step, Adam's
update included, with XLA. Install it with `pip install -r benchmarks/requirements-jax.txt`.
"""

import jax
import jax.numpy as jnp
import numpy as np

# Keras' Adam defaults, which naive_tf.optimizers.Adam shares.
LEARNING_RATE, BETA_1, BETA_2, EPSILON = 1e-3, 0.9, 0.999, 1e-7


def glorot_uniform(rng: np.random.Generator, fan_in: int, fan_out: int) -> np.ndarray:
    limit = np.sqrt(6 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, (fan_in, fan_out)).astype("float32")


def initial_weights(sizes: tuple[int, ...], seed: int = 0) -> list[jnp.ndarray]:
    rng = np.random.default_rng(seed)
    weights = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        weights += [jnp.asarray(glorot_uniform(rng, fan_in, fan_out)), jnp.zeros(fan_out, jnp.float32)]
    return weights


def mean_loss(weights, images, labels):
    """relu hidden layer, softmax output, cross-entropy from the logits (log_softmax)."""
    w1, b1, w2, b2 = weights
    logits = jnp.maximum(images @ w1 + b1, 0) @ w2 + b2
    log_probabilities = jax.nn.log_softmax(logits)
    return -jnp.mean(jnp.take_along_axis(log_probabilities, labels[:, None], axis=1))


@jax.jit
def train_step(weights, moments, step, images, labels):
    """One Adam step on one batch; returns the new weights, moments and step, and the batch's loss."""
    loss, gradients = jax.value_and_grad(mean_loss)(weights, images, labels)
    step = step + 1
    rate = LEARNING_RATE * jnp.sqrt(1 - BETA_2**step) / (1 - BETA_1**step)
    first, second = moments
    first = [BETA_1 * m + (1 - BETA_1) * g for m, g in zip(first, gradients)]
    second = [BETA_2 * v + (1 - BETA_2) * g * g for v, g in zip(second, gradients)]
    weights = [w - rate * m / (jnp.sqrt(v) + EPSILON) for w, m, v in zip(weights, first, second)]
    return weights, (first, second), step, loss


class JaxMLP:
    """Trains the network one epoch per call, on the same batches as naive_tf.fit without shuffling."""

    def __init__(self, images: np.ndarray, labels: np.ndarray, sizes: tuple[int, ...], batch_size: int):
        self.images, self.labels, self.batch_size = images, labels.astype("int32"), batch_size
        self.weights = initial_weights(sizes)
        self.moments = ([jnp.zeros_like(w) for w in self.weights], [jnp.zeros_like(w) for w in self.weights])
        self.step = jnp.zeros((), jnp.float32)

    def fit_one_epoch(self) -> float:
        losses = []
        for start in range(0, len(self.images), self.batch_size):
            batch = slice(start, start + self.batch_size)
            self.weights, self.moments, self.step, loss = train_step(
                self.weights, self.moments, self.step, self.images[batch], self.labels[batch])
            losses.append(loss)
        return float(jnp.mean(jnp.stack(losses)))  # waits for the epoch's last step
