"""The two benchmark metrics, exactly as the data folders' READMEs define them, and loaders for both sets.

AEB (scrapinghub-aeb): 4-gram shingle multisets of `\\w+` tokens, per-page tp/fp/fn normalised to sum 1, per-page
precision and recall averaged over pages, F1 of the two means, exact-token accuracy, bootstrap spread.

Snippet metric (trafilatura-eval): whitespace-normalised, case-sensitive substring test of short gold snippets that
must (`with`) or must not (`without`) appear in the output; counts summed over the corpus (micro).
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# ---------------------------------------------------------------------------------------------------------- data

# The shared data sits beside the repository: <repo>/../shared/bench. THRESHER_BENCH_DIR overrides it.
REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH_DIR = REPO_ROOT.parent / "shared" / "bench"
AEB_DIR_NAME = "scrapinghub-aeb"
TRAFEVAL_DIR_NAME = "trafilatura-eval"
# trafilatura-eval stores pages without a known address under pseudo-keys such as "hard::<file>".
PSEUDO_URL_MARK = "::"


def bench_dir() -> Path:
    return Path(os.environ.get("THRESHER_BENCH_DIR", DEFAULT_BENCH_DIR))


@dataclass(slots=True)
class AebPage:
    id: str
    url: str | None
    gold: str
    html: bytes


@dataclass(slots=True)
class SnippetPage:
    id: str
    url: str | None  # None when the set only has a pseudo-key for the page
    html: bytes
    with_: list[str]
    without: list[str]
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_aeb(root: Path | None = None, limit: int | None = None) -> list[AebPage]:
    """The 181 AEB pages with their full gold article body, in gold.jsonl order."""
    folder = (root or bench_dir()) / AEB_DIR_NAME
    rows = _read_jsonl(folder / "gold.jsonl")[:limit]
    return [
        AebPage(id=r["id"], url=r.get("url"), gold=r.get("text") or "", html=(folder / f"{r['id']}.html").read_bytes())
        for r in rows
    ]


def load_trafilatura_eval(root: Path | None = None, limit: int | None = None) -> list[SnippetPage]:
    """The 990 trafilatura-eval pages (gzip on disk, raw bytes in memory) with their snippets and metadata gold."""
    folder = (root or bench_dir()) / TRAFEVAL_DIR_NAME
    pages = []
    for r in _read_jsonl(folder / "gold.jsonl")[:limit]:
        url = r.get("url")
        if url and PSEUDO_URL_MARK in url and not url.startswith(("http://", "https://")):
            url = None
        with gzip.open(folder / f"{r['id']}.html.gz") as fh:
            html = fh.read()
        pages.append(
            SnippetPage(
                id=r["id"],
                url=url,
                html=html,
                with_=list(r.get("with") or []),
                without=list(r.get("without") or []),
                title=r.get("title"),
                meta=dict(r.get("meta") or {}),
            )
        )
    return pages


def load_reference_outputs(root: Path | None = None) -> dict[str, dict[str, str]]:
    """AEB's published predictions: {system: {page id: articleBody}} (the file may wrap them in "output")."""
    folder = (root or bench_dir()) / AEB_DIR_NAME / "reference-outputs"
    out: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data.get("output"), dict):
            data = data["output"]
        out[path.stem] = {key: (item or {}).get("articleBody") or "" for key, item in data.items()}
    return out


# ----------------------------------------------------------------------------------------------------------- AEB

TOKEN_RE = re.compile(r"\w+")
SHINGLE_SIZE = 4  # AEB compares 4-grams of consecutive tokens
BOOTSTRAP_RESAMPLES = 1000  # resamples of pages behind the reported spread
BOOTSTRAP_SEED = 42  # fixed so that two runs report the same spread


def tokenize(text: str | None) -> list[str]:
    return TOKEN_RE.findall(text or "")


def shingles(tokens: Sequence[str], size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of `size`-grams; a text shorter than `size` tokens is one shorter shingle, an empty one has none."""
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(slots=True, frozen=True)
class PageCounts:
    """One page's shingle tp/fp/fn, normalised to sum to 1 (all zero when both texts are empty)."""

    tp: float
    fp: float
    fn: float
    exact: bool  # predicted token list equals the gold token list

    @property
    def precision(self) -> float | None:
        """None when the prediction is empty: such pages are left out of the precision mean."""
        if self.tp + self.fp == 0:
            return None
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """None when the gold is empty: such pages are left out of the recall mean."""
        if self.tp + self.fn == 0:
            return None
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn)


