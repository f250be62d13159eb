"""Tests for naive_tf.datasets: the IDX reader and the MNIST loaders."""

import gzip
import shutil
from pathlib import Path

from naive_tf import datasets
from naive_tf.datasets import ChecksumError, DataFileError, load_idx_folder, mnist, read_idx

import numpy as np
import pytest
from data_files import MNIST_DIR, idx_bytes

TEST_LABELS = "t10k-labels-idx1-ubyte"


def real_payload(name: str) -> bytes:
    """Return the decompressed content of the real MNIST file `name`."""
    return gzip.decompress((MNIST_DIR / f"{name}.gz").read_bytes())


def flip_byte(payload: bytes) -> bytes:
    """Change the last byte, which lies in the data, not in the header."""
    return payload[:-1] + bytes([payload[-1] ^ 0xFF])


@pytest.fixture(scope="module")
def real_mnist():
    return mnist.load_data(path=MNIST_DIR)


@pytest.fixture
def offline(monkeypatch, tmp_path):
    """No data folder, an empty cache, and a mirror with nothing on it.

    Returns the cache root, so that tests can check nothing was left there.
    """
    cache_root = tmp_path / "cache"
    empty_mirror = tmp_path / "empty_mirror"
    empty_mirror.mkdir()
    monkeypatch.delenv("NAIVE_TF_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_root))
    monkeypatch.setattr(mnist, "MIRRORS", (empty_mirror.as_uri() + "/",))
    return cache_root


def files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def test_mnist_has_the_official_shapes_and_types(real_mnist):
    (x_train, y_train), (x_test, y_test) = real_mnist
    assert x_train.shape == (60000, 28, 28) and y_train.shape == (60000,)
    assert x_test.shape == (10000, 28, 28) and y_test.shape == (10000,)
    assert {a.dtype for a in (x_train, y_train, x_test, y_test)} == {np.dtype(np.uint8)}


def test_mnist_has_the_known_label_counts_and_pixel_statistics(real_mnist):
    (x_train, y_train), _ = real_mnist
    counts = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    assert np.bincount(y_train).tolist() == counts
    pixels = x_train / 255.0
    assert round(float(pixels.mean()), 4) == 0.1307
    assert round(float(pixels.std()), 4) == 0.3081


def test_load_data_reads_the_environment_variable(monkeypatch, offline, real_mnist):
    monkeypatch.setenv("NAIVE_TF_DATA_DIR", str(MNIST_DIR))
    (_, y_train), (_, y_test) = mnist.load_data()
    assert np.array_equal(y_train, real_mnist[0][1])
    assert np.array_equal(y_test, real_mnist[1][1])
    assert files_under(offline) == []


@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.parametrize(
    "array",
    [
        np.arange(60, dtype=np.uint8).reshape(3, 4, 5),
        np.array([-128, 0, 127], dtype=np.int8),
        np.array([[-30000, 1], [2, 30000]], dtype=np.int16),
        np.array([-(2**31), -1, 0, 2**31 - 1], dtype=np.int32),
        np.array([[1.5, -2.25, np.inf]], dtype=np.float32),
        np.array([np.pi, -1e300], dtype=np.float64),
    ],
)
def test_read_idx_round_trips(tmp_path, array, compress):
    data = idx_bytes(array)
    # One name for both: read_idx must tell gzip by content, not by extension.
    file = tmp_path / "array.idx"
    file.write_bytes(gzip.compress(data) if compress else data)
    result = read_idx(file)
    assert result.dtype == array.dtype and result.dtype.isnative
    assert np.array_equal(result, array)


def test_read_idx_reports_a_truncated_raw_file(tmp_path):
    file = tmp_path / TEST_LABELS
    file.write_bytes(real_payload(TEST_LABELS)[:5000])
    with pytest.raises(DataFileError, match="truncated") as caught:
        read_idx(file)
    assert str(file) in str(caught.value)
    assert "10008" in str(caught.value) and "5000" in str(caught.value)


def test_read_idx_reports_a_truncated_gzip_file(tmp_path):
    file = tmp_path / f"{TEST_LABELS}.gz"
    file.write_bytes((MNIST_DIR / f"{TEST_LABELS}.gz").read_bytes()[:2000])
    with pytest.raises(DataFileError, match="truncated or corrupt") as caught:
        read_idx(file)
    assert str(file) in str(caught.value)


@pytest.mark.parametrize("magic", [b"\x01\x00\x08\x01", b"\x00\x00\x07\x01"])
def test_read_idx_rejects_a_bad_magic_number(tmp_path, magic):
    file = tmp_path / "bad.idx"
    file.write_bytes(magic + (3).to_bytes(4, "big") + b"abc")
    with pytest.raises(DataFileError, match=f"0x{magic.hex()}") as caught:
        read_idx(file)
    assert str(file) in str(caught.value)


def test_read_idx_rejects_extra_bytes(tmp_path):
    file = tmp_path / "long.idx"
    file.write_bytes(idx_bytes(np.zeros(4, np.uint8)) + b"\0")
    with pytest.raises(DataFileError, match="unexpected bytes") as caught:
        read_idx(file)
    assert str(file) in str(caught.value)


def test_load_data_reports_a_truncated_file_as_truncated(monkeypatch, offline, tmp_path):
    monkeypatch.setenv("NAIVE_TF_DATA_DIR", str(MNIST_DIR))
    file = tmp_path / TEST_LABELS
    file.write_bytes(real_payload(TEST_LABELS)[:-1])
    with pytest.raises(DataFileError, match="truncated") as caught:
        mnist.load_data(path=tmp_path)
    assert str(file) in str(caught.value)


def test_load_data_rejects_a_changed_file(monkeypatch, offline, tmp_path):
    # The changed copy in `path` comes before the intact one in the variable.
    monkeypatch.setenv("NAIVE_TF_DATA_DIR", str(MNIST_DIR))
    file = tmp_path / TEST_LABELS
    file.write_bytes(flip_byte(real_payload(TEST_LABELS)))
    with pytest.raises(ChecksumError) as caught:
        mnist.load_data(path=tmp_path)
    message = str(caught.value)
    assert str(file) in message and mnist.SHA256[TEST_LABELS] in message
    assert files_under(offline) == []


def test_load_data_without_files_or_network_says_where_it_looked(offline, tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with pytest.raises(FileNotFoundError) as caught:
        mnist.load_data(path=data_dir)
    message = str(caught.value)
    assert str(data_dir) in message and str(mnist.cache_dir()) in message
    assert mnist.MIRRORS[0] in message and "NAIVE_TF_DATA_DIR" in message
    assert files_under(offline) == []


def test_load_data_downloads_into_the_cache(monkeypatch, offline, real_mnist, capsys):
    # The first mirror fails, so the second one must be tried.
    monkeypatch.setattr(mnist, "MIRRORS", mnist.MIRRORS + (MNIST_DIR.as_uri() + "/",))
    (x_train, _), (x_test, y_test) = mnist.load_data()
    assert np.array_equal(x_train, real_mnist[0][0])
    assert np.array_equal(x_test, real_mnist[1][0]) and np.array_equal(y_test, real_mnist[1][1])
    assert sorted(path.name for path in files_under(offline)) == sorted(
        f"{name}.gz" for name in mnist.FILE_NAMES
    )
    assert "Downloading" in capsys.readouterr().err


def test_load_data_keeps_nothing_from_a_bad_mirror(monkeypatch, offline, tmp_path):
    # Three intact files on disk; the fourth comes from a mirror that changed it.
    data_dir, mirror = tmp_path / "data", tmp_path / "bad_mirror"
    data_dir.mkdir()
    mirror.mkdir()
    for name in mnist.FILE_NAMES[:3]:
        shutil.copy(MNIST_DIR / f"{name}.gz", data_dir)
    (mirror / f"{TEST_LABELS}.gz").write_bytes(gzip.compress(flip_byte(real_payload(TEST_LABELS))))
    good_mirror = tmp_path / "good_mirror"
    good_mirror.mkdir()
    shutil.copy(MNIST_DIR / f"{TEST_LABELS}.gz", good_mirror)
    monkeypatch.setattr(mnist, "MIRRORS", (mirror.as_uri() + "/",))
    with pytest.raises(FileNotFoundError, match=rf"expected {mnist.SHA256[TEST_LABELS]} .* nothing was saved"):
        mnist.load_data(path=data_dir)
    assert files_under(offline) == []
    # A second mirror that serves the file whole is tried next, and what it serves is kept.
    monkeypatch.setattr(mnist, "MIRRORS", (mirror.as_uri() + "/", good_mirror.as_uri() + "/"))
    (_, _), (_, test_labels) = mnist.load_data(path=data_dir)
    assert len(test_labels) == 10000
    assert files_under(offline) == [offline / "naive_tf" / "mnist" / f"{TEST_LABELS}.gz"]


def write_idx_folder(folder: Path, train_count: int, train_labels: int, test_count: int):
    """Write a tiny dataset in MNIST's layout; return its four arrays."""
    rng = np.random.default_rng(0)
    arrays = [
        rng.integers(0, 256, (train_count, 28, 28), dtype=np.uint8),
        rng.integers(0, 10, train_labels, dtype=np.uint8),
        rng.integers(0, 256, (test_count, 28, 28), dtype=np.uint8),
        rng.integers(0, 10, test_count, dtype=np.uint8),
    ]
    folder.mkdir()
    for index, (name, array) in enumerate(zip(mnist.FILE_NAMES, arrays)):
        # Mix compressed and raw files, as both are allowed.
        if index % 2:
            (folder / name).write_bytes(idx_bytes(array))
        else:
            (folder / f"{name}.gz").write_bytes(gzip.compress(idx_bytes(array)))
    return arrays


def test_load_idx_folder_loads_any_dataset_in_mnist_layout(tmp_path):
    expected = write_idx_folder(tmp_path / "tiny", train_count=7, train_labels=7, test_count=3)
    (x_train, y_train), (x_test, y_test) = load_idx_folder(tmp_path / "tiny")
    for result, array in zip((x_train, y_train, x_test, y_test), expected):
        assert np.array_equal(result, array)


def test_load_idx_folder_rejects_mismatched_counts(tmp_path):
    write_idx_folder(tmp_path / "tiny", train_count=7, train_labels=6, test_count=3)
    with pytest.raises(DataFileError, match="7 images.*6 labels"):
        load_idx_folder(tmp_path / "tiny")


def test_load_idx_folder_names_missing_files(tmp_path):
    write_idx_folder(tmp_path / "tiny", train_count=7, train_labels=7, test_count=3)
    (tmp_path / "tiny" / TEST_LABELS).unlink()
    with pytest.raises(FileNotFoundError, match=TEST_LABELS):
        load_idx_folder(tmp_path / "tiny")


def test_package_exports_the_public_names():
    assert datasets.read_idx is read_idx and datasets.mnist is mnist
    assert issubclass(ChecksumError, DataFileError) and issubclass(DataFileError, ValueError)


def test_find_file_returns_the_copy_load_data_reads_in_search_order(monkeypatch, offline, tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    # Nothing in `path`: the copy in the variable's folder is the one.
    monkeypatch.setenv("NAIVE_TF_DATA_DIR", str(MNIST_DIR))
    assert mnist.find_file(TEST_LABELS, data_dir) == MNIST_DIR / f"{TEST_LABELS}.gz"
    # A raw copy in `path` comes first, and it is the one load_data reads.
    changed = data_dir / TEST_LABELS
    changed.write_bytes(flip_byte(real_payload(TEST_LABELS)))
    assert mnist.find_file(TEST_LABELS, data_dir) == changed
    assert mnist.find_file(TEST_LABELS) == MNIST_DIR / f"{TEST_LABELS}.gz"
    with pytest.raises(ChecksumError, match=str(changed)):
        mnist.load_data(path=data_dir)
    # With no folder holding it, it is downloaded into the cache.
    monkeypatch.delenv("NAIVE_TF_DATA_DIR")
    monkeypatch.setattr(mnist, "MIRRORS", (MNIST_DIR.as_uri() + "/",))
    assert mnist.find_file(TEST_LABELS) == mnist.cache_dir() / f"{TEST_LABELS}.gz"
    assert files_under(offline) == [mnist.cache_dir() / f"{TEST_LABELS}.gz"]


def test_find_file_rejects_a_name_that_is_not_an_mnist_file():
    with pytest.raises(ValueError, match="'train-images'.*train-images-idx3-ubyte"):
        mnist.find_file("train-images")


def test_split_off_validation_holds_out_the_last_samples(real_mnist):
    (train_images, train_labels), _ = real_mnist
    (images, labels), (validation_images, validation_labels) = datasets.split_off_validation(
        train_images, train_labels)
    assert (len(images), len(validation_images)) == (55000, 5000)
    np.testing.assert_array_equal(validation_images, train_images[-5000:])
    np.testing.assert_array_equal(labels, train_labels[:-5000])
    assert set(validation_labels) == set(range(10))  # every digit is in the held-out set


@pytest.mark.parametrize("size, message", [(10, "size must leave some samples to train on: got size=10 for 10"),
                                           (0, "size must be a positive integer, got 0")])
def test_split_off_validation_refuses_a_size_that_leaves_nothing(size, message):
    with pytest.raises(ValueError, match=message):
        datasets.split_off_validation(np.zeros((10, 4)), np.zeros(10), size=size)
