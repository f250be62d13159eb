import subprocess
import sys
import textwrap

from naive_tf import NaiveDense, NaiveDropout, NaiveSequential, fit, optimizers, set_seed
from naive_tf.callbacks import BackupAndRestore, ModelCheckpoint
from naive_tf.checkpoints import load_weights, save_weights

import numpy as np
import pytest
import tensorflow as tf


def model_and_data(hidden=16, seed=0):
    set_seed(seed)
    model = NaiveSequential([NaiveDense(8, hidden, tf.nn.relu), NaiveDropout(0.3),
                             NaiveDense(hidden, 3, tf.nn.softmax)])
    rng = np.random.default_rng(1)
    images = rng.random((96, 8), dtype=np.float32)
    return model, images, images[:, :3].argmax(axis=1)


def values(variables):
    return [variable.numpy() for variable in variables]


def test_weights_and_optimizer_state_round_trip(tmp_path):
    model, images, labels = model_and_data()
    adam = optimizers.Adam(0.01)
    fit(model, images, labels, epochs=2, batch_size=32, optimizer=adam, verbose=0)
    save_weights(model, tmp_path, adam)
    copy, _, _ = model_and_data(seed=5)
    copy_adam = optimizers.Adam(0.01)
    load_weights(copy, tmp_path, copy_adam)
    for ours, theirs in zip(values(model.weights), values(copy.weights)):
        np.testing.assert_array_equal(ours, theirs)
    assert int(copy_adam.iterations) == int(adam.iterations) == 6
    for weight, copied in zip(model.weights, copy.weights):
        for name in adam.slot_names:
            np.testing.assert_array_equal(adam.slots[weight.ref()][name], copy_adam.slots[copied.ref()][name])


def test_loading_into_another_architecture_names_the_variable_and_both_shapes(tmp_path):
    model, _, _ = model_and_data(hidden=16)
    save_weights(model, tmp_path)
    wider, _, _ = model_and_data(hidden=32)
    message = r"weight 0 \(W\) has shape \(8, 32\) in this model but \(8, 16\) in checkpoint"
    with pytest.raises(ValueError, match=message):
        load_weights(wider, tmp_path)
    deeper = NaiveSequential([NaiveDense(8, 16), NaiveDense(16, 16), NaiveDense(16, 3)])
    with pytest.raises(ValueError, match="holds 4 weights, the model has 6"):
        load_weights(deeper, tmp_path)
    with pytest.raises(ValueError, match="holds no optimizer state"):
        load_weights(model, tmp_path, optimizers.Adam())


def test_an_empty_folder_has_no_checkpoint(tmp_path):
    with pytest.raises(FileNotFoundError, match="no checkpoint in"):
        load_weights(model_and_data()[0], tmp_path)


def test_a_save_killed_midway_leaves_the_previous_checkpoint_usable(tmp_path):
    # A child process saves again and again, each time with every weight set to the save's number,
    # and is killed while saving (SIGKILL, TerminateProcess on Windows); whatever it left must load whole.
    script = textwrap.dedent(f"""
        import naive_tf, tensorflow as tf
        from naive_tf.checkpoints import save_weights
        model = naive_tf.NaiveSequential([naive_tf.NaiveDense(1000, 1000), naive_tf.NaiveDense(1000, 10)])
        for number in range(1, 1000):
            for weight in model.weights:
                weight.assign(tf.fill(weight.shape, float(number)))
            save_weights(model, {str(tmp_path)!r})
            print(number, flush=True)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    for line in child.stdout:
        if int(line) == 3:
            break
    child.kill()
    child.wait()
    model = NaiveSequential([NaiveDense(1000, 1000), NaiveDense(1000, 10)])
    load_weights(model, tmp_path)
    saved_numbers = {float(np.unique(weight.numpy()).item()) for weight in model.weights}
    assert len(saved_numbers) == 1 and saved_numbers.pop() >= 3  # one whole save, not a mix


def test_the_torn_files_of_an_interrupted_save_are_ignored(tmp_path):
    model, _, _ = model_and_data()
    prefix = save_weights(model, tmp_path)
    assert prefix.endswith("ckpt-1")
    for suffix in (".index", ".data-00000-of-00001"):  # what a save cut short might leave
        (tmp_path / f"ckpt-2{suffix}").write_bytes(b"\x00" * 10)
    copy, _, _ = model_and_data(seed=5)
    assert load_weights(copy, tmp_path) == prefix
    for ours, theirs in zip(values(model.weights), values(copy.weights)):
        np.testing.assert_array_equal(ours, theirs)
    assert save_weights(model, tmp_path).endswith("ckpt-2")  # the next save replaces the torn files


def test_resuming_in_the_same_process_matches_an_uninterrupted_run(tmp_path):
    model, images, labels = model_and_data()
    arguments = dict(batch_size=16, shuffle=True, seed=3, verbose=0)
    uninterrupted = fit(model, images, labels, epochs=4, optimizer=optimizers.Adam(0.01), **arguments)

    first, _, _ = model_and_data()
    fit(first, images, labels, epochs=2, optimizer=optimizers.Adam(0.01), callbacks=[ModelCheckpoint(tmp_path)],
        **arguments)
    second, _, _ = model_and_data(seed=9)  # other initial weights and dropout state: all restored
    resumed = fit(second, images, labels, epochs=4, optimizer=optimizers.Adam(0.01),
                  callbacks=[BackupAndRestore(tmp_path)], **arguments)
    assert resumed == uninterrupted
    for ours, theirs in zip(values(second.weights), values(model.weights)):
        np.testing.assert_array_equal(ours, theirs)


def test_backup_and_restore_starts_afresh_from_an_empty_folder_and_says_when_it_resumes(tmp_path, capsys):
    model, images, labels = model_and_data()
    history = fit(model, images, labels, epochs=2, callbacks=[BackupAndRestore(tmp_path)], verbose=0)
    assert len(history["loss"]) == 2 and tf.train.latest_checkpoint(str(tmp_path)).endswith("ckpt-2")
    resumed = fit(model, images, labels, epochs=3, callbacks=[BackupAndRestore(tmp_path)], verbose=2)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"resuming after epoch 2 from {tmp_path}" and lines[1].startswith("epoch 3/3: loss ")
    assert resumed["loss"][:2] == history["loss"] and len(resumed["loss"]) == 3


def test_the_optimizer_state_is_its_variables_the_step_count_first(tmp_path):
    model, images, labels = model_and_data()
    adam = optimizers.Adam(0.01)
    fit(model, images, labels, epochs=1, batch_size=32, optimizer=adam, verbose=0)
    assert adam.variables[0] is adam.iterations
    assert len(adam.variables) == 1 + 2 * len(model.weights)  # m and v for every weight
    save_weights(model, tmp_path, adam)
    saved = dict(tf.train.list_variables(str(tmp_path)))
    assert saved["optimizer_variables/0/.ATTRIBUTES/VARIABLE_VALUE"] == []  # the step count, a scalar
