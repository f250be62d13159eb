"""fit under tf.distribute: two replicas train as one device does on the same global batches."""

import subprocess
import sys
from pathlib import Path

import naive_tf as nt

import pytest
import tensorflow as tf
from small_data import small_dataset, small_model

TESTS = Path(__file__).resolve().parent

# Logical devices must be configured before TensorFlow starts, hence a fresh process.
TWO_REPLICAS = """
import naive_tf as nt
import numpy as np
import tensorflow as tf
from small_data import small_dataset, small_model

cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
images, labels = small_dataset(100)
with strategy.scope():
    mirrored = small_model()
one_device = small_model()
def arguments():  # a new optimizer for each run
    return dict(epochs=2, batch_size=32, verbose=0, step="{step}", {optimizer})
mirrored_history = nt.fit(mirrored, images, labels, strategy=strategy, steps_per_execution={per_call}, **arguments())
history = nt.fit(one_device, images, labels, **arguments())
print(max(float(np.abs(a.numpy() - b.numpy()).max()) for a, b in zip(mirrored.weights, one_device.weights)))
print(max(abs(a - b) for a, b in zip(mirrored_history["loss"] + mirrored_history["accuracy"],
                                     history["loss"] + history["accuracy"])))
try:
    nt.fit(small_model(), images, labels, epochs=1, strategy=strategy)
except ValueError as error:
    print(error)
"""


def run_two_replicas(step="graph", optimizer="learning_rate=0.5", per_call=1):
    script = TWO_REPLICAS.format(step=step, optimizer=optimizer, per_call=per_call)
    result = subprocess.run([sys.executable, "-c", script],
                            cwd=TESTS, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_two_mirrored_replicas_end_where_one_device_does():
    weights_difference, history_difference, refusal = run_two_replicas()
    assert float(weights_difference) <= 1e-5
    assert float(history_difference) <= 1e-5
    assert refusal.startswith("weight 0 (") and "was not created under the strategy's scope" in refusal


def test_two_mirrored_replicas_with_adam_an_eager_step_and_three_batches_per_call():
    weights_difference, history_difference, _ = run_two_replicas("eager", "optimizer=nt.optimizers.Adam(0.01)", 3)
    assert float(weights_difference) <= 1e-5
    assert float(history_difference) <= 1e-5


def test_xla_is_refused_under_a_strategy():
    with pytest.raises(ValueError, match="step must be 'graph' or 'eager' with a strategy, got 'xla'"):
        nt.fit(small_model(), *small_dataset(), epochs=1, step="xla", strategy=tf.distribute.get_strategy())
