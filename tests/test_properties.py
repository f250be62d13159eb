"""Random shapes, dtypes, sizes and values through the public API: every exception is one of
naive_tf's documented kinds, raised by naive_tf's own code with a message that names what is wrong,
never a raw TensorFlow or NumPy error; whatever runs returns finite numbers."""

import traceback
import warnings
from pathlib import Path

import naive_tf
from naive_tf import BatchGenerator, NaiveDense, NaiveSequential, accuracy, evaluate, fit, predict

import numpy as np
import tensorflow as tf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

DOCUMENTED = (ValueError, TypeError, FloatingPointError)
NAIVE_TF = Path(naive_tf.__file__).parent
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

DTYPES = st.sampled_from([np.uint8, np.int32, np.int64, np.float16, np.float32, np.float64, np.bool_, np.complex64])
VALUES = st.floats(-300, 300, width=16) | st.sampled_from([np.nan, np.inf, 0.0, 1.0])


def arrays(min_dims=1, max_dims=3, max_side=6):
    def build(dtype):
        elements = VALUES if np.issubdtype(dtype, np.floating) else None
        shape = hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=0, max_side=max_side)
        return hnp.arrays(dtype, shape, elements=elements)

    return DTYPES.flatmap(build)


def check_refusal(error: Exception, *words: str) -> None:
    """Raised by naive_tf itself, as a documented kind, with a message naming one of `words`."""
    raised_in = Path(traceback.extract_tb(error.__traceback__)[-1].filename).resolve()
    assert NAIVE_TF in raised_in.parents, f"raised outside naive_tf, in {raised_in}: {error!r}"
    assert any(word in str(error) for word in words), f"the message names none of {words}: {error}"


def small_model():
    return NaiveSequential([NaiveDense(4, 5, activation=tf.nn.relu), NaiveDense(5, 3, activation=tf.nn.softmax)])


@SETTINGS
@given(images=arrays(), labels=arrays(max_dims=2), epochs=st.integers(-1, 2), batch_size=st.integers(-1, 5),
       learning_rate=st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=2),
       step=st.sampled_from(["graph", "eager", "bogus"]))
def test_fit_trains_to_finite_numbers_or_says_what_is_wrong(images, labels, epochs, batch_size, learning_rate, step):
    model = small_model()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            history = fit(model, images, labels, epochs=epochs, batch_size=batch_size, learning_rate=learning_rate,
                          verbose=0, step=step)
    except DOCUMENTED as error:
        check_refusal(error, "images", "labels", "label", "epochs", "batch_size", "learning_rate", "step", "input_size",
                      "loss", "weight", "dataset")
        return
    assert all(np.isfinite(values).all() for values in history.values())
    assert all(np.isfinite(weight.numpy()).all() for weight in model.weights)


@SETTINGS
@given(images=arrays(), labels=arrays(max_dims=2), batch_size=st.integers(-1, 5))
def test_predict_and_evaluate_answer_in_range_or_say_what_is_wrong(images, labels, batch_size):
    model = small_model()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            predictions = predict(model, images, batch_size=batch_size)
            score = evaluate(model, images, labels, batch_size=batch_size)
    except DOCUMENTED as error:
        check_refusal(error, "images", "labels", "label", "batch_size", "input_size", "dataset")
        return
    assert np.isfinite(predictions).all() and 0 <= score <= 1


@SETTINGS
@given(predictions=arrays(min_dims=1, max_dims=3), labels=arrays(max_dims=2))
def test_accuracy_is_a_fraction_or_says_what_is_wrong(predictions, labels):
    try:
        score = accuracy(predictions, labels)
    except DOCUMENTED as error:
        check_refusal(error, "labels", "label", "images", "predictions")
        return
    assert 0 <= score <= 1


@SETTINGS
@given(input_size=st.integers(-2, 6) | st.floats(0, 6) | st.none(), output_size=st.integers(-2, 6),
       inputs=hnp.arrays(np.float32, hnp.array_shapes(min_dims=2, max_dims=2, min_side=0, max_side=6),
                          elements=st.floats(-300, 300, width=32)))
def test_a_dense_layer_is_built_and_called_or_says_what_is_wrong(input_size, output_size, inputs):
    try:
        layer = NaiveDense(input_size, output_size)
        outputs = layer(tf.constant(inputs))
    except DOCUMENTED as error:
        check_refusal(error, "input_size", "output_size", "NaiveDense")
        return
    assert outputs.shape == (inputs.shape[0], output_size) and np.isfinite(outputs.numpy()).all()


@SETTINGS
@given(count=st.integers(0, 20), labels_count=st.integers(0, 20), batch_size=st.integers(-2, 8) | st.floats(1, 3),
       shuffle=st.booleans())
def test_batches_cover_every_sample_once_or_say_what_is_wrong(count, labels_count, batch_size, shuffle):
    images, labels = np.arange(count), np.arange(labels_count)
    try:
        batches = list(BatchGenerator(images, labels, batch_size, shuffle=shuffle, seed=0))
    except DOCUMENTED as error:
        check_refusal(error, "images", "batch_size")
        return
    assert sorted(np.concatenate([batch for batch, _ in batches] or [np.array([], int)])) == list(range(count))
