"""Solutions to the exercises of chapter 4, training on MNIST."""

from naive_tf import BatchGenerator, one_training_step


def idx_shape(data: bytes) -> tuple[int, ...]:
    """4.1: the 4th byte is the number of dimensions; each size follows as 4 big-endian bytes."""
    ndim = data[3]
    return tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))


exercise_4_1 = idx_shape


def fit_with_history(model, images, labels, epochs, batch_size=128):
    """4.2: the list of an epoch's batch losses starts empty at the start of each epoch, not once for all."""
    history = []
    for epoch_counter in range(epochs):
        print(f"Epoch {epoch_counter}")
        batch_generator = BatchGenerator(images, labels, batch_size)
        batch_losses = []
        for batch_counter in range(batch_generator.num_batches):
            images_batch, labels_batch = batch_generator.next()
            loss = one_training_step(model, images_batch, labels_batch)
            batch_losses.append(float(loss))
            if batch_counter % 100 == 0:
                print(f"loss at batch {batch_counter}: {loss:.2f}")
        history.append(sum(batch_losses) / len(batch_losses))
    return history


exercise_4_2 = fit_with_history

# 4.3: the rows' argmax is [1, 0, 2, 1, 0] against the labels [1, 0, 0, 2, 0]: 3 of 5 right.
exercise_4_3 = 3 / 5
