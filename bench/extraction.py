"""HTML mode: main-text extraction from raw pages, thresher against the open extractors, on one core.

Sets and metrics: AEB (181 pages, shingle metric, see scoring.py) and trafilatura-eval (990 pages, snippet metric).
Each system is called the way the set's README says upstream called it:

- thresher: `thresher.extract_text(html_bytes, url)`.
- trafilatura: `extract(html_bytes, include_comments=False, include_tables=True)`.
- readability (readability-lxml): on AEB, `Document(html).summary(html_partial=True)` then html-text, as AEB did; on
  trafilatura-eval its HTML `summary()` is scored as returned, as that set's README says.
- resiliparse: `extract_plain_text(HTMLTree.parse_from_bytes(html_bytes, encoding), main_content=True)`, with the
  encoding from resiliparse's own detector.
- justext: parameters (50, 200, 0.1, 0.2, 0.2, 200, True); the English stoplist on AEB, the union of all its
  stoplists on trafilatura-eval; the non-boilerplate paragraphs joined by newlines.
- boilerpy3: `ArticleExtractor().get_content(html)`.

Packages that take text get the page decoded inside their timed call by `flatten.decode_html` (UTF-8, else the
likeliest charset-normalizer guess: the same text as trafilatura's `decode_file` on all 990 trafilatura-eval pages). Every system
gets one untimed warm-up call first; thresher and trafilatura, which keep caches of their own, start every timed
pass with them emptied (`thresher.clear_caches()`, `trafilatura.meta.reset_caches()`). A system that cannot be imported or is not written yet is reported as
unavailable; one that fails on a page gets "nothing found" there and an error count.

Columns: F1, P, R (and acc) per the set's metric; pages/s and MB/s of raw HTML input; "× trafilatura" = the
system's pages/s divided by trafilatura's (above 1 = faster).

Metadata (trafilatura-eval only): thresher's `clean(html, url, format="html")` Document (title, author, published)
against `trafilatura.extract_metadata(html, default_url=url)` (title, author, date), scored by
metadata_scoring.py: normalised exact match for title, the same normalised set of names for author, the same
calendar day for date, each over the pages whose gold has a value.

    python bench/extraction.py [--only aeb|trafilatura] [--systems a,b] [--limit N] [--profile] [--json PATH]
                               [--worst N] [--rounds N]

With --rounds N the systems are timed in N passes taken in turns (A B C, A B C, ...) and each keeps its fastest
pass: on a shared machine whose speed drifts, the ratios then compare like with like.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import pstats
import sys
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.flatten import decode_html
from bench.metadata_scoring import FIELDS, as_text, score_metadata
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

AEB = "aeb"
TRAFEVAL = "trafilatura"
FOLDERS = {AEB: AEB_DIR_NAME, TRAFEVAL: TRAFEVAL_DIR_NAME}
SYSTEM_NAMES = ("thresher", "trafilatura", "readability", "resiliparse", "justext", "boilerpy3")
BASELINE = "trafilatura"  # the speed column is relative to this system
PROFILE_TOP_FUNCTIONS = 25
# jusText's published settings: length_low, length_high, stopwords_low, stopwords_high, max_link_density,
# max_heading_distance, no_headings.
JUSTEXT_PARAMETERS = {
    "length_low": 50,
    "length_high": 200,
    "stopwords_low": 0.1,
    "stopwords_high": 0.2,
    "max_link_density": 0.2,
    "max_heading_distance": 200,
    "no_headings": True,
}
JUSTEXT_AEB_LANGUAGE = "English"

Page = Any  # AebPage or SnippetPage: both have .html (bytes) and .url
System = Callable[[Page], "str | None"]


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


# --------------------------------------------------------------------------------------------------------- systems


def _thresher(dataset: str) -> System:
    import thresher

    return lambda page: thresher.extract_text(page.html, page.url)


def _trafilatura(dataset: str) -> System:
    from trafilatura import extract

    return lambda page: extract(page.html, include_comments=False, include_tables=True)


def _readability(dataset: str) -> System:
    import html_text
    from readability import Document

    if dataset == AEB:
        return lambda page: html_text.extract_text(Document(decode_html(page.html)).summary(html_partial=True))
    return lambda page: Document(decode_html(page.html)).summary()


def _resiliparse(dataset: str) -> System:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    def run(page: Page) -> str:
        tree = HTMLTree.parse_from_bytes(page.html, detect_encoding(page.html))
        return extract_plain_text(tree, main_content=True)

    return run


@lru_cache(maxsize=1)
def _all_justext_stopwords() -> frozenset[str]:
    import justext

    return frozenset().union(*(justext.get_stoplist(language) for language in justext.get_stoplists()))


def _justext(dataset: str) -> System:
    import justext

    stoplist = justext.get_stoplist(JUSTEXT_AEB_LANGUAGE) if dataset == AEB else _all_justext_stopwords()

    def run(page: Page) -> str:
        paragraphs = justext.justext(decode_html(page.html), stoplist, **JUSTEXT_PARAMETERS)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _boilerpy3(dataset: str) -> System:
    from boilerpy3 import extractors

    extractor = extractors.ArticleExtractor()
    return lambda page: extractor.get_content(decode_html(page.html))


FACTORIES: dict[str, Callable[[str], System]] = {
    "thresher": _thresher,
    "trafilatura": _trafilatura,
    "readability": _readability,
    "resiliparse": _resiliparse,
    "justext": _justext,
    "boilerpy3": _boilerpy3,
}


def _unavailable(exc: Exception) -> Callable[[Page], Any]:
    """A stand-in for a system that could not be set up: it raises on every call, so the runner reports it as
    unavailable (any set-up failure counts as an import failure)."""
    error = exc if isinstance(exc, ImportError | NotImplementedError) else ImportError(f"{type(exc).__name__}: {exc}")

    def unavailable(page: Page) -> Any:
        raise error

    return unavailable


def make_system(name: str, dataset: str) -> System:
    """The system as a page -> text function."""
    try:
        inner = FACTORIES[name](dataset)
    except Exception as exc:  # noqa: BLE001 - an unusable system is a row of the table, not a crash
        return _unavailable(exc)
    return lambda page: _as_text(inner(page))


# -------------------------------------------------------------------------------------------------------- running


def _thresher_cold_start() -> None:
    import thresher

    thresher.clear_caches()


def _trafilatura_cold_start() -> None:
    from trafilatura.meta import reset_caches  # its own LRU caches (text lines, trimming) and htmldate's

    reset_caches()


# Called before each timed pass: a later pass over the same pages must not find every block's verdict cached.
COLD_START: dict[str, Callable[[], None]] = {"thresher": _thresher_cold_start, "trafilatura": _trafilatura_cold_start}

# Timed passes over the pages per system (--rounds): the systems take turns, pass by pass, and each keeps its
# fastest pass, so a slow spell of a shared machine does not land on one system alone.
DEFAULT_ROUNDS = 1


def run_extractors(
    pages: Sequence[Page], dataset: str, systems: Sequence[str], rounds: int = DEFAULT_ROUNDS
) -> list[SystemRun]:
    sizes = [len(p.html) for p in pages]
    made = {name: make_system(name, dataset) for name in systems}
    best = {}
    for name in systems:
        best[name] = run_system(name, made[name], pages, sizes, warmup=True, before=COLD_START.get(name))
    for _ in range(rounds - 1):
        for name in systems:
            if best[name].unavailable:
                continue
            again = run_system(name, made[name], pages, sizes, before=COLD_START.get(name))
            if again.seconds < best[name].seconds:
                best[name].seconds = again.seconds  # the first pass's outputs are the ones scored
    return [best[name] for name in systems]


def _speed_columns(run: SystemRun, baseline: SystemRun | None) -> dict[str, float | None]:
    ratio = None
    if baseline is not None and run.pages_per_second and baseline.pages_per_second:
        ratio = run.pages_per_second / baseline.pages_per_second
    return {
        "pages_per_s": run.pages_per_second,
        "mb_per_s": run.mb_per_second,
        "x_trafilatura": ratio,
        "errors": run.errors,
        "status": run.status,
    }


def bench_aeb(systems: Sequence[str], limit: int | None, worst: int = 0, rounds: int = DEFAULT_ROUNDS) -> list[dict]:
    pages = load_aeb(limit=limit)
    runs = run_extractors(pages, AEB, systems, rounds)
    baseline = next((r for r in runs if r.name == BASELINE), None)
    golds = [p.gold for p in pages]
    rows = []
    for run in runs:
        rows.append({"system": run.name, **score_aeb(golds, run.outputs).as_dict(), **_speed_columns(run, baseline)})
        if worst and run.name == "thresher":
            rows[-1]["worst_pages"] = worst_aeb(pages, run.outputs, worst)
    return rows


def bench_trafilatura(
    systems: Sequence[str], pages: Sequence[Page], worst: int = 0, rounds: int = DEFAULT_ROUNDS
) -> list[dict]:
    runs = run_extractors(pages, TRAFEVAL, systems, rounds)
    baseline = next((r for r in runs if r.name == BASELINE), None)
    rows = []
    for run in runs:
        rows.append(
            {"system": run.name, **score_snippets(pages, run.outputs).as_dict(), **_speed_columns(run, baseline)}
        )
        if worst and run.name == "thresher":
            rows[-1]["worst_pages"] = worst_snippets(pages, run.outputs, worst)
    return rows


def _print_worst(title: str, rows: list[dict]) -> None:
    for row in rows:
        if row.get("worst_pages"):
            print(render_worst(f"{title}: {row['system']}'s worst pages", row["worst_pages"]), end="\n\n")


# -------------------------------------------------------------------------------------------------------- metadata


def _thresher_metadata() -> Callable[[Page], dict[str, str | None]]:
    import thresher

    def run(page: Page) -> dict[str, str | None]:
        doc = thresher.clean(page.html, url=page.url, format="html")
        return {"title": doc.title, "author": doc.author, "date": doc.published}

    return run


def _trafilatura_metadata() -> Callable[[Page], dict[str, str | None]]:
    from trafilatura import extract_metadata

    def run(page: Page) -> dict[str, str | None]:
        meta = extract_metadata(decode_html(page.html), default_url=page.url)
        return {"title": meta.title, "author": meta.author, "date": meta.date}

    return run


METADATA_FACTORIES = {"thresher": _thresher_metadata, "trafilatura": _trafilatura_metadata}


def gold_metadata(page: Page) -> dict[str, str]:
    """Only the fields annotated for this page: title when the set has one, author and date when it has meta."""
    gold: dict[str, str] = {}
    if page.title is not None:
        gold["title"] = page.title
    for field in ("author", "date"):
        if field in page.meta:
            gold[field] = as_text(page.meta[field]) or ""
    return gold


def bench_metadata(systems: Sequence[str], pages: Sequence[Page]) -> list[dict]:
    golds = [gold_metadata(p) for p in pages]
    rows = []
    for name in systems:
        if name not in METADATA_FACTORIES:
            continue
        try:
            system = METADATA_FACTORIES[name]()
        except Exception as exc:  # noqa: BLE001 - an unusable system is a row of the table, not a crash
            system = _unavailable(exc)
        run = run_system(name, system, pages, warmup=True)
        outputs = [o if isinstance(o, dict) else None for o in run.outputs]
        for score in score_metadata(golds, outputs).values():
            rows.append({"system": name, **score.as_dict(), "status": run.status})
    rows.sort(key=lambda r: (FIELDS.index(r["field"]), r["system"]))
    return rows


# --------------------------------------------------------------------------------------------------------- profile


def profile_thresher(pages: Sequence[Page], out: io.TextIOBase = sys.stdout) -> None:
    system = make_system("thresher", AEB)
    profiler = cProfile.Profile()
    profiler.enable()
    for page in pages:
        try:
            system(page)
        except Exception:  # noqa: BLE001,S112 - failures are counted by the benchmark run, not here
            continue
    profiler.disable()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(PROFILE_TOP_FUNCTIONS)


# ---------------------------------------------------------------------------------------------------------- output


def render_extraction(title: str, rows: list[dict], with_spread: bool) -> str:
    headers = ["system", "F1", "P", "R", "acc", "pages/s", "MB/s", "× trafilatura", "status"]
    body = []
    for r in rows:
        f1 = fmt(r["f1"]) + (f" ± {fmt(r['f1_std'])}" if with_spread else "")
        body.append(
            [
                r["system"],
                f1,
                fmt(r["precision"]),
                fmt(r["recall"]),
                fmt(r["accuracy"]),
                fmt(r["pages_per_s"], 1),
                fmt(r["mb_per_s"], 2),
                fmt(r["x_trafilatura"], 2),
                r["status"],
            ]
        )
    return f"### {title}\n\n" + markdown_table(headers, body)


def render_metadata(rows: list[dict]) -> str:
    headers = ["field", "system", "accuracy", "correct / pages with gold", "given where gold is empty", "status"]
    body = [
        [
            r["field"],
            r["system"],
            fmt(r["accuracy"]),
            f"{r['correct']} / {r['with_gold']}",
            f"{r['given_without_gold']} / {r['without_gold']}",
            r["status"],
        ]
        for r in rows
    ]
    return "### trafilatura-eval metadata\n\n" + markdown_table(headers, body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=[AEB, TRAFEVAL], help="run one set only")
    parser.add_argument("--systems", help=f"comma-separated subset of: {','.join(SYSTEM_NAMES)}")
    parser.add_argument("--limit", type=positive_int, help="first N pages of each set")
    parser.add_argument("--profile", action="store_true", help="also profile thresher (top functions, cumulative)")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument("--worst", type=positive_int, default=0, help="also list thresher's N worst pages per set")
    parser.add_argument(
        "--rounds", type=positive_int, default=DEFAULT_ROUNDS,
        help="timed passes per system, taken in turns; the fastest counts",
    )
    args = parser.parse_args(argv)
    systems = list(SYSTEM_NAMES)
    if args.systems:
        systems = [s.strip() for s in args.systems.split(",") if s.strip()]
        unknown = sorted(set(systems) - set(SYSTEM_NAMES))
        if unknown:
            parser.error(f"unknown system(s): {', '.join(unknown)}; choose from {', '.join(SYSTEM_NAMES)}")
    check_bench_data(parser, [FOLDERS[name] for name in ([AEB, TRAFEVAL] if args.only is None else [args.only])])
    pin_to_one_core()
    # Extractors under test log per-page warnings and tracebacks (malformed markup and the like): they would bury
    # the tables, and every failure is already counted in the status column.
    logging.disable(logging.ERROR)
    results: dict[str, list[dict]] = {}
    profiled: list[Page] = []
    if args.only in (None, AEB):
        results["aeb_html"] = bench_aeb(systems, args.limit, args.worst, args.rounds)
        print(render_extraction("AEB, HTML mode (AEB metric)", results["aeb_html"], with_spread=True), end="\n\n")
        _print_worst("AEB, HTML mode", results["aeb_html"])
        if args.profile:
            profiled += load_aeb(limit=args.limit)
    if args.only in (None, TRAFEVAL):
        pages = load_trafilatura_eval(limit=args.limit)
        results["trafeval_html"] = bench_trafilatura(systems, pages, args.worst, args.rounds)
        print(render_extraction("trafilatura-eval, HTML mode (snippet metric)", results["trafeval_html"], False))
        print()
        _print_worst("trafilatura-eval, HTML mode", results["trafeval_html"])
        if any(s in METADATA_FACTORIES for s in systems):
            results["trafeval_metadata"] = bench_metadata(systems, pages)
            print(render_metadata(results["trafeval_metadata"]), end="\n\n")
        if args.profile:
            profiled += pages
    if args.profile:
        print(f"### cProfile of thresher.extract_text over {len(profiled)} pages\n\n```")
        profile_thresher(profiled)
        print("```")
    if args.json:
        write_json(parser, args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
