"""Exercises for the chapters, and the checks that say whether an answer is right.

Each chapter ends with exercises: write a function, predict a number, or find a bug in code that runs
but is wrong. Each has an id, "4.2" for the second of chapter 4, and a check:

    naive_tf.exercises.check("4.2", fit)

prints one line, right or not yet (with a hint), and returns True or False. A check does not compare
code: it runs a function on several inputs against an oracle (naive_tf's own code, NumPy,
tf.GradientTape), compares a prediction with the true number, or runs fixed code to see that it now
behaves. The module chapter_NN.py holds the checks of chapter NN, one function per exercise, whose
docstring says what the exercise asks.
"""

from naive_tf.exercises import (  # noqa: F401 (importing a chapter's module registers its exercises)
    chapter_01,
    chapter_02,
    chapter_03,
    chapter_04,
    chapter_05,
    chapter_06,
    chapter_07,
    chapter_08,
    chapter_09,
    chapter_10,
    chapter_11,
)
from naive_tf.exercises.registry import EXERCISES, NotYet, check, exercise_ids

__all__ = ["EXERCISES", "NotYet", "check", "exercise_ids"]
