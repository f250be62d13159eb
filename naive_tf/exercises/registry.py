"""The machinery behind the exercises: a registry of checkers, and `check`, which runs one.

A checker is a function of the student's answer. It returns when the answer is right and raises
NotYet, with a hint, when it is not. The helpers below do what most checkers need: call the
student's function (whatever it raises becomes a "not yet"), and read what it returned as an array
or a number.
"""

import numbers
from collections.abc import Callable
from dataclasses import dataclass

from naive_tf.dense import NaiveDense
from naive_tf.sequential import NaiveSequential

import numpy as np
import tensorflow as tf


class NotYet(Exception):
    """The answer is not right yet; the message is the hint shown to the student."""


@dataclass(frozen=True)
class Exercise:
    """One exercise: its id, a few words that name it, and the function that checks an answer."""

    exercise_id: str
    title: str
    checker: Callable[[object], None]


EXERCISES: dict[str, Exercise] = {}


def exercise(exercise_id: str, title: str):
    """Register the decorated function as the checker of exercise `exercise_id`, such as "4.2"."""

    def register(checker: Callable[[object], None]) -> Callable[[object], None]:
        if exercise_id in EXERCISES:
            raise ValueError(f"exercise {exercise_id!r} is registered twice")
        EXERCISES[exercise_id] = Exercise(exercise_id, title, checker)
        return checker

    return register


def exercise_ids() -> list[str]:
    """Every exercise id, in the order of the chapters: "1.1", "1.2", ..., "10.3"."""
    return sorted(EXERCISES, key=lambda exercise_id: tuple(int(part) for part in exercise_id.split(".")))


def check(exercise_id: str, answer) -> bool:
    """Check `answer` to exercise `exercise_id`: print one line, right or not yet (with a hint), and
    return True if the answer is right."""
    if not isinstance(exercise_id, str) or exercise_id not in EXERCISES:
        raise ValueError(
            f"there is no exercise {exercise_id!r}: the exercises are {', '.join(exercise_ids())} "
            "(give the id as a string, such as \"4.2\")"
        )
    name = f"Exercise {exercise_id} ({EXERCISES[exercise_id].title})"
    try:
        EXERCISES[exercise_id].checker(answer)
    except NotYet as not_yet:
        print(f"{name}: not yet. Hint: {not_yet}")
        return False
    print(f"{name}: right.")
    return True


def require(condition, hint: str) -> None:
    """Raise NotYet(hint) unless `condition` holds."""
    if not condition:
        raise NotYet(hint)


def first_line(error: BaseException, limit: int = 160) -> str:
    """The first line of an error's message, cut short, so that a verdict stays one line."""
    lines = str(error).strip().splitlines()
    message = lines[0].rstrip(".") if lines else ""
    return message if len(message) <= limit else message[: limit - 3] + "..."


def call(function, *arguments, description: str = "your function", hint: str = "", **keywords):
    """Call the student's function or class; an exception it raises becomes NotYet, naming it.

    `description` says what was called, for the message; `hint` is added to it.
    """
    if not callable(function):
        raise NotYet(f"expected a function or a class, got {function!r} of type {type(function).__name__}")
    try:
        return function(*arguments, **keywords)
    except Exception as error:
        raise NotYet(f"{description} raised {type(error).__name__}: {first_line(error)}. {hint}".rstrip()) from None


def as_array(value, shape: tuple, what: str = "your function") -> np.ndarray:
    """`value` (a NumPy array, a tensor or nested lists) as a float64 array of the expected shape."""
    if value is None:
        raise NotYet(f"{what} returned None: return the result")
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise NotYet(f"{what} returned {type(value).__name__}, which is not an array of numbers") from None
    require(array.shape == tuple(shape), f"{what} returned an array of shape {array.shape}, expected {tuple(shape)}")
    return array


def as_number(answer, hint: str) -> float:
    """A predicted number as a float; None or anything else than a number is "not yet"."""
    if answer is None:
        raise NotYet(f"replace None with your prediction, a number. {hint}")
    if isinstance(answer, (numbers.Real, np.number)) and not isinstance(answer, bool):
        return float(answer)
    if getattr(answer, "shape", None) == () and np.issubdtype(np.asarray(answer).dtype, np.number):
        return float(answer)  # a NumPy or TensorFlow scalar
    raise NotYet(f"your prediction should be a number, got {answer!r} of type {type(answer).__name__}")


def seeded_softmax_layer(input_size: int, classes: int, seed: int):
    """A one-layer softmax network whose weights are normal draws from `seed`: the same network at every
    call, so that a student's training and naive_tf's can start from the same weights."""
    rng = np.random.default_rng(seed)
    initializer = lambda shape: tf.constant(rng.normal(size=shape).astype("float32"))  # noqa: E731
    return NaiveSequential([NaiveDense(input_size, classes, activation=tf.nn.softmax, initializer=initializer)])
