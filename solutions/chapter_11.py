"""Solutions to the exercises of chapter 11, training on many devices."""

import naive_tf  # noqa: F401 (first: it imports TensorFlow quietly)

import numpy as np
import tensorflow as tf


def all_reduced_gradients(model, images, labels, replicas):
    """11.1: each replica divides its share's summed loss by the size of the whole batch; the sum of the
    replicas' gradients is then the gradient of the batch's mean loss, whatever the shares' sizes."""
    batch_size = len(labels)
    total = [tf.zeros_like(weight) for weight in model.weights]
    for share_images, share_labels in zip(np.array_split(images, replicas), np.array_split(labels, replicas)):
        with tf.GradientTape() as tape:
            losses = naive_tf.sparse_categorical_crossentropy(share_labels, model(share_images))
            replica_loss = tf.reduce_sum(losses) / batch_size
        gradients = tape.gradient(replica_loss, model.weights)
        total = [sum_so_far + gradient for sum_so_far, gradient in zip(total, gradients)]
    return total


exercise_11_1 = all_reduced_gradients

# 11.2: each pass sends N - 1 pieces of 1/N of the 1,628,200 bytes; two passes: 2 x 3/4 x 1,628,200.
exercise_11_2 = 2_442_300


def shares(array, replicas):
    """11.3: consecutive pieces (np.array_split), so that putting them back one after the other gives the
    array in its order; taking every replicas-th row would shuffle it."""
    return np.array_split(array, replicas)


exercise_11_3 = shares
