"""Where the softmax saturates, the clipped loss of probabilities stops learning; Keras' fit quietly
trains on the softmax's logits instead, and naive_tf's loss from logits does the same."""

from naive_tf import NaiveDense, NaiveSequential, fit, set_seed, sparse_categorical_crossentropy_from_logits

import keras
import numpy as np
import tensorflow as tf


def saturating_data(n=512, features=20, classes=5):
    """Random inputs with random labels: a wide network is confidently wrong about many of them."""
    rng = np.random.default_rng(0)
    return rng.normal(size=(n, features)).astype("float32"), rng.integers(0, classes, n)


def dense_network(last_activation, features=20, classes=5):
    set_seed(0)
    model = NaiveSequential([NaiveDense(features, 32, activation=tf.nn.relu),
                             NaiveDense(32, classes, activation=last_activation)])
    for weight in model.weights:
        weight.assign(weight * 10)  # a wide initialization: softmax outputs of 0 and 1
    return model


def distance(model, keras_weights) -> float:
    return max(float(np.abs(ours.numpy() - theirs).max()) for ours, theirs in zip(model.weights, keras_weights))


def test_the_logits_loss_follows_keras_fit_where_the_clipped_loss_does_not():
    images, labels = saturating_data()
    softmax_model, logits_model = dense_network(tf.nn.softmax), dense_network(None)
    probabilities = softmax_model(images).numpy()[np.arange(len(labels)), labels]
    assert (probabilities < 1e-7).mean() > 0.05  # saturated: the clipped loss has no gradient there

    keras_model = keras.Sequential([keras.Input((20,)), keras.layers.Dense(32, activation="relu"),
                                    keras.layers.Dense(5, activation="softmax")])
    keras_model.set_weights([weight.numpy() for weight in softmax_model.weights])
    keras_model.compile(optimizer=keras.optimizers.SGD(0.01), loss="sparse_categorical_crossentropy")
    keras_model.fit(images, labels, batch_size=32, epochs=1, shuffle=False, verbose=0)

    fit(softmax_model, images, labels, epochs=1, batch_size=32, learning_rate=0.01, verbose=0)
    fit(logits_model, images, labels, epochs=1, batch_size=32, learning_rate=0.01, verbose=0,
        loss=sparse_categorical_crossentropy_from_logits)
    clipped_distance = distance(softmax_model, keras_model.get_weights())
    logits_distance = distance(logits_model, keras_model.get_weights())
    assert clipped_distance > 1e-3  # the clipped loss trained differently...
    assert logits_distance <= clipped_distance / 10  # ...the loss from logits as Keras' fit did
