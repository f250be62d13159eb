"""Importing TensorFlow without the notices its C++ runtime prints at start-up and at work.

Importing TensorFlow writes lines such as "oneDNN custom operations are on" straight to file
descriptor 2, before its logging is set up, so neither Python's logging nor TF_CPP_MIN_LOG_LEVEL
can stop them; in Jupyter they land in the cell's output. naive_tf imports TensorFlow here first,
with descriptor 2 pointed at /dev/null for the duration of the import only.

Later, TensorFlow's C++ code logs informational lines of its own, such as "Compiled cluster using
XLA!" the first time an optimizer's update is compiled. Those do obey TF_CPP_MIN_LOG_LEVEL, read
when TensorFlow first logs, so it is set to 1 (warnings and errors only) unless you chose a level.
"""

import os


def import_tensorflow_quietly() -> None:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "1")
    saved_stderr = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            import tensorflow  # noqa: F401  (the import is the point: later imports find it loaded)
    finally:
        os.dup2(saved_stderr, 2)
        os.close(saved_stderr)
