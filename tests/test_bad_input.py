"""Every bad input gets a clear error before training starts, a slip gets a warning, and what
converts without loss is converted."""

import gzip
import os
import signal
import subprocess
import sys
import time

import naive_tf
from naive_tf import (
    NaiveDense,
    accuracy,
    evaluate,
    fit,
    one_training_step,
    optimizers,
    predict,
    set_seed,
    sparse_categorical_crossentropy,
    update_weights,
)
from naive_tf.callbacks import BackupAndRestore, ModelCheckpoint, TerminateOnNaN, TrainingRun
from naive_tf.checkpoints import CheckpointError, load_weights, save_weights
from naive_tf.cli import main
from naive_tf.datasets import flatten_and_scale, mnist, read_idx
from naive_tf.datasets.errors import DataFileError
from naive_tf.folder_lock import FolderBusyError, FolderLock

import numpy as np
import pytest
import tensorflow as tf
from data_files import idx_bytes, write_small_idx_dataset
from small_data import small_dataset, small_model


def weights_of(model):
    return [weight.numpy().copy() for weight in model.weights]


# Images: converted when nothing is lost, refused by name otherwise, warned about when unscaled.

@pytest.mark.parametrize("convert", [lambda x: x.astype(np.float64), lambda x: x.tolist()], ids=["float64", "list"])
def test_float64_images_and_lists_train_as_float32(convert):
    images, labels = small_dataset()
    reference = fit(small_model(), images, labels, epochs=1, verbose=0)
    converted = fit(small_model(), convert(images), labels.tolist(), epochs=1, verbose=0)
    np.testing.assert_allclose(converted["loss"], reference["loss"], rtol=1e-6)


def test_unscaled_images_train_with_a_warning_that_says_what_to_do():
    images, labels = small_dataset()
    with pytest.warns(UserWarning, match=r"images reach 25\d: unscaled pixels .* Divide them by 255"):
        fit(small_model(), (images * 255).astype(np.uint8), labels, epochs=1, verbose=0)


@pytest.mark.parametrize("images, error, message", [
    (np.array(["a", "b"]), TypeError, r"images must be real numbers \(integers or floats\), got dtype <U1"),
    (np.zeros(8, dtype=np.float32), ValueError, r"images must be a batch, shaped \(count, \.\.\.\), got shape \(8,\)"),
    ([[0.0] * 8, [0.0] * 3], ValueError, "images must form a rectangular array"),
    (tf.data.Dataset.from_tensor_slices(np.zeros((4, 8))), TypeError, "got a tf.data.Dataset: collect it into arrays"),
])
def test_images_that_are_not_a_batch_of_numbers_are_refused(images, error, message):
    with pytest.raises(error, match=message):
        fit(small_model(), images, [0, 1, 2, 0][: len(images) if hasattr(images, "__len__") else 4], epochs=1)


def test_prepared_images_are_scaled_once_whatever_their_dtype():
    pixels = np.random.default_rng(0).integers(0, 256, (5, 28, 28)).astype(np.uint8)
    expected = pixels.reshape(5, 784) / 255
    for stored in (pixels, pixels.astype(np.float32), pixels.astype(np.float32) / 255):
        np.testing.assert_allclose(flatten_and_scale(stored), expected, rtol=1e-6)


def test_images_of_another_size_are_refused_by_the_recipes_preparation():
    with pytest.raises(ValueError, match=r"expected images of shape \(count, 28, 28\), as MNIST's, got shape "
                                         r"\(3, 32, 32\)"):
        flatten_and_scale(np.zeros((3, 32, 32), dtype=np.uint8))


# Labels, sizes, arguments.

@pytest.mark.parametrize("bad_label", [12, -1])
def test_the_loss_refuses_labels_outside_the_classes(bad_label):
    probabilities = tf.fill((2, 10), 0.1)
    with pytest.raises(ValueError, match=rf"label {bad_label} at index 1 is outside \[0, 10\)"):
        sparse_categorical_crossentropy(np.array([3, bad_label]), probabilities)


