"""A training run killed with SIGKILL and resumed ends exactly where an uninterrupted run ends."""

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


def test_killed_and_resumed_run_ends_with_the_same_weights_and_accuracy(tmp_path):
    data = write_small_idx_dataset(tmp_path / "data")
    uninterrupted = subprocess.run(train_command(data, tmp_path / "whole"), capture_output=True, text=True, timeout=300)
    assert uninterrupted.returncode == 0, uninterrupted.stderr

    run = subprocess.Popen(train_command(data, tmp_path / "killed"), stdout=subprocess.PIPE, text=True)
    for line in run.stdout:
        if line.startswith("epoch 2/4"):  # printed once epoch 2's checkpoint is saved
            run.send_signal(signal.SIGKILL)
            break
    assert run.wait(timeout=60) == -signal.SIGKILL
    resumed = subprocess.run(train_command(data, tmp_path / "killed", "--resume"), capture_output=True, text=True,
                             timeout=300)
    assert resumed.returncode == 0, resumed.stderr

    lines = resumed.stdout.splitlines()
    assert lines[0].startswith("resuming after epoch 2")
    assert lines[1:] == uninterrupted.stdout.splitlines()[2:]  # epochs 3 and 4, and the test accuracy
    whole, killed = checkpoint_values(tmp_path / "whole"), checkpoint_values(tmp_path / "killed")
    assert whole.keys() == killed.keys() and len(whole) > 4
    for name in whole:
        np.testing.assert_array_equal(whole[name], killed[name], err_msg=name)


def test_the_same_seed_repeats_the_same_run_in_another_process(tmp_path):
    data = write_small_idx_dataset(tmp_path / "data")
    outputs = [subprocess.run(train_command(data, tmp_path / f"run{number}"), capture_output=True, text=True,
                              timeout=300).stdout for number in (1, 2)]
    assert outputs[0] == outputs[1] and outputs[0].count("epoch ") == 4
