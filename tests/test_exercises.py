"""The chapters' exercises: each check accepts its solution and refuses a wrong answer, and the chapters,
the checks and the solutions name the same exercises."""

import importlib.util
import json
import re
from pathlib import Path

import naive_tf
from naive_tf import exercises

import numpy as np
import pytest
import tensorflow as tf

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = {number: path for number in range(1, 12)
            for path in (ROOT / "notebooks").glob(f"{number:02d}_*.ipynb")}
EXERCISE_HEADING = re.compile(r"^#+ Exercise (\d+\.\d+)\b", re.MULTILINE)
CHECK_CALL = re.compile(r'naive_tf\.exercises\.check\("(\d+\.\d+)", \w+\)')


def load_solutions(number: int):
    path = ROOT / "solutions" / f"chapter_{number:02d}.py"
    spec = importlib.util.spec_from_file_location(f"solutions_chapter_{number:02d}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SOLUTIONS = {number: load_solutions(number) for number in CHAPTERS}


def solution(exercise_id: str):
    chapter = int(exercise_id.split(".")[0])
    return getattr(SOLUTIONS[chapter], "exercise_" + exercise_id.replace(".", "_"))


def cells(number: int, cell_type: str) -> list[dict]:
    notebook = json.loads(CHAPTERS[number].read_text(encoding="utf-8"))
    return [cell for cell in notebook["cells"] if cell["cell_type"] == cell_type]


# A wrong answer to each exercise: a typical mistake, often another than the one the chapter's cell starts from.

class LateBiasDense(naive_tf.Layer):
    def __init__(self, input_size, output_size, activation=None):
        self.activation = activation or (lambda z: z)
        self.W = tf.Variable(tf.zeros((input_size, output_size)))
        self.b = tf.Variable(tf.zeros((output_size,)))

    def __call__(self, inputs):
        return self.activation(tf.matmul(inputs, self.W)) + self.b

    @property
    def weights(self):
        return [self.W, self.b]


class LastLayerChain(naive_tf.NaiveSequential):
    @property
    def weights(self):
        return self.layers[-1].weights


def summed_loss_step(model, images, labels, learning_rate=1e-3):
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(naive_tf.sparse_categorical_crossentropy(labels, model(images)))
    naive_tf.update_weights(tape.gradient(loss, model.weights), model.weights, learning_rate)
    return loss


def one_epoch_fit(model, images, labels, epochs, batch_size=128):
    for _ in range(epochs):
        batches = naive_tf.BatchGenerator(images, labels, batch_size)
    for images_batch, labels_batch in batches:
        naive_tf.one_training_step(model, images_batch, labels_batch)


class EagerLazyScale(naive_tf.Layer):
    def __init__(self):
        self.scale = None

    def __call__(self, inputs):
        self.scale = tf.Variable(tf.ones((inputs.shape[-1],)))
        return inputs * self.scale

    @property
    def weights(self):
        return [] if self.scale is None else [self.scale]


class ForgetfulDense(naive_tf.Layer):
    def __init__(self, output_size, activation=None):
        self.output_size, self.activation, self.dense = output_size, activation, None

    def __call__(self, inputs):
        self.dense = naive_tf.NaiveDense(inputs.shape[-1], self.output_size, self.activation)
        return self.dense(inputs)

    @property
    def weights(self):
        return [] if self.dense is None else self.dense.weights


class UnscaledDropout(naive_tf.Layer):
    takes_training = True

    def __init__(self, rate, seed=0):
        self.rate, self.generator = rate, tf.random.Generator.from_seed(seed)

    def __call__(self, inputs, training=False):
        if not training:
            return inputs
        return tf.where(self.generator.uniform(tf.shape(inputs)) >= self.rate, inputs, tf.zeros_like(inputs))


class PythonCountingTracker:
    def __init__(self):
        self.total, self.count = tf.Variable(0.0), 0

    @tf.function
    def add(self, loss):
        self.total.assign_add(loss)
        self.count += 1

    def mean(self):
        return float(self.total) / self.count


class ChannelBlindFlatten(naive_tf.Layer):
    def __call__(self, inputs):
        return tf.reshape(inputs, (-1, inputs.shape[1] * inputs.shape[2]))


def copy_without_counting(source, target):
    pairs = list(zip(source.weights, target.weights))
    if any(a.shape != b.shape for a, b in pairs):
        raise ValueError("shapes differ")
    for source_weight, target_weight in pairs:
        target_weight.assign(source_weight)


def averaged_replica_means(model, images, labels, replicas):
    sums = [tf.zeros_like(weight) for weight in model.weights]
    for share_images, share_labels in zip(np.array_split(images, replicas), np.array_split(labels, replicas)):
        with tf.GradientTape() as tape:
            losses = naive_tf.sparse_categorical_crossentropy(share_labels, model(share_images))
            replica_loss = tf.reduce_mean(losses)
        sums = [total + gradient for total, gradient in zip(sums, tape.gradient(replica_loss, model.weights))]
    return sums


def convolve_flipped(image, kernel):
    return SOLUTIONS[9].convolve(image, kernel[::-1, ::-1])


WRONG_ANSWERS = {
    "1.1": lambda z: np.exp(z) / np.exp(z).sum(),
    "1.2": 1 / 3,
    "1.3": LateBiasDense,
    "2.1": lambda model: len(model.weights),
    "2.2": 784 * 256 + 256 * 128 + 128 * 10,
    "2.3": LastLayerChain,
    "3.1": lambda labels, probabilities: -np.mean(np.log(probabilities[np.arange(len(labels)), labels])),
    "3.2": 16,
    "3.3": summed_loss_step,
    "4.1": lambda data: tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "little") for i in range(data[3])),
    "4.2": one_epoch_fit,
    "4.3": 0.8,
    "5.1": EagerLazyScale,
    "5.2": 32 * 64 + 64 + 64 * 10 + 10,
    "5.3": ForgetfulDense,
    "6.1": lambda logits, labels: tf.nn.softmax(logits) - tf.one_hot(labels, logits.shape[-1], dtype=logits.dtype),
    "6.2": 3.0,
    "6.3": lambda z, upstream: upstream * tf.cast(upstream > 0, upstream.dtype),
    "7.1": lambda weight, velocity, gradient, learning_rate, momentum: (
        weight + velocity - learning_rate * gradient, velocity - learning_rate * gradient),
    "7.2": 1 - 0.001 * 250,
    "7.3": UnscaledDropout,
    "8.1": lambda model, optimizer: lambda images, labels: naive_tf.training_step(model, images, labels, optimizer)[0],
    "8.2": 3,
    "8.3": PythonCountingTracker,
    "9.1": convolve_flipped,
    "9.2": 5,
    "9.3": ChannelBlindFlatten,
    "10.1": copy_without_counting,
    "10.2": 5,
    "10.3": lambda model, optimizer: tf.train.Checkpoint(weights=model.weights,
                                                       optimizer_variables=optimizer.variables),
    "11.1": averaged_replica_means,
    "11.2": 2 * 1_628_200,
    "11.3": lambda array, replicas: [array[i * (len(array) // replicas):(i + 1) * (len(array) // replicas)]
                                     for i in range(replicas)],
}


@pytest.mark.parametrize("exercise_id", exercises.exercise_ids())
def test_the_solution_is_right(exercise_id, capsys):
    assert exercises.check(exercise_id, solution(exercise_id)) is True
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(f"Exercise {exercise_id} (") and line.endswith("): right.")


@pytest.mark.parametrize("exercise_id", exercises.exercise_ids())
def test_a_wrong_answer_is_not_yet_with_a_hint(exercise_id, capsys):
    assert exercises.check(exercise_id, WRONG_ANSWERS[exercise_id]) is False
    [line] = capsys.readouterr().out.splitlines()
    assert re.fullmatch(rf"Exercise {re.escape(exercise_id)} \(.+\): not yet\. Hint: .{{20,}}", line)


@pytest.mark.parametrize("exercise_id", ["1.2", "5.1"])
def test_no_answer_yet_is_not_yet(exercise_id, capsys):
    assert exercises.check(exercise_id, None) is False
    assert "not yet" in capsys.readouterr().out


@pytest.mark.parametrize("unknown", ["12.1", "4.9", "4.2 ", 4.2])
def test_an_unknown_exercise_is_refused_naming_it_and_the_known_ones(unknown):
    with pytest.raises(ValueError, match=re.escape(repr(unknown))) as refusal:
        exercises.check(unknown, None)
    assert "1.1, 1.2" in str(refusal.value) and "10.3" in str(refusal.value)


def test_every_exercise_has_a_wrong_answer_here():
    assert set(WRONG_ANSWERS) == set(exercises.exercise_ids())


@pytest.mark.parametrize("number", sorted(CHAPTERS))
def test_each_chapter_ends_with_three_exercises_that_have_checks_and_solutions(number):
    headings = [exercise_id for cell in cells(number, "markdown")
                for exercise_id in EXERCISE_HEADING.findall("".join(cell["source"]))]
    assert len(headings) >= 3, f"chapter {number} has {len(headings)} exercises"
    assert all(exercise_id.split(".")[0] == str(number) for exercise_id in headings)
    assert len(set(headings)) == len(headings)
    for exercise_id in headings:
        assert exercise_id in exercises.EXERCISES, f"no check for exercise {exercise_id}"
        assert solution(exercise_id) is not None
    checked = [exercise_id for cell in cells(number, "code")
               for exercise_id in CHECK_CALL.findall("".join(cell["source"]))]
    assert checked == headings, "each exercise has one cell that checks it, after its heading, in order"


def test_every_check_and_every_solution_belongs_to_an_exercise_of_a_chapter():
    headings = {exercise_id for number in CHAPTERS for cell in cells(number, "markdown")
                for exercise_id in EXERCISE_HEADING.findall("".join(cell["source"]))}
    assert set(exercises.exercise_ids()) == headings
    named = {name.removeprefix("exercise_").replace("_", ".") for module in SOLUTIONS.values()
             for name in vars(module) if name.startswith("exercise_")}
    assert named == headings


@pytest.mark.parametrize("number", sorted(CHAPTERS))
def test_the_stored_chapter_holds_an_unfinished_attempt_at_each_exercise(number):
    for cell in cells(number, "code"):
        if match := CHECK_CALL.search("".join(cell["source"])):
            printed = "".join("".join(output.get("text", "")) for output in cell["outputs"])
            assert printed.startswith(f"Exercise {match[1]} ("), f"exercise {match[1]}: no stored verdict"
            assert ": not yet. Hint: " in printed, f"the stored chapter {number} solves exercise {match[1]}"
