"""Importing TensorFlow without the notices its C++ runtime prints at start-up and at work.

Importing TensorFlow writes lines such as "oneDNN custom operations are on" straight to file
descriptor 2, before its logging is set up, so neither Python's logging nor TF_CPP_MIN_LOG_LEVEL
can stop them; in Jupyter they land in the cell's output. naive_tf imports TensorFlow here first,
with descriptor 2 pointed at /dev/null for the duration of the import only.

The full `tensorflow` package (not `tensorflow-cpu`) has one more: it looks for a GPU the first time
a device is needed, typically at the first tf.Variable, long after the import, and on a machine
without a GPU driver writes "failed call to cuInit: ... UNKNOWN ERROR (303)" to descriptor 2. Listing
the physical devices makes that search happen here, still inside the redirection, and it is done
once per process, so the line never reaches the user. It changes nothing else: the visible devices
and memory growth can still be set afterwards. A GPU whose driver fails is silent too, and unused:
`tf.config.list_physical_devices("GPU")` tells whether TensorFlow found one.

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
            import tensorflow  # later imports find it loaded

            tensorflow.config.list_physical_devices()  # the GPU search, see above
    finally:
        os.dup2(saved_stderr, 2)
        os.close(saved_stderr)
