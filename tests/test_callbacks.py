"""fit's hooks, the progress bar and the TensorBoard logs, each checked against what fit returned."""

from pathlib import Path

from naive_tf import fit
from naive_tf.callbacks import Callback, ProgressBar, TensorBoard
from naive_tf.callbacks.progress_bar import running_in_jupyter
from naive_tf.cli import main

import numpy as np
import pytest
import tensorflow as tf
from data_files import write_small_idx_dataset
from small_data import small_dataset, small_model


class Recorder(Callback):
    def __init__(self):
        self.calls = []

    def on_train_begin(self):
        self.calls.append(("train_begin",))

    def on_epoch_begin(self, epoch):
        self.calls.append(("epoch_begin", epoch))

    def on_batch_end(self, batch, logs):
        self.calls.append(("batch_end", batch, dict(logs)))

    def on_epoch_end(self, epoch, logs):
        self.calls.append(("epoch_end", epoch, dict(logs)))

    def on_train_end(self):
        self.calls.append(("train_end",))


def test_hooks_are_called_in_keras_order_with_the_figures_fit_returns():
    recorder = Recorder()
    history = fit(small_model(), *small_dataset(100), epochs=2, batch_size=32, learning_rate=0.5,
                  validation_data=small_dataset(20, seed=2), callbacks=[recorder], verbose=0)
    names = [call[0] if call[0] != "batch_end" else f"batch {call[1]}" for call in recorder.calls]
    epoch = ["epoch_begin", "batch 1", "batch 2", "batch 3", "batch 4", "epoch_end"]
    assert names == ["train_begin", *epoch, *epoch, "train_end"]
    epoch_ends = [call[2] for call in recorder.calls if call[0] == "epoch_end"]
    assert epoch_ends == [{name: values[i] for name, values in history.items()} for i in range(2)]
    last_batches = [call[2] for call in recorder.calls if call[0] == "batch_end" and call[1] == 4]
    assert [logs["loss"] for logs in last_batches] == history["loss"]  # the running mean ends at the epoch's
    assert recorder.run.epochs == 2 and recorder.run.batches_per_epoch == 4


def test_the_live_bar_counts_batches_and_ends_each_epoch_with_its_figures(capsys):
    history = fit(small_model(), *small_dataset(100), epochs=2, batch_size=32,
                  callbacks=[ProgressBar(live=True, interval=0)])
    output = capsys.readouterr().out
    lines = output.split("\n")
    assert len(lines) == 3 and lines[-1] == ""  # one finished line per epoch
    for epoch, line in enumerate(lines[:2], start=1):
        redraws = line.split("\r")[1:]
        assert [redraw.split()[2] for redraw in redraws] == ["1/4", "2/4", "3/4", "4/4", "4/4"]
        assert "ETA" in redraws[0] and redraws[0].startswith(f"epoch {epoch}/2 1/4 [=======>")
        assert redraws[-1].startswith(f"epoch {epoch}/2 4/4 [{'=' * 30}]")
        assert f"loss {history['loss'][epoch - 1]:.4f}  accuracy {history['accuracy'][epoch - 1]:.4f}" in redraws[-1]


def test_the_bar_is_redrawn_at_most_once_per_interval(capsys):
    fit(small_model(), *small_dataset(100), epochs=1, batch_size=10, callbacks=[ProgressBar(live=True, interval=60)])
    redraws = capsys.readouterr().out.split("\r")[1:]
    assert [redraw.split()[2] for redraw in redraws] == ["1/10", "10/10"]  # the first batch, and the epoch's end


def test_outside_a_terminal_or_jupyter_the_bar_is_one_line_per_epoch(capsys):
    assert not running_in_jupyter()
    fit(small_model(), *small_dataset(), epochs=2, callbacks=[ProgressBar()])
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == ["epoch 1/2", "epoch 2/2"]


def read_events(folder: Path) -> dict[str, list[tuple[int, np.ndarray]]]:
    """Every summary written under `folder`, as tag -> [(step, value), ...]."""
    events = {}
    for file in sorted(folder.glob("events.out.tfevents.*")):
        for event in tf.compat.v1.train.summary_iterator(str(file)):
            for value in event.summary.value:
                events.setdefault(value.tag, []).append((event.step, tf.make_ndarray(value.tensor)))
    return events


