"""python -m naive_tf train --workers 2: two worker processes train as one device does; a killed
worker stops the run with a clear error, and the run resumes to where an uninterrupted one ends."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import tensorflow as tf
from data_files import write_small_idx_dataset

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="finds the workers through /proc")


def train_command(data_dir, checkpoint_dir, epochs, *extra):
    # The seed recipe: plain gradient descent, no dropout, no shuffling.
    return [sys.executable, "-m", "naive_tf", "train", "--recipe", "seed", "--epochs", str(epochs), "--batch-size",
            "64", "--idx-dir", str(data_dir), "--checkpoint-dir", str(checkpoint_dir), *extra]


def run(command):
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def weights(folder):
    reader = tf.train.load_checkpoint(str(folder))
    return [reader.get_tensor(name) for name, _ in tf.train.list_variables(str(folder)) if name.startswith("weights/")]


def assert_close(folder, reference_folder):
    ours, reference = weights(folder), weights(reference_folder)
    assert len(ours) == len(reference) == 4
    for mine, theirs in zip(ours, reference):
        np.testing.assert_allclose(mine, theirs, rtol=0, atol=1e-5)


def workers_of(launcher: int) -> dict[int, int]:
    """The launcher's worker processes, by worker index, read from their TF_CONFIG in /proc."""
    workers = {}
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == launcher:
                environment = (entry / "environ").read_bytes().split(b"\0")
                config = next(item for item in environment if item.startswith(b"TF_CONFIG="))
                workers[int(config.rsplit(b'"index": ', 1)[1].rstrip(b"}}"))] = int(entry.name)
        except (OSError, StopIteration):
            continue  # a process that ended meanwhile, or not a worker
    return workers


def test_two_workers_end_where_one_device_does(tmp_path):
    data = write_small_idx_dataset(tmp_path / "data")
    one_device = run(train_command(data, tmp_path / "one", 2))
    two_workers = run(train_command(data, tmp_path / "two", 2, "--workers", "2"))
    assert [line.split(":")[0] for line in two_workers] == [line.split(":")[0] for line in one_device]
    assert_close(tmp_path / "two", tmp_path / "one")


def test_a_killed_worker_stops_the_run_which_resumes_to_where_an_uninterrupted_one_ends(tmp_path):
    data = write_small_idx_dataset(tmp_path / "data")
    uninterrupted = run(train_command(data, tmp_path / "whole", 20))
    launcher = subprocess.Popen(train_command(data, tmp_path / "killed", 20, "--workers", "2"),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for line in launcher.stdout:
            if line.startswith("epoch 2/20"):  # printed once epoch 2's checkpoint is saved
                workers = workers_of(launcher.pid)
                os.kill(workers[1], signal.SIGKILL)
                break
        assert launcher.wait(timeout=60) == 1
    finally:
        launcher.kill()
    error = launcher.stderr.read().splitlines()[-1]
    assert error.startswith("error: worker 1 of 2 stopped: killed by signal 9; the other workers were stopped too. "
                            "Continue from the last saved epoch with: python -m naive_tf train --recipe seed")
    assert error.endswith("--workers 2 --resume")
    time.sleep(0.5)
    assert workers_of(launcher.pid) == {}  # no worker outlives the launcher
    for pid in workers.values():
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)

    resumed = run(train_command(data, tmp_path / "killed", 20, "--workers", "2", "--resume"))
    assert resumed[0].startswith("resuming after epoch ")
    assert resumed[-2:] == uninterrupted[-2:]  # the validation and test accuracy
    assert_close(tmp_path / "killed", tmp_path / "whole")


def test_ctrl_c_stops_every_worker(tmp_path):
    data = write_small_idx_dataset(tmp_path / "data")
    # A new session: Ctrl-C in a terminal reaches the launcher and its workers, its whole process group.
    launcher = subprocess.Popen(train_command(data, tmp_path / "run", 200, "--workers", "2"), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        for line in launcher.stdout:
            if line.startswith("epoch 1/200"):
                workers = workers_of(launcher.pid)
                os.killpg(launcher.pid, signal.SIGINT)
                break
        assert launcher.wait(timeout=60) == 130
    finally:
        launcher.kill()
    assert launcher.stderr.read().splitlines()[-1] == "interrupted; every worker was stopped"
    assert len(workers) == 2
    for pid in workers.values():
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
