"""Starting N local worker processes for MultiWorkerMirroredStrategy, and stopping every one of them.

Each worker is the same command line run again with TF_CONFIG set: the cluster (one address per
worker, on ports free when chosen) and the worker's own index. Worker 0, the chief, shows its output
and saves checkpoints; the others keep quiet. If one worker fails or is killed, the others would wait
for it forever inside an all-reduce, so they are stopped at once.
"""

import json
import os
import socket
import subprocess
import sys
import time

# How long workers have to finish their batch and exit after Ctrl-C before they are killed.
GRACE_SECONDS = 10


def free_ports(count: int) -> list[int]:
    """Ports the system has no use for now: each socket bound to port 0 is given a free one."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for each in sockets:
            each.bind(("localhost", 0))
        return [each.getsockname()[1] for each in sockets]
    finally:
        for each in sockets:
            each.close()


def worker_config(ports: list[int], index: int) -> str:
    cluster = {"worker": [f"localhost:{port}" for port in ports]}
    return json.dumps({"cluster": cluster, "task": {"type": "worker", "index": index}})


def is_chief() -> bool:
    """True unless this process is a worker other than the first of a multi-worker run."""
    return json.loads(os.environ.get("TF_CONFIG", "{}")).get("task", {}).get("index", 0) == 0


def run_workers(count: int, argv: list[str]) -> int:
    """Run `python -m naive_tf *argv` as `count` workers; return 0 when all succeed. A worker that fails
    stops the others and raises RuntimeError naming it."""
    ports = free_ports(count)
    workers = []
    try:
        for index in range(count):
            environment = {**os.environ, "TF_CONFIG": worker_config(ports, index)}
            output = None if index == 0 else subprocess.DEVNULL
            workers.append(subprocess.Popen([sys.executable, "-m", "naive_tf", *argv], env=environment, stdout=output))
        while any(worker.poll() is None for worker in workers):
            for index, worker in enumerate(workers):
                if worker.poll() not in (None, 0):
                    raise RuntimeError(f"worker {index} of {count} stopped: {exit_reason(worker.returncode)}; "
                                       "the other workers were stopped too")
            time.sleep(0.2)
        return 0
    except KeyboardInterrupt:
        wait_or_kill(workers, GRACE_SECONDS)  # each worker got the Ctrl-C too, and stops after its batch
        raise
    finally:
        wait_or_kill(workers, 0)


def exit_reason(returncode: int) -> str:
    return f"killed by signal {-returncode}" if returncode < 0 else f"exit status {returncode}"


def wait_or_kill(workers: list[subprocess.Popen], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    for worker in workers:
        try:
            worker.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
