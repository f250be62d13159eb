from naive_tf import BatchGenerator

import numpy as np
import pytest


def dataset(n):
    return np.arange(n * 2).reshape(n, 2), np.arange(n)


@pytest.mark.parametrize("shuffle", [False, True])
@pytest.mark.parametrize("n, batch_size", [(10, 3), (12, 4), (5, 128), (1, 1)])
def test_one_epoch_covers_every_sample_exactly_once(n, batch_size, shuffle):
    images, labels = dataset(n)
    batches = list(BatchGenerator(images, labels, batch_size=batch_size, shuffle=shuffle, seed=0))
    assert len(batches) == -(-n // batch_size)
    assert [len(batch_labels) for _, batch_labels in batches[:-1]] == [batch_size] * (len(batches) - 1)
    assert len(batches[-1][1]) == n - batch_size * (len(batches) - 1)
    seen = np.concatenate([batch_labels for _, batch_labels in batches])
    assert sorted(seen) == list(range(n))
    for batch_images, batch_labels in batches:  # images stay paired with their labels
        np.testing.assert_array_equal(batch_images, images[batch_labels])


def test_source_attributes_and_consecutive_slices():
    images, labels = dataset(300)
    generator = BatchGenerator(images, labels)
    assert (generator.index, generator.batch_size, generator.num_batches, len(generator)) == (0, 128, 3, 3)
    assert generator.images is images and generator.labels is labels
    first_images, first_labels = generator.next()
    np.testing.assert_array_equal(first_labels, labels[:128])
    assert generator.index == 128
    generator.next()
    _, last_labels = generator.next()
    np.testing.assert_array_equal(last_labels, labels[256:])
    with pytest.raises(StopIteration):
        generator.next()


def test_shuffling_is_seeded_and_a_shared_generator_gives_each_epoch_a_new_order():
    images, labels = dataset(50)
    order = lambda generator: np.concatenate([batch for _, batch in generator])  # noqa: E731
    assert (order(BatchGenerator(images, labels, 8, shuffle=True, seed=3))
            == order(BatchGenerator(images, labels, 8, shuffle=True, seed=3))).all()
    assert not (order(BatchGenerator(images, labels, 8, shuffle=True, seed=3))
                == order(BatchGenerator(images, labels, 8))).all()
    rng = np.random.default_rng(3)
    first, second = (order(BatchGenerator(images, labels, 8, shuffle=True, seed=rng)) for _ in range(2))
    assert not (first == second).all()


def test_mismatched_lengths_are_rejected_with_both_lengths():
    with pytest.raises(ValueError, match="10 images and 9 labels"):
        BatchGenerator(np.zeros((10, 2)), np.zeros(9))


@pytest.mark.parametrize("batch_size", [0, -1, 2.5, True])
def test_batch_size_must_be_a_positive_integer(batch_size):
    with pytest.raises(ValueError, match=f"batch_size must be a positive integer, got {batch_size!r}"):
        BatchGenerator(np.zeros((10, 2)), np.zeros(10), batch_size=batch_size)
