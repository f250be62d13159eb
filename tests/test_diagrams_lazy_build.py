"""The diagram of chapter 5 draws a lazy layer's build as the chapter tells it."""

from naive_tf.diagrams.lazy_build import draw_lazy_build

import matplotlib.pyplot as plt
from figures import texts
from matplotlib.figure import Figure


def test_the_lazy_build_shows_no_weights_then_build_then_call():
    figure = draw_lazy_build()
    assert isinstance(figure, Figure)
    shown = texts(figure)
    for expected in ["new layer, units=32\nweights = [ ]: no W, no b yet", "build(input_shape)\ninput_shape[-1] = 784",
                     "W  (784, 32)", "b  (32,)", "inputs\n(n, 784)", "outputs\n(n, 32)", "creates",
                     "built already: no build, straight to call", "the same W and b"]:
        assert expected in shown
    # The first call and every later one end in the same call.
    assert shown.count("call(inputs)\nrelu(x @ W + b)") == 2
    plt.close(figure)


def test_the_lazy_build_takes_sizes_an_activation_and_a_batch():
    figure = draw_lazy_build(units=10, input_size=512, activation="softmax", batch=4)
    shown = texts(figure)
    for expected in ["W  (512, 10)", "b  (10,)", "inputs\n(4, 512)", "outputs\n(4, 10)",
                     "new layer, units=10\nweights = [ ]: no W, no b yet", "build(input_shape)\ninput_shape[-1] = 512",
                     "call(inputs)\nsoftmax(x @ W + b)"]:
        assert expected in shown
    plt.close(figure)