def test_one_training_step_refuses_a_label_the_model_has_no_output_for():
    images, labels = small_dataset(4)
    before = weights_of(model := small_model())
    with pytest.raises(ValueError, match=r"label 99 at index 0 is outside \[0, 3\)"):
        one_training_step(model, images, np.array([99, 0, 1, 2]))
    assert all(np.array_equal(a, b) for a, b in zip(before, weights_of(model)))


def test_accuracy_takes_a_column_of_labels_and_refuses_a_length_that_differs():
    predictions = np.eye(3)[[0, 1, 2, 2]]
    assert accuracy(predictions, np.array([[0], [1], [2], [0]])) == accuracy(predictions, [0, 1, 2, 0]) == 0.75
    with pytest.raises(ValueError, match="4 images and 3 labels"):
        accuracy(predictions, [0, 1, 2])


def test_update_weights_refuses_fewer_gradients_than_weights():
    weights = [tf.Variable([1.0]), tf.Variable([2.0])]
    with pytest.raises(ValueError, match="update_weights got 1 gradients for 2 weights: pass one gradient per weight"):
        update_weights([tf.constant([1.0])], weights)


@pytest.mark.parametrize("sizes, message", [((-1, 10), "input_size must be a positive integer, got -1"),
                                            ((784, 0), "output_size must be a positive integer, got 0")])
def test_a_dense_layer_of_no_size_is_refused(sizes, message):
    with pytest.raises(ValueError, match=message):
        NaiveDense(*sizes)


@pytest.mark.parametrize("arguments, error, message", [
    (dict(optimizer="adam"), TypeError, "optimizer must be an optimizer object such as naive_tf.optimizers.Adam()"),
    (dict(learning_rate=-0.1), ValueError, "learning_rate must be >= 0, got -0.1"),
    (dict(learning_rate=float("nan")), ValueError, "learning_rate must be >= 0, got nan"),
    (dict(learning_rate="0.1"), TypeError, "learning_rate must be a number, got '0.1' of type str"),
    (dict(validation_data=np.zeros((5, 8))), ValueError,
     r"validation_data must be a pair \(images, labels\), got a ndarray of shape \(5, 8\)"),
])
def test_bad_fit_arguments_are_refused_before_any_training(arguments, error, message):
    model = small_model()
    before = weights_of(model)
    with pytest.raises(error, match=message):
        fit(model, *small_dataset(), epochs=1, verbose=0, **arguments)
    assert all(np.array_equal(a, b) for a, b in zip(before, weights_of(model)))


def test_a_huge_learning_rate_trains_with_a_warning():
    with pytest.warns(UserWarning, match=r"learning_rate=1000000.0 is far above the usual 1e-4 to 1"):
        optimizers.SGD(1e6)


def test_a_zero_epsilon_is_refused_as_it_divides_by_zero():
    with pytest.raises(ValueError, match="epsilon must be > 0, got 0.0"):
        optimizers.Adam(epsilon=0.0)


def test_a_weight_that_turned_nan_stops_training_by_name():
    model = small_model()
    model.layers[0].W[0, 0].assign(float("nan"))
    callback = TerminateOnNaN()
    callback.set_run(TrainingRun(model, None, np.random.default_rng(), 1, 1, 0))
    with pytest.raises(FloatingPointError, match=r"weight 0 \(W, shape \(8, 16\)\) holds 1 NaN or infinite values "
                                                 "after epoch 3, though the loss stayed finite"):
        callback.on_epoch_end(3, {"loss": 0.5})


def test_predict_and_evaluate_convert_and_check_like_fit():
    images, labels = small_dataset()
    model = small_model()
    assert predict(model, images.astype(np.float64)).dtype == np.float32
    assert evaluate(model, images.tolist(), labels.reshape(-1, 1)) == evaluate(model, images, labels)


