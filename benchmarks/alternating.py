"""Timing several ways of training an epoch so that the machine's changing load hits them alike."""

import time
from collections.abc import Callable


def time_alternately(runners: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds per call of each runner over `rounds` rounds, after a warm-up round that is not counted
    (it traces graphs and fills caches); within a round the runners take turns, one call each."""
    seconds = {name: [] for name in runners}
    for round_number in range(rounds + 1):
        for name, run_one_epoch in runners.items():
            start = time.perf_counter()
            run_one_epoch()
            if round_number:
                seconds[name].append(time.perf_counter() - start)
    return seconds
