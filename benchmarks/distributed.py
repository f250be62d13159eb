"""Seconds per epoch of the 784-512-10 network on one device, on two mirrored replicas (two logical
CPU devices in one process) and on two worker processes (MultiWorkerMirroredStrategy), in one run.

Each setting runs in its own processes, as TensorFlow fixes its devices and its cluster when it
starts: after one warm-up epoch (tracing), `--epochs` epochs are timed and the median is reported,
with its ratio to the one-device epoch of the same invocation. Plain gradient descent at 0.1,
batches of 128, the 55,000 training images, no shuffling.

    NAIVE_TF_DATA_DIR=/path/to/mnist .venv/bin/python benchmarks/distributed.py [--epochs 3]
"""

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time

import naive_tf as nt  # first: it imports TensorFlow quietly
from naive_tf.datasets import flatten_and_scale, mnist, split_off_validation
from naive_tf.recipes import build_source_model
from naive_tf.workers import free_ports, worker_config

import tensorflow as tf

SETTINGS = ("one device", "2 mirrored replicas", "2 workers")


def strategy_for(setting: str):
    if setting == "2 mirrored replicas":
        cpu = tf.config.list_physical_devices("CPU")[0]
        tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
        return tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    if setting == "2 workers":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return None


def epoch_times(setting: str, epochs: int) -> list[float]:
    """Train in this process as `setting` says; the seconds of each timed epoch."""
    strategy = strategy_for(setting)
    (images, labels), _ = mnist.load_data()
    (images, labels), _ = split_off_validation(flatten_and_scale(images), labels)
    nt.set_seed(0)
    with strategy.scope() if strategy else contextlib.nullcontext():
        model = build_source_model()
    times = []
    for _ in range(epochs + 1):  # the first epoch traces: not timed
        start = time.perf_counter()
        nt.fit(model, images, labels, epochs=1, learning_rate=0.1, verbose=0, strategy=strategy)
        times.append(time.perf_counter() - start)
    return times[1:]


def measure(setting: str, epochs: int) -> float:
    """The median epoch of `setting`, trained in fresh processes (one per worker)."""
    command = [sys.executable, __file__, "--epochs", str(epochs), "--setting", setting]
    count = 2 if setting == "2 workers" else 1
    ports = free_ports(count)
    environments = [{**os.environ, "TF_CONFIG": worker_config(ports, index)} for index in range(count)]
    if count == 1:
        environments = [os.environ]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=environment)
                 for environment in environments]
    outputs = [process.communicate()[0] for process in processes]
    return statistics.median(json.loads(outputs[0]))  # the chief's times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--setting", choices=SETTINGS, help=argparse.SUPPRESS)  # set for the child processes
    args = parser.parse_args()
    if args.setting:
        print(json.dumps(epoch_times(args.setting, args.epochs)))
        return
    medians = {setting: measure(setting, args.epochs) for setting in SETTINGS}
    for setting, seconds in medians.items():
        print(f"{setting}: {seconds:.2f} s/epoch, {seconds / medians['one device']:.2f} x one device")


if __name__ == "__main__":
    main()
