"""Reading the IDX format, in which MNIST and its look-alikes are distributed.

An IDX file is a 4-byte magic number (two zero bytes, a type code, the number
of dimensions), one 32-bit size per dimension, then the values in C order.
Everything is big-endian. The files are usually gzip-compressed.
"""

import math
import os
import zlib
from pathlib import Path

from naive_tf.datasets.errors import DataFileError

import numpy as np

# Type code -> dtype of the values as stored (big-endian).
DTYPES = {
    0x08: np.dtype(">u1"),
    0x09: np.dtype(">i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
GZIP_MAGIC = b"\x1f\x8b"
_FIX = "Replace the file with an intact copy."


def decompress(data: bytes, source: str) -> bytes:
    """Return `data` gunzipped if it starts with the gzip magic, else unchanged.

    `source` names the file or URL in error messages. Inflating stops one byte past the size the
    IDX header promises, so that a small corrupt or malicious file cannot fill the memory.
    """
    # The content decides, not the extension: people do gunzip files and
    # keep the name, or save a raw file under a .gz name.
    if not data.startswith(GZIP_MAGIC):
        return data
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)  # | 16: expect a gzip header
    try:
        payload = inflater.decompress(data, 4)
        if len(payload) == 4:
            payload += inflater.decompress(inflater.unconsumed_tail, 4 * payload[3])
        expected = promised_size(payload)
        if expected is not None:
            payload += inflater.decompress(inflater.unconsumed_tail, expected - len(payload) + 1)
    except zlib.error as err:
        raise DataFileError(f"{source}: the gzip data is corrupt ({err}). {_FIX}") from err
    if expected is not None and len(payload) < expected and not inflater.eof:
        raise DataFileError(
            f"{source}: the gzip data is truncated or corrupt: it ends before its IDX payload does. {_FIX}"
        )
    return payload


def promised_size(header: bytes) -> int | None:
    """The size of the whole IDX payload as its header gives it, or None if the header is not IDX's."""
    if len(header) < 4 or header[:2] != b"\0\0" or header[2] not in DTYPES or len(header) < 4 + 4 * header[3]:
        return None
    ndim = header[3]
    shape = (int.from_bytes(header[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    return 4 + 4 * ndim + math.prod(shape) * DTYPES[header[2]].itemsize


def parse_idx(payload: bytes, source: str) -> np.ndarray:
    """Return the array held in the (decompressed) IDX bytes `payload`.

    The result is a writable array in the machine's native byte order.
    `source` names the file or URL in error messages.
    """
    if len(payload) < 4:
        raise DataFileError(
            f"{source}: truncated: an IDX file starts with 4 bytes of magic, "
            f"found {len(payload)} bytes. {_FIX}"
        )
    type_code, ndim = payload[2], payload[3]
    if payload[:2] != b"\0\0" or type_code not in DTYPES:
        codes = ", ".join(f"{code:02x}" for code in DTYPES)
        raise DataFileError(
            f"{source}: not an IDX file: its magic number is 0x{payload[:4].hex()}, "
            f"expected 0x0000TTNN with TT a type code ({codes}) and NN the number "
            f"of dimensions. Check that this is the right file, or {_FIX.lower()}"
        )
    header_size = 4 + 4 * ndim
    if len(payload) < header_size:
        raise DataFileError(
            f"{source}: truncated: the header of a {ndim}-dimensional IDX file "
            f"takes {header_size} bytes, found {len(payload)}. {_FIX}"
        )
    shape = tuple(
        int.from_bytes(payload[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)
    )
    dtype = DTYPES[type_code]
    expected = header_size + math.prod(shape) * dtype.itemsize
    if len(payload) != expected:
        problem = "truncated" if len(payload) < expected else "unexpected bytes after the data"
        raise DataFileError(
            f"{source}: {problem}: its header promises {expected} bytes "
            f"(shape {shape} of {dtype.name}), found {len(payload)}. {_FIX}"
        )
    values = np.frombuffer(payload, dtype, offset=header_size).reshape(shape)
    # frombuffer gives a read-only view of big-endian values; astype copies
    # them into an ordinary array that arithmetic and TensorFlow handle fast.
    return values.astype(dtype.newbyteorder("="))


def read_idx(file: str | os.PathLike[str]) -> np.ndarray:
    """Return the array stored in the IDX file `file`, gzip-compressed or raw."""
    data = Path(file).read_bytes()
    return parse_idx(decompress(data, str(file)), str(file))
