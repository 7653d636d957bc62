"""Extraction quality on a slice of the shared benchmarks (skipped when they are absent)."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from thresher.decode import decode
from thresher.modes.html import clean_html

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
# Pages per benchmark scored here: enough to catch a regression, few enough to stay fast.
SLICE = 60
# Floors well under this slice's scores (AEB F1 0.974, trafilatura-eval F1 0.923; full runs 0.974 and 0.926):
# a slice is noisier than a full run.
MIN_AEB_F1 = 0.95
MIN_SNIPPET_F1 = 0.89

pytestmark = pytest.mark.skipif(not BENCH.is_dir(), reason="shared benchmark data not present")


def _shingles(text: str) -> Counter:
    tokens = re.findall(r"\w+", text)
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def test_aeb_slice_f1():
    folder = BENCH / "scrapinghub-aeb"
    rows = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()][:SLICE]
    precisions, recalls = [], []
    for row in rows:
        doc = clean_html(decode((folder / f"{row['id']}.html").read_bytes()), url=row["url"], detect_language=False)
        gold, predicted = _shingles(row["text"]), _shingles(doc.text)
        tp = sum((gold & predicted).values())
        fp, fn = sum(predicted.values()) - tp, sum(gold.values()) - tp
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        recalls.append(tp / (tp + fn) if tp + fn else 1.0)
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    assert 2 * p * r / (p + r) >= MIN_AEB_F1


def test_trafilatura_eval_slice_f1():
    folder = BENCH / "trafilatura-eval"
    rows = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()][:SLICE]

    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip()

    tp = fp = fn = 0
    for row in rows:
        html = decode(gzip.decompress((folder / f"{row['id']}.html.gz").read_bytes()))
        text = norm(clean_html(html, detect_language=False).text)
        found = sum(norm(s) in text for s in row["with"])
        tp += found
        fn += len(row["with"]) - found
        fp += sum(norm(s) in text for s in row["without"])
    assert 2 * tp / (2 * tp + fp + fn) >= MIN_SNIPPET_F1
