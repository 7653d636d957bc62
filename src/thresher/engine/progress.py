"""A progress bar on stderr: shards done, documents done, documents per second, time left."""

from __future__ import annotations

import sys
import time
from typing import Any


class NoProgress:
    def start(self, phase: str, shards: int) -> None: ...
    def documents(self, n: int) -> None: ...
    def shard_done(self) -> None: ...
    def stop(self) -> None: ...


class RichProgress(NoProgress):
    """rich's bar; the ETA follows shards (documents per shard vary, but shards are sized alike)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("shards  {task.fields[docs]} docs  {task.fields[rate]} docs/s"),
            TimeRemainingColumn(),
            console=Console(file=sys.stderr),
            transient=False,
        )
        self._task: Any = None
        self._docs = 0
        self._t0 = time.monotonic()
        self._progress.start()

    def start(self, phase: str, shards: int) -> None:
        self._docs, self._t0 = 0, time.monotonic()
        self._task = self._progress.add_task(phase, total=shards, docs=0, rate="-")

    def documents(self, n: int) -> None:
        self._docs += n
        elapsed = max(time.monotonic() - self._t0, 1e-9)
        self._progress.update(self._task, docs=self._docs, rate=f"{self._docs / elapsed:,.0f}")

    def shard_done(self) -> None:
        self._progress.advance(self._task)

    def stop(self) -> None:
        self._progress.stop()


def make_progress(enabled: bool | None) -> NoProgress:
    """A bar when asked for, or (by default) when stderr is a terminal."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    return RichProgress() if enabled else NoProgress()
