"""Text mode: clean whole-page text (as a WET record holds it) and score what is left.

Every page of both sets is flattened to its whole visible text with html-text (one block a line, see flatten.py);
each system then gets only that text. AEB pages are scored with the AEB shingle metric, trafilatura-eval pages with
the snippet metric. Only the cleaning call is timed, on one core, after one untimed warm-up call per system.

Systems: thresher's text cleaner; the whole text unchanged (the score of doing nothing); C4's line rule; RefinedWeb's
line-wise corrections, alone and with its drop-the-document rule (see line_rules.py).

    python bench/wet.py [--only aeb|trafilatura] [--limit N] [--no-cache] [--json PATH] [--worst N]
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.flatten import CACHE_DIR, flatten_pages
from bench.line_rules import c4_lines, refinedweb_document, refinedweb_lines
from bench.runner import (
    SystemRun,
    check_bench_data,
    fmt,
    markdown_table,
    pin_to_one_core,
    positive_int,
    run_system,
    write_json,
)
from bench.scoring import AEB_DIR_NAME, TRAFEVAL_DIR_NAME, load_aeb, load_trafilatura_eval, score_aeb, score_snippets
from bench.worst_pages import render_worst, worst_aeb, worst_snippets

FOLDERS = {"aeb": AEB_DIR_NAME, "trafilatura": TRAFEVAL_DIR_NAME}


def thresher_clean_text(text: str) -> str:
    import thresher

    return thresher.clean_text(text)


def whole_text(text: str) -> str:
    return text


SYSTEMS: dict[str, Callable[[str], str]] = {
    "thresher": thresher_clean_text,
    "whole text": whole_text,
    "c4 lines": c4_lines,
    "refinedweb lines": refinedweb_lines,
    "refinedweb lines + document rule": refinedweb_document,
}


def _run_all(texts: list[str]) -> list[SystemRun]:
    sizes = [len(t.encode("utf-8")) for t in texts]
    return [run_system(name, fn, texts, sizes, warmup=True) for name, fn in SYSTEMS.items()]


def bench_aeb(limit: int | None, cache_dir: Path | None, worst: int = 0) -> list[dict]:
    pages = load_aeb(limit=limit)
    texts = flatten_pages(pages, "aeb", cache_dir)
    golds = [p.gold for p in pages]
    rows = []
    for run in _run_all(texts):
        score = score_aeb(golds, run.outputs)
        rows.append({"system": run.name, **score.as_dict(), "pages_per_s": run.pages_per_second, "status": run.status})
        if worst and run.name == "thresher":
            rows[-1]["worst_pages"] = worst_aeb(pages, run.outputs, worst)
    return rows


def bench_trafilatura(limit: int | None, cache_dir: Path | None, worst: int = 0) -> list[dict]:
    pages = load_trafilatura_eval(limit=limit)
    texts = flatten_pages(pages, "trafilatura-eval", cache_dir)
    rows = []
    for run in _run_all(texts):
        counts = score_snippets(pages, run.outputs)
        rows.append({"system": run.name, **counts.as_dict(), "pages_per_s": run.pages_per_second, "status": run.status})
        if worst and run.name == "thresher":
            rows[-1]["worst_pages"] = worst_snippets(pages, run.outputs, worst)
    return rows


def _print_worst(title: str, rows: list[dict]) -> None:
    for row in rows:
        if row.get("worst_pages"):
            print(render_worst(f"{title}: {row['system']}'s worst pages", row["worst_pages"]), end="\n\n")


def render(title: str, rows: list[dict], with_spread: bool) -> str:
    headers = ["system", "F1", "P", "R", "acc", "pages/s", "status"]
    body = []
    for r in rows:
        f1 = fmt(r["f1"]) + (f" ± {fmt(r['f1_std'])}" if with_spread else "")
        speed = fmt(r["pages_per_s"], 0)
        body.append([r["system"], f1, fmt(r["precision"]), fmt(r["recall"]), fmt(r["accuracy"]), speed, r["status"]])
    return f"### {title}\n\n" + markdown_table(headers, body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["aeb", "trafilatura"], help="run one set only")
    parser.add_argument("--limit", type=positive_int, help="first N pages of each set")
    parser.add_argument("--no-cache", action="store_true", help="flatten again instead of using bench/.cache/")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument("--worst", type=positive_int, default=0, help="also list thresher's N worst pages per set")
    args = parser.parse_args(argv)
    check_bench_data(parser, [FOLDERS[name] for name in (["aeb", "trafilatura"] if args.only is None else [args.only])])
    pin_to_one_core()
    # Extractors under test log per-page warnings and tracebacks (malformed markup and the like): they would bury
    # the tables, and every failure is already counted in the status column.
    logging.disable(logging.ERROR)
    cache_dir = None if args.no_cache else CACHE_DIR
    results: dict[str, list[dict]] = {}
    if args.only in (None, "aeb"):
        results["aeb_text"] = bench_aeb(args.limit, cache_dir, args.worst)
        print(render("AEB, whole-page text (AEB metric)", results["aeb_text"], with_spread=True), end="\n\n")
        _print_worst("AEB, whole-page text", results["aeb_text"])
    if args.only in (None, "trafilatura"):
        results["trafeval_text"] = bench_trafilatura(args.limit, cache_dir, args.worst)
        print(render("trafilatura-eval, whole-page text (snippet metric)", results["trafeval_text"], False), end="\n\n")
        _print_worst("trafilatura-eval, whole-page text", results["trafeval_text"])
    if args.json:
        write_json(parser, args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
