"""The source notebook's cells run unchanged on naive_tf once its imports replace the definitions."""

import naive_tf

import numpy as np
from data_files import MNIST_DIR

SOURCE_CELLS = '''
import numpy as np
import tensorflow as tf
from naive_tf import NaiveDense, NaiveSequential, BatchGenerator, one_training_step, fit
from naive_tf.datasets import mnist

model = NaiveSequential([
    NaiveDense(input_size=28 * 28, output_size=512, activaton=tf.nn.relu),
    NaiveDense(input_size=512, output_size=10, activaton=tf.nn.softmax)
])
assert len(model.weights) == 4

(train_images, train_labels), (test_images, test_labels) = mnist.load_data()
train_images = train_images.reshape((60000, 28 * 28))
train_images = train_images.astype("float32") / 255
test_images = test_images.reshape((10000, 28 * 28))
test_images = test_images.astype("float32") / 255

batch_generator = BatchGenerator(train_images, train_labels)
images_batch, labels_batch = batch_generator.next()
loss = one_training_step(model, images_batch, labels_batch)

fit(model, train_images, train_labels, epochs=EPOCHS, batch_size=128)

predictions = model(test_images)
predictions = predictions.numpy()
predicted_labels = np.argmax(predictions, axis=1)
matches = predicted_labels == test_labels
print(f"accuracy: {matches.mean():.2f}")
'''


def test_source_cells_run_unchanged(monkeypatch, capsys):
    monkeypatch.setenv("NAIVE_TF_DATA_DIR", str(MNIST_DIR))
    naive_tf.set_seed(0)
    # One epoch instead of the source's ten keeps the suite fast; `make run` trains all ten.
    namespace = {"EPOCHS": 1}
    exec(SOURCE_CELLS, namespace)
    assert float(namespace["loss"]) > 0
    assert 0.38 <= namespace["matches"].mean() <= 0.50
    assert capsys.readouterr().out.splitlines()[-1].startswith("accuracy: 0.4")
    assert isinstance(namespace["predicted_labels"], np.ndarray)