@pytest.mark.parametrize("seed", [-1, 2**32, 1.5, True])
def test_set_seed_takes_what_numpy_takes(seed):
    with pytest.raises(ValueError, match=r"seed must be an integer from 0 to 2\*\*32 - 1"):
        set_seed(seed)


# Checkpoint folders: checked before training; one writer; nothing outside touched; nothing replaced unasked.

def test_a_folder_holding_a_run_is_not_replaced_without_overwrite(tmp_path):
    model, (images, labels) = small_model(), small_dataset()
    fit(model, images, labels, epochs=1, verbose=0, callbacks=[ModelCheckpoint(tmp_path)])
    other = small_model(seed=3)
    before = weights_of(other)
    with pytest.raises(CheckpointError, match=r"already holds the checkpoint of a run \(ckpt-1\): resume it"):
        fit(other, images, labels, epochs=1, verbose=0, callbacks=[ModelCheckpoint(tmp_path)])
    assert all(np.array_equal(a, b) for a, b in zip(before, weights_of(other)))  # nothing trained
    fit(other, images, labels, epochs=1, verbose=0, callbacks=[ModelCheckpoint(tmp_path, overwrite=True)])
    load_weights(model, tmp_path)
    assert all(np.array_equal(a, b) for a, b in zip(weights_of(model), weights_of(other)))


def test_one_writer_per_folder_and_a_killed_writer_leaves_no_lock(tmp_path):
    with FolderLock(tmp_path):
        with pytest.raises(FolderBusyError, match="another run is writing checkpoints in"):
            save_weights(small_model(), tmp_path)
    script = (f"import time\nfrom naive_tf.folder_lock import FolderLock\nlock = FolderLock({str(tmp_path)!r})\n"
              "lock.acquire()\nprint('locked', flush=True)\ntime.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        with pytest.raises(FolderBusyError):
            fit(small_model(), *small_dataset(), epochs=1, verbose=0, callbacks=[ModelCheckpoint(tmp_path)])
    finally:
        holder.kill()
        holder.wait()
    assert save_weights(small_model(), tmp_path).endswith("ckpt-1")


def test_an_index_naming_files_elsewhere_is_refused_and_they_stay(tmp_path):
    folder, elsewhere = tmp_path / "run", tmp_path / "precious"
    elsewhere.mkdir()
    (elsewhere / "ckpt-1.index").write_text("not yours")
    save_weights(small_model(), folder)
    for named in (f"{elsewhere}/ckpt-1", "../precious/ckpt-1", "model"):
        (folder / "checkpoint").write_text(f'model_checkpoint_path: "{named}"\n')
        with pytest.raises(CheckpointError, match="which is not a checkpoint of this folder"):
            save_weights(small_model(), folder)
        for callback in (BackupAndRestore(folder), ModelCheckpoint(folder, overwrite=True)):
            with pytest.raises(CheckpointError, match="which is not a checkpoint of this folder"):
                fit(small_model(), *small_dataset(), epochs=1, verbose=0, callbacks=[callback])
            with FolderLock(folder):  # the refusal let go of the folder's lock
                pass
    assert (elsewhere / "ckpt-1.index").read_text() == "not yours"


@pytest.mark.parametrize("kind", ["truncated", "garbage"])
def test_a_damaged_checkpoint_is_named_when_resuming(tmp_path, kind):
    fit(small_model(), *small_dataset(), epochs=1, verbose=0, callbacks=[ModelCheckpoint(tmp_path)])
    data = next(tmp_path.glob("ckpt-1.data-*"))
    data.write_bytes(data.read_bytes()[:20] if kind == "truncated" else os.urandom(data.stat().st_size))
    with pytest.raises(CheckpointError, match=r"ckpt-1 cannot be read \(.*\): it is damaged. Start afresh"):
        fit(small_model(), *small_dataset(), epochs=2, verbose=0, callbacks=[BackupAndRestore(tmp_path)])


def test_a_file_or_an_empty_name_is_refused_as_a_checkpoint_folder(tmp_path):
    (tmp_path / "file").write_text("")
    with pytest.raises(CheckpointError, match="is a file, not a folder"):
        fit(small_model(), *small_dataset(), epochs=1, verbose=0, callbacks=[ModelCheckpoint(tmp_path / "file")])
    with pytest.raises(ValueError, match="the checkpoint folder's name is empty"):
        fit(small_model(), *small_dataset(), epochs=1, verbose=0, callbacks=[ModelCheckpoint("")])


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="permissions do not stop root (or apply on Windows)")
def test_a_read_only_folder_is_refused_before_training(tmp_path):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(CheckpointError, match="cannot write in .*: choose a folder you can write to"):
            fit(small_model(), *small_dataset(), epochs=1, verbose=0, callbacks=[ModelCheckpoint(tmp_path / "run")])
    finally:
        tmp_path.chmod(0o700)


