from naive_tf import fit, simple_fit

import numpy as np
import pytest
from small_data import small_dataset, small_model


def test_simple_fit_trains_as_fit_does_with_plain_gradient_descent(capsys):
    images, labels = small_dataset(300)
    simple, full = small_model(), small_model()
    simple_fit(simple, images, labels, epochs=2, batch_size=32, learning_rate=0.5)
    fit(full, images, labels, epochs=2, batch_size=32, learning_rate=0.5, verbose=0, step="eager")
    for ours, reference in zip(simple.weights, full.weights):
        np.testing.assert_allclose(ours.numpy(), reference.numpy(), rtol=1e-6, atol=1e-7)
    printed = capsys.readouterr().out.splitlines()
    # Every epoch, the source's lines: the epoch, then the loss of batches 0, 100, ... (here only batch 0).
    assert [line.split(":")[0] for line in printed] == ["Epoch 0", "loss at batch 0", "Epoch 1", "loss at batch 0"]


def test_simple_fit_trains_every_epoch():
    images, labels = small_dataset(300)
    one, three = small_model(), small_model()
    simple_fit(one, images, labels, epochs=1, learning_rate=0.5)
    simple_fit(three, images, labels, epochs=3, learning_rate=0.5)
    assert not np.allclose(one.weights[0].numpy(), three.weights[0].numpy())


@pytest.mark.parametrize("epochs", [0, -1, 2.5])
def test_simple_fit_refuses_a_bad_number_of_epochs(epochs):
    with pytest.raises(ValueError, match=f"epochs must be a positive integer, got {epochs}"):
        simple_fit(small_model(), *small_dataset(), epochs=epochs)
