"""The source notebook's training loop with its two bugs fixed: the smallest fit that trains."""

from naive_tf.batches import BatchGenerator
from naive_tf.checks import check_positive_int
from naive_tf.training import one_training_step


def simple_fit(model, images, labels, epochs: int, batch_size: int = 128, learning_rate: float = 1e-3) -> None:
    """The source's fit, fixed: the loop over batches sits inside the loop over epochs, so that
    every epoch trains on every batch, and the batches are batch_size samples long."""
    check_positive_int("epochs", epochs)
    for epoch_counter in range(epochs):
        print(f"Epoch {epoch_counter}")
        batch_generator = BatchGenerator(images, labels, batch_size)
        for batch_counter in range(batch_generator.num_batches):
            images_batch, labels_batch = batch_generator.next()
            loss = one_training_step(model, images_batch, labels_batch, learning_rate)
            if batch_counter % 100 == 0:
                print(f"loss at batch {batch_counter}: {loss:.2f}")
