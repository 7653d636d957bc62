"""Run one system over a list of inputs: time only its own calls, and turn its failures into results, not crashes.

A system that cannot run at all (its import fails, or it is not written yet) is reported as unavailable; one that
fails on some pages gets no output there (the metrics then count "nothing found") and an error count.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Raised on the first page, these mean "this system is not usable here", not "this page is hard".
UNAVAILABLE_ERRORS = (ImportError, NotImplementedError)
BYTES_PER_MB = 1_000_000
ERROR_MESSAGE_MAX_CHARS = 160  # keep one failure's message to one short line in the tables


@dataclass(slots=True)
class SystemRun:
    name: str
    outputs: list[Any] = field(default_factory=list)  # what the system returned per input; None where it failed
    seconds: float = 0.0  # time spent inside the system's own calls only
    input_bytes: int = 0
    errors: int = 0
    first_error: str | None = None
    unavailable: str | None = None  # why the system could not run at all

    @property
    def ok(self) -> bool:
        return self.unavailable is None and self.errors < len(self.outputs)

    @property
    def status(self) -> str:
        if self.unavailable:
            return f"unavailable: {self.unavailable}"
        if self.outputs and self.errors == len(self.outputs):
            return f"failed on every page: {self.first_error}"
        return "ok" if not self.errors else f"{self.errors} errors (first: {self.first_error})"

    @property
    def pages_per_second(self) -> float | None:
        return len(self.outputs) / self.seconds if self.ok and self.seconds > 0 else None

    @property
    def mb_per_second(self) -> float | None:
        return self.input_bytes / BYTES_PER_MB / self.seconds if self.ok and self.seconds > 0 else None


def _describe(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or "(no message)"
    return f"{type(exc).__name__}: {message}"[:ERROR_MESSAGE_MAX_CHARS]


def run_system(
    name: str,
    system: Callable[[Any], Any],
    inputs: Sequence[Any],
    sizes: Sequence[int] | None = None,
    warmup: bool = False,
    before: Callable[[], None] | None = None,
) -> SystemRun:
    """Call `system` on every input in order; `sizes` are the inputs' byte sizes, for MB/s.

    With `warmup`, one untimed call on the first input comes first, so that a system's lazy imports are not billed
    to the first page. `before`, untimed, runs after the warm-up and before the first timed call (to empty caches).
    Then, untimed, a full garbage collection: Python starts one once enough objects have outlived younger
    collections since the last, wherever they came from, so without it the objects the system before left behind
    would start a collection (tens of milliseconds with every peer's modules loaded) in this system's timed calls.
    """
    run = SystemRun(name=name, input_bytes=sum(sizes) if sizes is not None else 0)
    clock = time.perf_counter
    if warmup and inputs:
        try:
            system(inputs[0])
        except UNAVAILABLE_ERRORS as exc:
            run.unavailable = _describe(exc)
            run.outputs = [None] * len(inputs)
            return run
        except Exception:  # noqa: BLE001,S110 - the timed call on this page will record the failure
            pass
    if before is not None:
        before()
    gc.collect()
    for index, item in enumerate(inputs):
        start = clock()
        try:
            output = system(item)
        except UNAVAILABLE_ERRORS as exc:
            if index == 0:
                run.unavailable = _describe(exc)
                run.outputs = [None] * len(inputs)
                return run
            run.seconds += clock() - start
            run.errors += 1
            run.first_error = run.first_error or _describe(exc)
            run.outputs.append(None)
            continue
        except Exception as exc:  # noqa: BLE001 - any failure of a system under test is one page's result
            run.seconds += clock() - start
            run.errors += 1
            run.first_error = run.first_error or _describe(exc)
            run.outputs.append(None)
            continue
        run.seconds += clock() - start
        run.outputs.append(output)
    return run


def pin_to_one_core() -> None:
    """Speeds are per core: the machine is shared, and a single core keeps systems comparable."""
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {0})
        except OSError:
            pass


def positive_int(text: str) -> int:
    """argparse type for --limit: a clear one-line error instead of a silently odd page slice."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def check_bench_data(parser: argparse.ArgumentParser, folders: Sequence[str]) -> None:
    """Stop with one line when the benchmark data is not where the scripts look for it."""
    from bench.scoring import bench_dir

    for name in folders:
        if not (bench_dir() / name / "gold.jsonl").is_file():
            parser.exit(2, f"error: benchmark data not found: {bench_dir() / name} (set THRESHER_BENCH_DIR)\n")


def write_json(parser: argparse.ArgumentParser, path: Path, results: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(results, indent=2), encoding="utf-8")
    except OSError as exc:
        parser.exit(1, f"error: cannot write {path}: {exc.strerror or exc}\n")


def fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
