"""Timing several ways of training an epoch so that the machine's changing load hits them alike."""

import gc
import random
import time
from collections.abc import Callable


def time_alternately(runners: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds per call of each runner over `rounds` rounds, after a warm-up round that is not counted
    (it traces graphs and fills caches). Within a round the runners take turns, one call each, after a
    garbage collection, in a new order each round: a runner can slow the one after it (a loop of many
    small calls does, by a third on this machine), and a fixed order would charge that to one of them."""
    seconds = {name: [] for name in runners}
    order = list(runners)
    shuffler = random.Random(0)
    for round_number in range(rounds + 1):
        for name in order:
            gc.collect()  # the garbage the previous runner left is not this one's cost
            start = time.perf_counter()
            runners[name]()
            if round_number:
                seconds[name].append(time.perf_counter() - start)
        shuffler.shuffle(order)
    return seconds
