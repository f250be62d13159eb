"""A training run killed with SIGKILL and resumed ends exactly where an uninterrupted run ends; and
the same seed gives the same run in another process."""

import signal
import subprocess
import sys

import numpy as np
import tensorflow as tf
from data_files import write_small_idx_dataset


def train_command(data_dir, checkpoint_dir, *extra):
    # The mlp recipe exercises every kind of state: Adam's slots and step count, a learning-rate
    # schedule, dropout's random generator, and the shuffling order.
    return [sys.executable, "-m", "naive_tf", "train", "--recipe", "mlp", "--epochs", "4", "--batch-size", "64",
            "--seed", "7", "--idx-dir", str(data_dir), "--checkpoint-dir", str(checkpoint_dir), *extra]


def checkpoint_values(folder):
    reader = tf.train.load_checkpoint(str(folder))
    return {name: reader.get_tensor(name) for name, _ in tf.train.list_variables(str(folder))
            if name.startswith(("weights/", "optimizer_", "generators/"))}


def test_killed_and_resumed_run_ends_with_the_same_weights_and_accuracy_as_an_uninterrupted_one(tmp_path):
    data = write_small_idx_dataset(tmp_path / "data")
    uninterrupted = subprocess.run(train_command(data, tmp_path / "whole"), capture_output=True, text=True, timeout=300)
    assert uninterrupted.returncode == 0, uninterrupted.stderr

    run = subprocess.Popen(train_command(data, tmp_path / "killed"), stdout=subprocess.PIPE, text=True)
    before_the_kill = []
    for line in run.stdout:
        before_the_kill.append(line.rstrip("\n"))
        if line.startswith("epoch 2/4"):  # printed once epoch 2's checkpoint is saved
            run.kill()
            break
    # Windows has no SIGKILL: Popen.kill() calls TerminateProcess there, which sets the exit status to 1.
    assert run.wait(timeout=60) == (1 if sys.platform == "win32" else -signal.SIGKILL)
    resumed = subprocess.run(train_command(data, tmp_path / "killed", "--resume"), capture_output=True, text=True,
                             timeout=300)
    assert resumed.returncode == 0, resumed.stderr

    # Another process with the same seed repeats the same epochs, to the last digit printed ...
    assert before_the_kill == uninterrupted.stdout.splitlines()[:2]
    # ... and after the kill, the resumed process continues them: epochs 3 and 4, and the test accuracy.
    lines = resumed.stdout.splitlines()
    assert lines[0].startswith("resuming after epoch 2")
    assert lines[1:] == uninterrupted.stdout.splitlines()[2:]
    whole, killed = checkpoint_values(tmp_path / "whole"), checkpoint_values(tmp_path / "killed")
    assert whole.keys() == killed.keys() and len(whole) > 4
    for name in whole:
        np.testing.assert_array_equal(whole[name], killed[name], err_msg=name)