def test_a_full_disk_leaves_the_previous_checkpoint_named_and_intact(tmp_path, monkeypatch):
    model = small_model()
    save_weights(model, tmp_path)

    def disk_full(self, prefix, options=None):
        raise tf.errors.ResourceExhaustedError(None, None, "No space left on device")

    monkeypatch.setattr(tf.train.Checkpoint, "write", disk_full)
    with pytest.raises(CheckpointError, match=r"could not save checkpoint ckpt-2 in .* \(ckpt-1, the previous "
                                              r"checkpoint, is intact\): No space left on device"):
        save_weights(model, tmp_path)
    monkeypatch.undo()
    assert load_weights(small_model(seed=4), tmp_path).endswith("ckpt-1")


# The command line.

def cli(tmp_path, *arguments):
    data = write_small_idx_dataset(tmp_path / "data", train=128, test=32)
    return main(["train", "--recipe", "seed", "--idx-dir", str(data), "--checkpoint-dir", str(tmp_path / "run"),
                 *arguments])


@pytest.mark.parametrize("changed, message", [
    (["--batch-size", "32"], "--batch-size is 32 here but 128 in the run saved in"),
    (["--epochs", "3"], "--epochs is 3 here but 2 in the run saved in"),
    (["--seed", "5"], "--seed is 5 here but 0 in the run saved in"),
])
def test_resume_refuses_other_arguments_naming_both_values(tmp_path, capsys, changed, message):
    assert cli(tmp_path, "--epochs", "2") == 0
    with pytest.raises(SystemExit) as exit_info:
        cli(tmp_path, "--epochs", "2", "--resume", *changed)
    assert exit_info.value.code == 1
    error = capsys.readouterr().err
    assert message in error and "or start afresh (overwrite=True, --overwrite)" in error


def test_running_again_without_resume_keeps_the_run_unless_overwrite(tmp_path, capsys):
    assert cli(tmp_path, "--epochs", "1") == 0
    with pytest.raises(SystemExit) as exit_info:
        cli(tmp_path, "--epochs", "1")
    assert exit_info.value.code == 1 and "already holds the checkpoint of a run" in capsys.readouterr().err
    assert cli(tmp_path, "--epochs", "1", "--overwrite") == 0


@pytest.mark.parametrize("arguments, message", [
    (["--seed", "-1"], "argument --seed: seed must be an integer from 0 to 2**32 - 1"),
    (["--overwrite"], "--overwrite needs --checkpoint-dir"),
])
def test_more_bad_arguments_are_usage_errors(arguments, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "--recipe", "seed", *arguments])
    assert exit_info.value.code == 2 and message in capsys.readouterr().err


