"""The MNIST handwritten digits: found on disk, or downloaded once and cached.

For each of the four files, `find_file` looks in the `path` argument, then in
$NAIVE_TF_DATA_DIR, then in the cache folder, and only then downloads it;
`load_data` reads the files it finds. Every file is checked against the SHA-256
of the official one, so a damaged download or a look-alike dataset cannot pass
for MNIST.
"""

import hashlib
import http.client
import os
import sys
import tempfile
import urllib.request
from pathlib import Path

from naive_tf.datasets.errors import ChecksumError
from naive_tf.datasets.folder import FILE_NAMES, Split, find_idx_file
from naive_tf.datasets.idx import decompress, parse_idx

import numpy as np

# Tried in order. Each serves the official NAME.gz files.
MIRRORS = (
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
)

# SHA-256 of the decompressed files. Hashing the payload rather than the .gz
# accepts a file that was gunzipped or recompressed without being changed.
SHA256 = {
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}

_USE_OWN_COPY = "set NAIVE_TF_DATA_DIR to a folder holding the four official MNIST files"


def load_data(path: str | os.PathLike[str] | None = None) -> tuple[Split, Split]:
    """Return MNIST as ((x_train, y_train), (x_test, y_test)), like Keras.

    The images are uint8 arrays of shape (60000, 28, 28) and (10000, 28, 28),
    the labels uint8 arrays of shape (60000,) and (10000,). `path` is an
    optional folder to look in first.
    """
    x_train, y_train, x_test, y_test = (_load_file(name, path) for name in FILE_NAMES)
    return (x_train, y_train), (x_test, y_test)


def find_file(name: str, path: str | os.PathLike[str] | None = None) -> Path:
    """Return the MNIST file `name` that `load_data(path)` reads: NAME.gz or raw NAME.

    `name` is one of FILE_NAMES. The first copy found in `path`, then in
    $NAIVE_TF_DATA_DIR, then in the cache folder wins; if there is none, the
    file is downloaded into the cache, and checked before it is saved. A copy
    found on disk is returned as it is: `load_data` checks what it reads.
    """
    if name not in SHA256:
        raise ValueError(f"unknown MNIST file {name!r}, expected one of {', '.join(FILE_NAMES)}")
    folders = [existing_folder(path, "the path given to load_data")] if path is not None else []
    if os.environ.get("NAIVE_TF_DATA_DIR"):
        folders.append(existing_folder(os.environ["NAIVE_TF_DATA_DIR"], "NAIVE_TF_DATA_DIR"))
    folders.append(cache_dir())
    for folder in folders:
        file = find_idx_file(folder, name)
        if file is not None:
            return file
    return _download(name, folders)


def existing_folder(path: str | os.PathLike[str], what: str) -> Path:
    """A folder named to look in must be one: a typo must not train on copies found elsewhere."""
    folder = Path(path)
    if not folder.is_dir():
        problem = "is a file, not a folder" if folder.exists() else "does not exist"
        raise FileNotFoundError(
            f"{what}, {os.fspath(path)!r}, {problem}: name the folder that holds the four MNIST files"
        )
    return folder


def cache_dir() -> Path:
    """Return the folder where downloaded MNIST files are kept."""
    cache_home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache_home) / "naive_tf" / "mnist"


def _load_file(name: str, path: str | os.PathLike[str] | None) -> np.ndarray:
    """Load the copy of `name` that find_file chooses, checked against the official file."""
    file = find_file(name, path)
    # A file find_file has just downloaded was checked before it was saved; checking it again
    # here costs a fraction of a second, once, and keeps one path for every file.
    fix = f"Delete it so it is downloaded again, or {_USE_OWN_COPY}."
    return _parse_verified(file.read_bytes(), name, str(file), fix)


def _parse_verified(data: bytes, name: str, source: str, fix: str) -> np.ndarray:
    """Parse the (possibly gzipped) `data` and check it is the official `name`."""
    payload = decompress(data, source)
    # Parsing first turns a truncated file into a "truncated" error, which
    # says more than a checksum mismatch would.
    array = parse_idx(payload, source)
    actual = hashlib.sha256(payload).hexdigest()
    if actual != SHA256[name]:
        raise ChecksumError(
            f"{source}: the SHA-256 of its decompressed content is {actual}, "
            f"expected {SHA256[name]} (the official {name}). {fix}"
        )
    return array


def _download(name: str, folders: list[Path]) -> Path:
    """Download `name` from the first mirror that answers; return its cached copy."""
    failures = []
    for mirror in MIRRORS:
        url = f"{mirror}{name}.gz"
        try:
            data = _fetch(url)
            # Checked in memory before anything is written, so a damaged
            # download never reaches the cache; the next mirror may serve it whole.
            _parse_verified(data, name, url, "The mirror served a damaged file; nothing was saved.")
        except (OSError, http.client.HTTPException, ValueError) as err:
            failures.append(f"  {url}: {err}")
            continue
        cached = cache_dir() / f"{name}.gz"
        _save_atomically(data, cached)
        return cached
    looked_in = "\n".join(f"  {folder}" for folder in folders)
    tried = "\n".join(failures)
    raise FileNotFoundError(
        f"MNIST file {name} (as {name}.gz or raw {name}) was not found in:\n"
        f"{looked_in}\nand downloading it failed:\n{tried}\n"
        f"Connect to the internet and try again, or {_USE_OWN_COPY} "
        f"({', '.join(FILE_NAMES)}, each as NAME.gz or raw NAME)."
    )


def _fetch(url: str) -> bytes:
    """Return the bytes at `url`, showing progress on stderr."""
    # Updating a line in place only works on a terminal; elsewhere (logs,
    # notebooks) one line per download is enough.
    on_terminal = sys.stderr.isatty()
    print(f"Downloading {url}", end="" if on_terminal else "\n", file=sys.stderr, flush=True)
    chunks = []
    received = 0
    with urllib.request.urlopen(url, timeout=60) as response:
        total = int(response.headers.get("Content-Length") or 0)
        while chunk := response.read(1 << 16):
            chunks.append(chunk)
            received += len(chunk)
            if on_terminal and total:
                percent = 100 * received // total
                print(f"\rDownloading {url} {percent:3d}%", end="", file=sys.stderr, flush=True)
    if on_terminal:
        print(file=sys.stderr)
    return b"".join(chunks)


def _save_atomically(data: bytes, target: Path) -> None:
    """Write `data` to `target` so that no reader ever sees a partial file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # A temporary file in the same folder can be renamed over `target` in one
    # step (os.replace), so an interrupted write leaves no half-written file.
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f"{target.name}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            # On disk before the rename, so a crash cannot leave the name on an empty file.
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