def page_counts(gold: str | None, prediction: str | None) -> PageCounts:
    gold_tokens, pred_tokens = tokenize(gold), tokenize(prediction)
    gold_sh, pred_sh = shingles(gold_tokens), shingles(pred_tokens)
    tp = sum((gold_sh & pred_sh).values())
    fp = sum((pred_sh - gold_sh).values())
    fn = sum((gold_sh - pred_sh).values())
    total = tp + fp + fn
    exact = gold_tokens == pred_tokens
    if total == 0:
        return PageCounts(0.0, 0.0, 0.0, exact)
    # Normalised so that every page weighs the same whatever its length.
    return PageCounts(tp / total, fp / total, fn / total, exact)


@dataclass(slots=True, frozen=True)
class AebMetrics:
    precision: float
    recall: float
    f1: float
    accuracy: float


@dataclass(slots=True, frozen=True)
class AebScore:
    """Point estimates over all pages, each with its bootstrap standard deviation."""

    f1: float
    precision: float
    recall: float
    accuracy: float
    f1_std: float
    precision_std: float
    recall_std: float
    accuracy_std: float
    pages: int
    empty_predictions: int

    def as_dict(self) -> dict[str, float | int]:
        return {name: getattr(self, name) for name in self.__slots__}


def _mean_or_zero(values: list[float]) -> float:
    # A system that returned nothing on every page has no precision to average: it scores 0, not an error.
    return statistics.fmean(values) if values else 0.0


def f1_of(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def aeb_metrics(pages: Sequence[PageCounts]) -> AebMetrics:
    """Mean per-page precision (non-empty predictions only) and recall, F1 of those two means, exact accuracy."""
    precision = _mean_or_zero([p for p in (c.precision for c in pages) if p is not None])
    recall = _mean_or_zero([r for r in (c.recall for c in pages) if r is not None])
    accuracy = _mean_or_zero([1.0 if c.exact else 0.0 for c in pages])
    return AebMetrics(precision, recall, f1_of(precision, recall), accuracy)


def score_aeb(
    golds: Sequence[str | None],
    predictions: Sequence[str | None],
    n_bootstrap: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> AebScore:
    """Score predictions against golds page by page (same order); None counts as an empty prediction."""
    if len(golds) != len(predictions):
        raise ValueError(f"{len(golds)} gold texts but {len(predictions)} predictions")
    counts = [page_counts(g, p) for g, p in zip(golds, predictions)]
    point = aeb_metrics(counts)
    rng = random.Random(seed)
    samples = []
    if counts:
        for _ in range(n_bootstrap):
            samples.append(aeb_metrics([counts[rng.randrange(len(counts))] for _ in counts]))

    def spread(name: str) -> float:
        values = [getattr(s, name) for s in samples]
        return statistics.pstdev(values) if len(values) > 1 else 0.0

    return AebScore(
        f1=point.f1,
        precision=point.precision,
        recall=point.recall,
        accuracy=point.accuracy,
        f1_std=spread("f1"),
        precision_std=spread("precision"),
        recall_std=spread("recall"),
        accuracy_std=spread("accuracy"),
        pages=len(counts),
        empty_predictions=sum(1 for c in counts if c.tp + c.fp == 0),
    )


# ------------------------------------------------------------------------------------------------ snippet metric

WHITESPACE_RE = re.compile(r"\s+")


def normalise_whitespace(text: str) -> str:
    return WHITESPACE_RE.sub(" ", text).strip()


@dataclass(slots=True)
class SnippetCounts:
    tp: int = 0  # `with` snippets found
    fn: int = 0  # `with` snippets missing
    fp: int = 0  # `without` snippets found
    tn: int = 0  # `without` snippets absent

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fn + self.fp + self.tn
        return (self.tp + self.tn) / total if total else 0.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "f1": self.f1,
            "precision": self.precision,
            "recall": self.recall,
            "accuracy": self.accuracy,
            "tp": self.tp,
            "fn": self.fn,
            "fp": self.fp,
            "tn": self.tn,
        }


def snippet_counts(output: str | None, with_: Iterable[str], without: Iterable[str]) -> SnippetCounts:
    """One page's counts; a None output (an extractor that failed) finds nothing."""
    text = normalise_whitespace(output) if output is not None else None
    counts = SnippetCounts()
    for snippet in with_:
        if text is not None and normalise_whitespace(snippet) in text:
            counts.tp += 1
        else:
            counts.fn += 1
    for snippet in without:
        if text is not None and normalise_whitespace(snippet) in text:
            counts.fp += 1
        else:
            counts.tn += 1
    return counts


def score_snippets(pages: Sequence[SnippetPage], outputs: Sequence[str | None]) -> SnippetCounts:
    """Micro counts over the corpus: outputs[i] is the system's text for pages[i]."""
    if len(pages) != len(outputs):
        raise ValueError(f"{len(pages)} pages but {len(outputs)} outputs")
    total = SnippetCounts()
    for page, output in zip(pages, outputs):
        total = total + snippet_counts(output, page.with_, page.without)
    return total
