"""Callbacks that fit calls as training goes: progress, checkpoints, backups, TensorBoard."""

from naive_tf.callbacks.base import Callback, CallbackList, TrainingRun
from naive_tf.callbacks.checkpoint import BackupAndRestore, ModelCheckpoint, RestoreOnly
from naive_tf.callbacks.interrupt import StopOnInterrupt
from naive_tf.callbacks.progress_bar import ProgressBar
from naive_tf.callbacks.tensorboard import TensorBoard
from naive_tf.callbacks.terminate_on_nan import TerminateOnNaN

__all__ = [
    "BackupAndRestore",
    "Callback",
    "CallbackList",
    "ModelCheckpoint",
    "ProgressBar",
    "RestoreOnly",
    "StopOnInterrupt",
    "TensorBoard",
    "TerminateOnNaN",
    "TrainingRun",
]
