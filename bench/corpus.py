"""Corpus benchmark: thresher run vs datatrove's FineWeb-style pipeline on one WARC with planted duplicates.

    python bench/corpus.py [--workers 2] [--copies 60] [--skip-datatrove]

1. Builds `bench/.cache/corpus.warc.gz` from the benchmark pages (scrapinghub-aeb + trafilatura-eval, read-only) and
   plants duplicates: exact copies (the same page under another URL) and near copies (a few sentences changed and the
   page furniture -- title, a banner, a footer -- replaced). The planted pairs are the gold for dedup.
2. Runs `thresher run` on it (in a subprocess, with 1 and with N workers), and datatrove 0.10.1 (in a subprocess):
   WarcReader -> Trafilatura -> Gopher repetition -> Gopher quality -> C4 -> FineWeb filters -> MinHash
   (5-grams, 14 bands x 8 rows, the same as thresher's default) in its four stages. Language identification is left
   out of both sides (datatrove's English filters need spaCy's tokenizer: `pip install spacy`).
3. Prints documents/s per core, peak memory per worker, and duplicate-pair precision/recall.

Gold pairs: the planted ones, plus real duplicates among the source pages themselves: byte-identical pages, and pages
whose cleaned text (`thresher.clean(html).text`, non-empty) is identical although their HTML differs (one article
under two templates). The source pairs count for precision only -- a system is not charged for finding them -- and
recall is over the planted pairs: over all of them, and over the "eligible" ones, whose original survived that
side's per-document filters (a system that dedups only the documents its filters kept cannot find the copy of a
rejected page). thresher links copies of filter-rejected pages too (`dedup_cluster`), so its target is checked on
recall over all planted pairs; a predicted pair is a row whose `dedup_cluster` names another document.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
CACHE = ROOT / "bench" / ".cache"
SEED = 7  # fixed: the planted duplicates are the same on every run
DEFAULT_COPIES = 60  # exact copies planted, and as many near copies
# Bumped when the gold's definition changes, so a cached gold file of an older kind is rebuilt.
GOLD_VERSION = 2
SOURCE_KINDS = ("source", "same-text")  # real duplicates among the source pages (precision only)
# A near copy changes this many paragraphs of the article (dropping or adding a sentence in each).
NEAR_EDITS = 2
# Paragraphs shorter than this (words) are not edited: they are likely furniture, not article text.
MIN_EDIT_WORDS = 12
# Targets from the brief this benchmark checks.
TARGET_SPEEDUP = 5.0
TARGET_RSS_MIB = 1024
TARGET_RECALL = 0.97
TARGET_PRECISION = 0.99

_PARAGRAPH = re.compile(rb"(<p\b[^>]*>)(.*?)(</p>)", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(rb"<title\b[^>]*>.*?</title>", re.IGNORECASE | re.DOTALL)
_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(rb"</body\s*>", re.IGNORECASE)
_TAG = re.compile(rb"<[^>]+>")


# -- building the corpus


def load_pages() -> list[tuple[str, bytes]]:
    """(url, html bytes) of every benchmark page, in a fixed order."""
    pages: list[tuple[str, bytes]] = []
    aeb = BENCH / "scrapinghub-aeb"
    for line in (aeb / "gold.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        url = clean_url(row.get("url") or f"https://aeb.invalid/{row['id']}")
        pages.append((url, (aeb / f"{row['id']}.html").read_bytes()))
    tra = BENCH / "trafilatura-eval"
    for line in (tra / "gold.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        url = clean_url(row.get("url") or "")
        if "://" not in url:
            url = f"https://trafilatura-eval.invalid/{row['id']}"
        with gzip.open(tra / f"{row['id']}.html.gz") as fh:
            pages.append((url, fh.read()))
    return pages


def clean_url(url: str) -> str:
    """A URL as a WARC header can hold it (some gold URLs carry spaces)."""
    return url.strip().replace(" ", "%20")


def source_duplicates(pages: list[tuple[str, bytes]]) -> list[dict]:
    """Pairs of benchmark pages that are real duplicates already: byte-identical (one page under two names), or
    with identical cleaned text (one article in two page templates). Each copy is paired with the first page."""
    from thresher.clean import clean

    first_bytes: dict[bytes, str] = {}
    first_text: dict[str, str] = {}
    pairs = []
    for url, html in pages:
        digest = hashlib.blake2b(html, digest_size=16).digest()
        if digest in first_bytes:
            pairs.append({"original": first_bytes[digest], "copy": url, "kind": "source"})
            continue
        first_bytes[digest] = url
        try:
            text = clean(html, url=url).text.strip()
        except Exception:  # noqa: BLE001 - a page thresher cannot clean has no text to compare
            continue
        if not text:
            continue
        if text in first_text:
            pairs.append({"original": first_text[text], "copy": url, "kind": "same-text"})
        else:
            first_text[text] = url
    return pairs


def near_copy(html: bytes, rng: random.Random, tag: int) -> bytes | None:
    """The page with NEAR_EDITS article paragraphs edited and its furniture replaced; None if it has no such text."""
    paragraphs = [m for m in _PARAGRAPH.finditer(html) if len(_TAG.sub(b" ", m.group(2)).split()) >= MIN_EDIT_WORDS]
    if len(paragraphs) < NEAR_EDITS + 2:
        return None
    chosen = sorted(rng.sample(paragraphs, NEAR_EDITS), key=lambda m: m.start(), reverse=True)
    out = html
    for k, m in enumerate(chosen):
        text = m.group(2)
        if k % 2 == 0:  # drop the last sentence
            cut = text.rstrip().rfind(b". ", 0, max(len(text.rstrip()) - 2, 0))
            new = text[: cut + 1] if cut > 0 else text + b" This paragraph was shortened by the mirror."
        else:  # add a sentence
            new = text + b" A reader wrote in to add a detail the first version had left out."
        out = out[: m.start(2)] + new + out[m.end(2) :]
    out = _TITLE.sub(f"<title>Mirror copy {tag}</title>".encode(), out, count=1)
    banner = f'<div class="mirror-banner"><a href="/">Mirror {tag} home</a> <a href="/about">About</a></div>'.encode()
    out = _BODY_OPEN.sub(lambda m: m.group(0) + banner, out, count=1)
    footer = f'<div class="mirror-footer">Mirrored page {tag}. Contact the mirror team.</div>'.encode()
    return _BODY_CLOSE.sub(lambda m: footer + m.group(0), out, count=1)


def warc_record(url: str, payload: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + payload
    rid = uuid.uuid5(uuid.NAMESPACE_URL, url)
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + http + b"\r\n\r\n", compresslevel=6, mtime=0)


def build_corpus(copies: int) -> tuple[Path, list[dict]]:
    CACHE.mkdir(parents=True, exist_ok=True)
    warc, gold = CACHE / "corpus.warc.gz", CACHE / f"planted-{copies}.json"
    if warc.exists() and gold.exists():
        cached = json.loads(gold.read_text())
        if cached["copies"] == copies and cached.get("version") == GOLD_VERSION:
            return warc, cached["pairs"]
    rng = random.Random(SEED)
    pages = load_pages()
    order = list(range(len(pages)))
    rng.shuffle(order)
    pairs: list[dict] = []
    extra: dict[int, list[tuple[str, bytes]]] = {}  # original index -> copies placed after it
    picked = iter(order)
    for kind in ("exact", "near"):
        made = 0
        while made < copies:
            i = next(picked)
            url, html = pages[i]
            body = html if kind == "exact" else near_copy(html, rng, made)
            if body is None:
                continue
            copy_url = f"https://{kind}-copy-{made}.mirror.invalid/{url.split('://', 1)[1]}"
            extra.setdefault(i, []).append((copy_url, body))
            pairs.append({"original": url, "copy": copy_url, "kind": kind})
            made += 1
    pairs += source_duplicates(pages)
    records = []
    for i, (url, html) in enumerate(pages):
        records.append(warc_record(url, html))
        # Copies go a little later in the crawl, as a re-crawl or mirror would.
        for copy_url, body in extra.get(i, []):
            records.append(warc_record(copy_url, body))
    warc.write_bytes(b"".join(records))
    gold.write_text(json.dumps({"copies": copies, "version": GOLD_VERSION, "pairs": pairs}, indent=1))
    return warc, pairs


# -- running the two systems


def run_thresher(warc: Path, workers: int) -> dict:
    out = CACHE / f"thresher-out-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    config = CACHE / "thresher-bench.toml"
    # Split the one file so every worker has shards to take; language id is left out of both sides.
    shard = max(1 << 20, warc.stat().st_size // (4 * workers))
    config.write_text(f"[input]\nshard_bytes = {shard}\n\n[steps.language]\nenabled = false\n")
    cmd = [sys.executable, "-m", "thresher.cli_run", "run", str(warc), "-o", str(out), "--workers", str(workers),
           "--config", str(config)]
    t0, cpu0 = time.perf_counter(), children_cpu_seconds()
    subprocess.run(cmd, check=True, env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    seconds = time.perf_counter() - t0
    stats = json.loads((out / "stats.json").read_text())
    cpu = children_cpu_seconds() - cpu0
    if workers > 1:  # pool workers are reaped by the forkserver, not by the run: their CPU comes from the stats
        cpu += stats["run"].get("worker_cpu_seconds", 0.0)
    import pyarrow.parquet as pq

    rows = []
    for kind in ("kept", "rejected"):
        for part in sorted((out / kind).glob("*.parquet")):
            rows += pq.read_table(part, columns=["id", "url", "dedup_cluster"] + (
                ["rejected_step"] if kind == "rejected" else [])).to_pylist()
    url_of = {r["id"]: r["url"] for r in rows}
    # Every document linked to another one's cluster: copies rejected as duplicates, copies of a filter-rejected page
    # (rejected by the filter, linked by dedup), and a kept copy of a page the filters rejected.
    predicted = [(r["url"], url_of.get(r["dedup_cluster"])) for r in rows
                 if r["dedup_cluster"] is not None and r["dedup_cluster"] != r["id"]]
    filtered = {r["url"] for r in rows if r.get("rejected_step") and not r["rejected_step"].startswith("dedup")}
    return {
        "documents": stats["documents"], "seconds": seconds, "workers": workers,
        "peak_rss_mib": stats["run"]["peak_worker_rss_mib"], "predicted": predicted, "filtered_out": filtered,
        "kept": stats["kept"], "cpu_seconds": cpu,
    }


DATATROVE_SCRIPT = r'''
import json, sys, time, resource
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import WarcReader, JsonlReader
from datatrove.pipeline.extractors import Trafilatura
from datatrove.pipeline.filters import (GopherRepetitionFilter, GopherQualityFilter, C4QualityFilter,
                                        FineWebQualityFilter)
from datatrove.pipeline.dedup import MinhashDedupSignature, MinhashDedupBuckets, MinhashDedupCluster, MinhashDedupFilter
from datatrove.pipeline.dedup.minhash import MinhashConfig
from datatrove.pipeline.writers import JsonlWriter

folder, name, work = sys.argv[1], sys.argv[2], sys.argv[3]
cfg = MinhashConfig(n_grams=5, num_buckets=14, hashes_per_bucket=8)
t0 = time.perf_counter()
LocalPipelineExecutor(pipeline=[
    WarcReader(folder, glob_pattern=name),
    Trafilatura(favour_precision=True, timeout=10.0),
    GopherRepetitionFilter(), GopherQualityFilter(), C4QualityFilter(filter_no_terminal_punct=False),
    FineWebQualityFilter(),
    JsonlWriter(f"{work}/docs"),
    MinhashDedupSignature(output_folder=f"{work}/sigs", config=cfg),
], tasks=1, workers=1, logging_dir=f"{work}/logs1").run()
t1 = time.perf_counter()
LocalPipelineExecutor(pipeline=[MinhashDedupBuckets(input_folder=f"{work}/sigs", output_folder=f"{work}/buckets",
                                                    config=cfg)],
                      tasks=cfg.num_buckets, workers=1, logging_dir=f"{work}/logs2").run()
LocalPipelineExecutor(pipeline=[MinhashDedupCluster(input_folder=f"{work}/buckets", output_folder=f"{work}/remove",
                                                    config=cfg, save_cluster_id=True)],
                      tasks=1, workers=1, logging_dir=f"{work}/logs3").run()
LocalPipelineExecutor(pipeline=[
    JsonlReader(f"{work}/docs"),
    MinhashDedupFilter(input_folder=f"{work}/remove", load_cluster_ids=True,
                       exclusion_writer=JsonlWriter(f"{work}/removed")),
    JsonlWriter(f"{work}/final"),
], tasks=1, workers=1, logging_dir=f"{work}/logs4").run()
t2 = time.perf_counter()
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"clean_seconds": t1 - t0, "seconds": t2 - t0, "peak_rss_mib": peak / 1024}))
'''


def children_cpu_seconds() -> float:
    """User + system CPU seconds of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_datatrove(warc: Path) -> dict:
    work = CACHE / "datatrove-out"
    shutil.rmtree(work, ignore_errors=True)
    t0, cpu0 = time.perf_counter(), children_cpu_seconds()
    result = subprocess.run([sys.executable, "-c", DATATROVE_SCRIPT, str(warc.parent), warc.name, str(work)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit("datatrove failed: " + (result.stderr.strip().splitlines() or ["?"])[-1])
    seconds = time.perf_counter() - t0
    cpu = children_cpu_seconds() - cpu0
    info = json.loads(result.stdout.strip().splitlines()[-1])

    def rows(sub: str) -> list[dict]:
        out = []
        for f in sorted((work / sub).glob("*.jsonl.gz")):
            with gzip.open(f, "rt", encoding="utf-8") as fh:
                out += [json.loads(line) for line in fh]
        return out

    survivors, removed = rows("final"), rows("removed")
    rep = {d["metadata"].get("minhash_cluster_id"): d["metadata"]["url"] for d in survivors
           if d["metadata"].get("minhash_cluster_id", -1) != -1}
    predicted = [(d["metadata"]["url"], rep.get(d["metadata"].get("minhash_cluster_id"))) for d in removed]
    passed = {d["metadata"]["url"] for d in survivors + removed}
    return {"seconds": seconds, "cpu_seconds": cpu, "inner_seconds": info["seconds"], "peak_rss_mib": info["peak_rss_mib"],
            "predicted": predicted, "passed": passed, "workers": 1}


# -- scoring


def score(predicted: list[tuple[str, str | None]], pairs: list[dict], eligible: set[str]) -> dict:
    """Precision against every gold pair (planted and source); recall over the planted pairs, all and eligible."""
    gold = {frozenset((p["original"], p["copy"])) for p in pairs}
    planted = {frozenset((p["original"], p["copy"])) for p in pairs if p["kind"] not in SOURCE_KINDS}
    found = {frozenset(p) for p in predicted if p[1] is not None and p[0] != p[1]}
    eligible_gold = {frozenset((p["original"], p["copy"])) for p in pairs
                     if p["kind"] not in SOURCE_KINDS and p["original"] in eligible}
    return {
        "predicted_pairs": len(found),
        "true_pairs": len(found & gold),
        "precision": len(found & gold) / len(found) if found else 1.0,
        "planted_pairs": len(planted),
        "recall": len(found & planted) / len(planted) if planted else 1.0,
        "eligible_pairs": len(eligible_gold),
        "recall_eligible": len(found & eligible_gold) / len(eligible_gold) if eligible_gold else 1.0,
        "false_pairs": sorted(sorted(p) for p in found - gold),
        "by_kind": {
            kind: sum(1 for p in pairs if p["kind"] == kind and frozenset((p["original"], p["copy"])) in found)
            for kind in ("exact", "near", *SOURCE_KINDS)
        },
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--copies", type=int, default=DEFAULT_COPIES)
    ap.add_argument("--skip-datatrove", action="store_true")
    args = ap.parse_args(argv)
    if not BENCH.exists():
        print(f"benchmark data not found at {BENCH}", file=sys.stderr)
        return 1
    warc, pairs = build_corpus(args.copies)
    planted = sum(p["kind"] not in SOURCE_KINDS for p in pairs)
    same_bytes = sum(p["kind"] == "source" for p in pairs)
    print(f"corpus: {warc} ({warc.stat().st_size / 2**20:.1f} MiB), {planted} planted pairs; already in the source "
          f"pages: {same_bytes} byte-identical pairs, {len(pairs) - planted - same_bytes} with identical cleaned text",
          file=sys.stderr)
    results = {}
    for workers in sorted({1, args.workers}):
        t = run_thresher(warc, workers)
        all_urls = {p["original"] for p in pairs}
        t["score"] = score(t["predicted"], pairs, all_urls - t["filtered_out"])
        results[f"thresher x{workers}"] = t
    if not args.skip_datatrove:
        d = run_datatrove(warc)
        d["documents"] = next(iter(results.values()))["documents"]
        d["score"] = score(d["predicted"], pairs, d["passed"])
        results["datatrove x1"] = d
    print()
    print("| system | docs | seconds | docs/s | docs/s per core | CPU s | docs per CPU s | peak RSS/worker MiB | pairs P | "
          "R all planted (n) | R eligible (n) | exact/near/source/same-text found |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        rate = r["documents"] / r["seconds"]
        s = r["score"]
        print(f"| {name} | {r['documents']} | {r['seconds']:.1f} | {rate:.1f} | {rate / r['workers']:.1f} | "
              f"{r['cpu_seconds']:.1f} | {r['documents'] / r['cpu_seconds']:.1f} | {r['peak_rss_mib']:.0f} | {s['precision']:.3f} | {s['recall']:.3f} ({s['planted_pairs']}) | "
              f"{s['recall_eligible']:.3f} ({s['eligible_pairs']}) | "
              f"{s['by_kind']['exact']}/{s['by_kind']['near']}/{s['by_kind']['source']}/{s['by_kind']['same-text']} |")
    for name, r in results.items():
        s = r["score"]
        if s["false_pairs"]:
            print(f"{name}: pairs outside the gold: {s['false_pairs']}")
        if name.startswith("thresher"):
            verdict = lambda ok: "met" if ok else "NOT met"  # noqa: E731
            print(f"{name}: precision {s['precision']:.3f} (target {TARGET_PRECISION}: "
                  f"{verdict(s['precision'] >= TARGET_PRECISION)}); recall over all planted pairs {s['recall']:.3f} "
                  f"(target {TARGET_RECALL}: {verdict(s['recall'] >= TARGET_RECALL)}); over eligible pairs "
                  f"{s['recall_eligible']:.3f} ({verdict(s['recall_eligible'] >= TARGET_RECALL)})")
    if "datatrove x1" in results:
        base = results["datatrove x1"]["documents"] / results["datatrove x1"]["seconds"]
        base_cpu = results["datatrove x1"]["documents"] / results["datatrove x1"]["cpu_seconds"]
        for name, r in results.items():
            if name.startswith("thresher"):
                per_core = r["documents"] / r["seconds"] / r["workers"]
                per_cpu = r["documents"] / r["cpu_seconds"]
                # Wall time depends on what else the machine runs; CPU seconds much less so.
                print(f"{name}: {per_core / base:.2f}x datatrove's docs/s per core by wall time, "
                      f"{per_cpu / base_cpu:.2f}x by CPU time (target >= {TARGET_SPEEDUP}x)")
    summary = {k: {kk: vv for kk, vv in v.items() if kk not in ("predicted", "filtered_out", "passed")}
               for k, v in results.items()}
    (CACHE / "corpus-results.json").write_text(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
