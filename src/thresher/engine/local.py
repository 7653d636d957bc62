"""The local executor: a process pool on this machine mapping a phase function over shards.

Results come back in shard order whatever order workers finish in, so output is deterministic. Workers are started
with "forkserver" (not plain fork) so they never inherit the main process's threads, such as the progress bar's.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from thresher.engine import phases
from thresher.engine.plan import Plan
from thresher.engine.progress import NoProgress
from thresher.read.sources import Shard

ShardFn = Callable[[Plan, Shard], dict[str, Any]]

# How long the main process waits on workers before draining progress messages (seconds).
POLL_INTERVAL_S = 0.2


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _init_worker(progress_queue: Any) -> None:
    phases.set_progress_sink(progress_queue.put_nowait if progress_queue is not None else None)


class LocalExecutor:
    """Maps phase functions over shards on `workers` processes (1 = in this process, handy for debugging)."""

    def __init__(self, workers: int | None = None, progress: NoProgress | None = None) -> None:
        self.workers = max(1, workers or default_workers())
        self.progress = progress or NoProgress()
        self._pool: ProcessPoolExecutor | None = None
        self._queue: Any = None

    def __enter__(self) -> LocalExecutor:
        if self.workers > 1:
            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(["thresher.engine.phases"])
            self._queue = ctx.Queue()
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=ctx, initializer=_init_worker, initargs=(self._queue,)
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None

    def map(self, fn: ShardFn, plan: Plan, shards: list[Shard], phase: str) -> list[dict[str, Any]]:
        self.progress.start(phase, len(shards))
        if self._pool is None:
            phases.set_progress_sink(self.progress.documents)
            try:
                results = []
                for shard in shards:
                    results.append(fn(plan, shard))
                    self.progress.shard_done()
                return results
            finally:
                phases.set_progress_sink(None)
        futures: dict[Future[dict[str, Any]], int] = {
            self._pool.submit(fn, plan, shard): i for i, shard in enumerate(shards)
        }
        out: list[dict[str, Any] | None] = [None] * len(shards)
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=POLL_INTERVAL_S, return_when=FIRST_COMPLETED)
            self._drain()
            for fut in done:
                out[futures[fut]] = fut.result()  # re-raises a worker's error in the main process
                self.progress.shard_done()
        self._drain()
        return out  # type: ignore[return-value]

    def _drain(self) -> None:
        while True:
            try:
                n = self._queue.get_nowait()
            except queue.Empty:
                return
            self.progress.documents(n)
