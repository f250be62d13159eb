import os
import re
import subprocess
import sys

from naive_tf.cli import main

import pytest
from data_files import MNIST_DIR, write_small_idx_dataset


def run_cli(*arguments):
    # As from a terminal: without the TF_CPP_MIN_LOG_LEVEL that importing naive_tf set in this process.
    environment = {name: value for name, value in os.environ.items() if name != "TF_CPP_MIN_LOG_LEVEL"}
    return subprocess.run([sys.executable, "-m", "naive_tf", *arguments], capture_output=True, text=True, timeout=300,
                          env=environment)


@pytest.mark.parametrize("arguments, message", [
    (["--epochs", "0"], "argument --epochs: it must be a positive integer, got 0"),
    (["--batch-size", "-5"], "argument --batch-size: it must be a positive integer, got -5"),
    (["--epochs", "two"], "argument --epochs: invalid positive_int value: 'two'"),
    (["--recipe", "resnet"], "argument --recipe: invalid choice: 'resnet'"),
    (["--data-dir", "a", "--idx-dir", "b"], "argument --idx-dir: not allowed with argument --data-dir"),
])
def test_bad_arguments_are_usage_errors(arguments, message, capsys):
    if "--recipe" not in arguments:
        arguments = ["--recipe", "seed", *arguments]
    with pytest.raises(SystemExit) as exit_info:
        main(["train", *arguments])
    assert exit_info.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("usage: python -m naive_tf train") and message in error


def test_missing_data_is_reported_without_a_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("naive_tf.datasets.mnist.MIRRORS", ())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NAIVE_TF_DATA_DIR", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "--recipe", "seed", "--data-dir", str(tmp_path)])
    assert exit_info.value.code == 1
    assert re.match(r"error: MNIST file train-images-idx3-ubyte .* was not found in:\n  " + re.escape(str(tmp_path)),
                    capsys.readouterr().err)


def test_train_on_an_idx_folder_prints_epochs_then_validation_and_test_accuracy(tmp_path):
    write_small_idx_dataset(tmp_path)
    result = run_cli("train", "--recipe", "seed", "--idx-dir", str(tmp_path), "--epochs", "3", "--batch-size", "32")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:3]] == ["epoch 1/3", "epoch 2/3", "epoch 3/3"]
    assert re.fullmatch(r"validation accuracy: \d\.\d{4}", lines[-2])
    assert re.fullmatch(r"test accuracy: \d\.\d{4}", lines[-1])
    assert result.stderr == ""  # TensorFlow's start-up notices stay out of the terminal


def test_mlp_recipe_one_epoch_on_mnist():
    result = run_cli("train", "--recipe", "mlp", "--epochs", "1", "--data-dir", str(MNIST_DIR))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # nor the lines XLA logs when it compiles the recipe's step
    # Ten epochs reach 0.984 (`python -m naive_tf train --recipe mlp`); one, with the learning rate
    # decayed over that one epoch, measured 0.956 with seed 0.
    accuracy = float(result.stdout.splitlines()[-1].removeprefix("test accuracy: "))
    assert 0.94 <= accuracy <= 0.97


def test_resume_without_a_checkpoint_dir_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "--recipe", "seed", "--resume"])
    assert exit_info.value.code == 2
    assert "error: --resume needs --checkpoint-dir, the folder to resume from" in capsys.readouterr().err


def test_cnn_recipe_trains_on_images_with_a_channel(tmp_path):
    write_small_idx_dataset(tmp_path, train=256, test=64)
    result = run_cli("train", "--recipe", "cnn", "--idx-dir", str(tmp_path), "--epochs", "1", "--batch-size", "64")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("epoch 1/1: loss ")
    # The bright block that gives each synthetic image its class is easy for a convolution to find.
    assert float(lines[-1].removeprefix("test accuracy: ")) >= 0.5
