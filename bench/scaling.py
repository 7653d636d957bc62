"""How `thresher.clean` scales with input size: a table of seconds and seconds per MB, size doubling row by row.

Families of input, each doubled from its smallest size:
  one-line    a single line of prose, 1 to 16 MB (text mode)
  lines       125k to 1M short lines (text mode)
  paragraphs  an HTML page of many short paragraphs, 1 to 16 MB
  nested      an HTML page of divs nested 1k to 16k deep
  legacy      a windows-1251 page with no label, 1 to 16 MB, `decode` only (detection reads a bounded sample)
Linear time shows as a flat seconds-per-MB column; the last column is each row's seconds-per-MB over the family's
first row's. Not part of the test suite.

    python bench/scaling.py [--family one-line,lines] [--repeat 3] [--steps 5]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable

from thresher import clean
from thresher.decode import decode

MB = 2**20
STEPS = 5  # sizes per family: the smallest, then doubled this many times minus one (1 to 16 MB)
LINE_STEPS = 4  # 125k to 1M lines
SENTENCE = "The council approved the budget for the new library after a long debate on Tuesday evening. "
RUSSIAN = "Городской совет утвердил бюджет новой библиотеки после долгих споров во вторник вечером. "


def one_line(step: int) -> tuple[bytes, Callable[[bytes], object]]:
    return (SENTENCE * (MB * 2**step // len(SENTENCE))).encode(), lambda data: clean(data, format="text")


def lines(step: int) -> tuple[bytes, Callable[[bytes], object]]:
    count = 125_000 * 2**step
    page = "".join(f"Line {n} of a long listing, one short sentence.\n" for n in range(count))
    return page.encode(), lambda data: clean(data, format="text")


def paragraphs(step: int) -> tuple[bytes, Callable[[bytes], object]]:
    paragraph = f"<p>{SENTENCE * 3}</p>\n"
    body = paragraph * (MB * 2**step // len(paragraph))
    page = f"<!DOCTYPE html><html><head><title>Report</title></head><body><article>{body}</article></body></html>"
    return page.encode(), lambda data: clean(data, format="html")


def nested(step: int) -> tuple[bytes, Callable[[bytes], object]]:
    depth = 1000 * 2**step
    page = (
        "<html><body>" + "<div><p>level</p>" * depth + "<p>" + SENTENCE + "</p>" + "</div>" * depth + "</body></html>"
    )
    return page.encode(), lambda data: clean(data, format="html")


def legacy(step: int) -> tuple[bytes, Callable[[bytes], object]]:
    return (RUSSIAN * (MB * 2**step // len(RUSSIAN.encode("cp1251")))).encode("cp1251"), decode


FAMILIES: dict[str, Callable[[int], tuple[bytes, Callable[[bytes], object]]]] = {
    "one-line": one_line,
    "lines": lines,
    "paragraphs": paragraphs,
    "nested": nested,
    "legacy": legacy,
}


def timed(run: Callable[[bytes], object], data: bytes, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run(data)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--family", default=",".join(FAMILIES), help="comma-separated: " + ", ".join(FAMILIES))
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest is reported")
    parser.add_argument("--steps", type=int, default=None, help="sizes per family (each twice the previous)")
    args = parser.parse_args(argv)

    clean("Warm up the language model.\nAnd the parsers, with a second line of text.", format="text")
    decode((RUSSIAN * 20).encode("cp1251"))  # and charset detection, imported on first need
    print(f"{'family':<11} {'size':>10} {'MB':>8} {'seconds':>9} {'s/MB':>8} {'vs first':>9}")
    for name in args.family.split(","):
        build = FAMILIES[name.strip()]
        first_rate = None
        for step in range(args.steps or (LINE_STEPS if name == "lines" else STEPS)):
            data, run = build(step)
            size = {"lines": f"{125_000 * 2**step:,} ln", "nested": f"{1000 * 2**step:,} deep"}.get(
                name, f"{2**step} MB"
            )
            try:
                seconds = timed(run, data, args.repeat)
            except Exception as exc:  # noqa: BLE001 - a failing size is a finding to show, not a reason to stop
                print(f"{name:<11} {size:>10} {len(data) / MB:8.2f}  failed: {type(exc).__name__}: {exc}", flush=True)
                continue
            rate = seconds / (len(data) / MB)
            first_rate = first_rate or rate
            print(
                f"{name:<11} {size:>10} {len(data) / MB:8.2f} {seconds:9.3f} {rate:8.3f} {rate / first_rate:9.2f}",
                flush=True,
            )
            del data
    return 0


if __name__ == "__main__":
    sys.exit(main())
