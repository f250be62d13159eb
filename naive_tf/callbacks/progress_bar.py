"""A progress bar for training: where the epoch is, how it is going, and how long it will take."""

import sys
import time

from naive_tf.callbacks.base import Callback

BAR_WIDTH = 30


def running_in_jupyter() -> bool:
    """Whether this code runs in a Jupyter kernel (Jupyter Lab, Notebook, Colab, VS Code)."""
    zmq_shell = sys.modules.get("ipykernel.zmqshell")
    return zmq_shell is not None and isinstance(sys.modules["IPython"].get_ipython(), zmq_shell.ZMQInteractiveShell)


def format_logs(logs: dict[str, float], separator: str) -> str:
    return separator.join(f"{name} {value:.4f}" for name, value in logs.items())


class ProgressBar(Callback):
    """What fit(..., verbose=1) shows.

    In a terminal or in Jupyter, a bar for the current epoch, redrawn in place: the batch count, the
    running loss and accuracy, the time elapsed and an estimate of the time left. At the end of the
    epoch the bar stays, with the epoch's figures. Elsewhere (output sent to a file or a pipe) a redrawn
    bar would fill the log with copies, so each epoch gets one line instead. live=True or False
    chooses instead of the guess. Drawing takes time, so the bar is redrawn at most every `interval`
    seconds.
    """

    def __init__(self, live: bool | None = None, interval: float = 0.1):
        self.live = live
        self.interval = interval

    def on_train_begin(self) -> None:
        if self.live is None:
            self.live = sys.stdout.isatty() or running_in_jupyter()
        self.display = JupyterLine() if self.live and running_in_jupyter() else TerminalLine()

    def on_epoch_begin(self, epoch: int) -> None:
        self.epoch, self.started, self.drawn = epoch, time.monotonic(), 0.0
        if self.live:
            self.display.start()

    def on_batch_end(self, batch: int, logs: dict[str, float]) -> None:
        now = time.monotonic()
        if self.live and now - self.drawn >= self.interval:
            self.drawn = now
            elapsed = now - self.started
            left = elapsed / batch * (self.run.batches_per_epoch - batch)
            self.display.show(f"{self.bar(batch)} {elapsed:.0f}s, ETA {left:.0f}s  {format_logs(logs, '  ')}")

    def on_epoch_end(self, epoch: int, logs: dict[str, float]) -> None:
        if self.live:
            elapsed = time.monotonic() - self.started
            self.display.show(f"{self.bar(self.run.batches_per_epoch)} {elapsed:.1f}s  {format_logs(logs, '  ')}")
            self.display.finish()
        else:
            print(f"epoch {epoch}/{self.run.epochs}: {format_logs(logs, ', ')}", flush=True)

    def bar(self, batch: int) -> str:
        total = self.run.batches_per_epoch
        done = BAR_WIDTH * batch // total
        bar = ("=" * done + ">").ljust(BAR_WIDTH, ".")[:BAR_WIDTH]
        return f"epoch {self.epoch}/{self.run.epochs} {batch}/{total} [{bar}]"


class TerminalLine:
    """One line of a terminal, rewritten in place: a carriage return goes back to its start."""

    def start(self) -> None:
        self.width = 0

    def show(self, text: str) -> None:
        sys.stdout.write("\r" + text.ljust(self.width))  # spaces cover the end of a longer line before
        sys.stdout.flush()
        self.width = len(text)

    def finish(self) -> None:
        sys.stdout.write("\n")
        sys.stdout.flush()


class JupyterLine:
    """One output of a Jupyter cell, replaced in place. A saved notebook keeps only its last text."""

    def start(self) -> None:
        from IPython.display import Pretty, display  # only ever imported inside Jupyter

        self.pretty = Pretty
        self.handle = display(Pretty(""), display_id=True)

    def show(self, text: str) -> None:
        self.handle.update(self.pretty(text))

    def finish(self) -> None:
        pass