def test_data_of_another_size_or_unreadable_is_one_line_of_error(tmp_path, capsys):
    folder = tmp_path / "data"
    write_small_idx_dataset(folder, train=16, test=8)
    (folder / "train-images-idx3-ubyte").write_bytes(idx_bytes(np.zeros((16, 32, 32), dtype=np.uint8)))
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "--recipe", "mlp", "--idx-dir", str(folder)])
    assert exit_info.value.code == 1
    assert capsys.readouterr().err.startswith("error: expected images of shape (count, 28, 28), as MNIST's, got shape "
                                              "(16, 32, 32)")
    (folder / "train-images-idx3-ubyte").unlink()
    (folder / "train-images-idx3-ubyte").mkdir()  # unreadable as a file
    with pytest.raises(SystemExit):
        main(["train", "--recipe", "mlp", "--idx-dir", str(folder)])
    error = capsys.readouterr().err
    assert error.startswith("error: ") and error.count("\n") == 1


@pytest.mark.skipif(os.name == "nt", reason="Windows has no SIGINT to send to another process")
def test_ctrl_c_ends_with_one_line_naming_the_saved_epoch_and_the_command_to_resume(tmp_path):
    data = write_small_idx_dataset(tmp_path / "data", train=2000, test=100)
    command = [sys.executable, "-m", "naive_tf", "train", "--recipe", "seed", "--epochs", "500", "--batch-size", "16",
               "--idx-dir", str(data), "--checkpoint-dir", str(tmp_path / "run")]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in run.stdout:
        if line.startswith("epoch 2/500"):
            break
    time.sleep(0.5)
    run.send_signal(signal.SIGINT)
    _, error = run.communicate(timeout=60)
    assert run.returncode == 130
    assert error.count("\n") == 1
    assert error.startswith("interrupted; epoch ") and " is saved. Continue with: python -m naive_tf train " in error
    assert error.rstrip().endswith("--resume")


# Data files.

def test_a_data_path_that_is_not_a_folder_is_refused_rather_than_looked_past(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"the path given to load_data, '.*typo', does not exist"):
        mnist.load_data(tmp_path / "typo")
    (tmp_path / "file").write_text("")
    with pytest.raises(FileNotFoundError, match="is a file, not a folder"):
        mnist.load_data(tmp_path / "file")


def test_a_small_gzip_that_inflates_past_its_header_is_stopped_early(tmp_path):
    header = idx_bytes(np.zeros(10, dtype=np.uint8))
    bomb = tmp_path / "labels.gz"
    bomb.write_bytes(gzip.compress(header + bytes(200_000_000), compresslevel=9))
    assert bomb.stat().st_size < 500_000
    with pytest.raises(DataFileError, match=r"unexpected bytes after the data: its header promises 18 bytes"):
        read_idx(bomb)


def test_naive_tf_is_importable_first():
    assert naive_tf.fit is fit


def test_a_relative_checkpoint_folder_takes_save_after_save(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    model = small_model()
    assert [save_weights(model, "runs/x") for _ in range(3)] == [f"runs/x/ckpt-{n}" for n in (1, 2, 3)]
    assert load_weights(model, "runs/x") == "runs/x/ckpt-3"


def test_a_callback_refusing_at_the_start_leaves_the_others_holding_nothing(tmp_path):
    fit(small_model(), *small_dataset(), epochs=1, verbose=0, callbacks=[ModelCheckpoint(tmp_path / "taken")])
    refused = [ModelCheckpoint(tmp_path / "free"), ModelCheckpoint(tmp_path / "taken")]
    with pytest.raises(CheckpointError, match="already holds the checkpoint of a run"):
        fit(small_model(), *small_dataset(), epochs=1, verbose=0, callbacks=refused)
    assert save_weights(small_model(), tmp_path / "free").endswith("ckpt-1")  # its lock was let go


def test_warnings_point_at_the_line_that_called_naive_tf():
    with pytest.warns(UserWarning) as records:
        fit(small_model(), *small_dataset(), epochs=1, verbose=0, learning_rate=1e6)
    assert {record.filename for record in records} == {__file__}


def test_a_keras_model_is_evaluated_like_a_naive_one():
    import keras

    images, labels = small_dataset()
    model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(3, activation="softmax")])
    assert 0 <= evaluate(model, images.astype(np.float64), labels) <= 1