def test_tensorboard_logs_hold_the_history_and_the_weights(tmp_path):
    model = small_model()
    history = fit(model, *small_dataset(100), epochs=3, batch_size=32, learning_rate=0.5,
                  validation_data=small_dataset(20, seed=2), verbose=0,
                  callbacks=[TensorBoard(tmp_path, update_freq="batch")])
    train, validation = read_events(tmp_path / "train"), read_events(tmp_path / "validation")
    for name in ("loss", "accuracy"):
        assert [step for step, _ in train[f"epoch_{name}"]] == [1, 2, 3]
        np.testing.assert_allclose([value for _, value in train[f"epoch_{name}"]], history[name], rtol=1e-6)
        np.testing.assert_allclose([value for _, value in validation[f"epoch_{name}"]], history[f"val_{name}"],
                                   rtol=1e-6)
        assert [step for step, _ in train[f"batch_{name}"]] == list(range(1, 13))  # 4 batches a epoch
    assert sorted(tag for tag in train if tag.startswith("weights/")) == ["weights/0_W", "weights/1_b",
                                                                          "weights/2_W", "weights/3_b"]
    histogram = train["weights/0_W"][-1][1]  # rows of (left edge, right edge, count)
    assert histogram[:, 2].sum() == 8 * 16
    assert histogram[0, 0] == pytest.approx(model.weights[0].numpy().min())


def test_unknown_update_frequency_is_rejected():
    with pytest.raises(ValueError, match=r"update_freq must be one of \('epoch', 'batch'\), got 'step'"):
        TensorBoard("logs", update_freq="step")


def test_the_command_line_writes_tensorboard_logs(tmp_path, capsys):
    data = write_small_idx_dataset(tmp_path / "data", train=200, test=50)
    assert main(["train", "--recipe", "seed", "--idx-dir", str(data), "--epochs", "2",
                 "--logdir", str(tmp_path / "logs")]) == 0
    epoch_lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("epoch")]
    losses = [float(line.split("loss ")[1].split(",")[0]) for line in epoch_lines]
    logged = [float(value) for _, value in read_events(tmp_path / "logs" / "train")["epoch_loss"]]
    np.testing.assert_allclose(logged, losses, atol=5e-5)  # the printed figures have 4 decimals


class FakeDisplayHandle:
    """Stands in for IPython's DisplayHandle: keeps what a notebook would show."""

    def __init__(self, shown):
        self.shown = shown

    def update(self, obj):
        self.shown[-1] = obj.data


def test_in_jupyter_the_bar_is_one_output_per_epoch_updated_in_place(monkeypatch, capsys):
    import IPython.display

    outputs = []

    def fake_display(obj, display_id):
        assert display_id is True
        outputs.append(obj.data)
        return FakeDisplayHandle(outputs)

    monkeypatch.setattr(IPython.display, "display", fake_display)
    monkeypatch.setattr("naive_tf.callbacks.progress_bar.running_in_jupyter", lambda: True)
    history = fit(small_model(), *small_dataset(100), epochs=2, batch_size=32)
    assert capsys.readouterr().out == ""
    assert len(outputs) == 2  # what a saved notebook keeps: each epoch's last line
    for epoch, output in enumerate(outputs, start=1):
        assert output.startswith(f"epoch {epoch}/2 4/4 [{'=' * 30}]")
        assert output.endswith(f"loss {history['loss'][epoch - 1]:.4f}  accuracy {history['accuracy'][epoch - 1]:.4f}")


def test_ctrl_c_stops_training_after_the_batch_and_the_handler_is_restored():
    import signal

    from naive_tf.callbacks import StopOnInterrupt

    class CtrlCAtBatch2(Callback):
        def on_batch_end(self, batch, logs):
            self.last_batch = batch
            if batch == 2:
                signal.raise_signal(signal.SIGINT)

    presser, before = CtrlCAtBatch2(), signal.getsignal(signal.SIGINT)
    with pytest.raises(KeyboardInterrupt):
        fit(small_model(), *small_dataset(100), epochs=1, batch_size=10, verbose=0,
            callbacks=[presser, StopOnInterrupt()])
    assert presser.last_batch == 2 and signal.getsignal(signal.SIGINT) is before
