"""A wall-clock budget per record, so one pathological page cannot stall a worker for the whole run.

SIGALRM interrupts the Python code cleaning the page and raises `BudgetExceeded`. Code that swallows exceptions could
swallow that one too, so the alarm also leaves a mark that is checked when the guarded block ends.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from thresher.errors import BudgetExceeded


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise BudgetExceeded if the block runs longer than `seconds` (no limit when None/0 or off the main thread)."""
    if not seconds or not _can_alarm():
        yield
        return
    fired = False
    message = f"took longer than the {seconds:g} s time budget per record"

    def on_alarm(signum, frame):  # type: ignore[no-untyped-def]
        nonlocal fired
        fired = True
        raise BudgetExceeded(message)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:
        raise BudgetExceeded(message)
