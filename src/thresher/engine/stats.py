"""Counts per step and reason, merged across shards into `OUTDIR/stats.json`.

Reasons carry measured values ("word count 12 < min_words 50") and ids ("duplicate of <id>"); counting them verbatim
would give one line per document. Numbers (except HTTP status codes), URLs and ids are folded into placeholders so
the counts group documents rejected for the same rule.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from thresher.model import Document

# Distinct reason keys kept per step; rarer ones are summed under OTHER_REASONS.
MAX_REASONS_PER_STEP = 100
OTHER_REASONS = "(other reasons)"

_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
_DUPLICATE_OF = re.compile(r"^duplicate of .*$", re.IGNORECASE)
_NUMBER = re.compile(r"(?<!HTTP )(?<![\w.])-?\d+(?:\.\d+)?(?:e-?\d+)?")


def reason_key(step: str, reason: str) -> str:
    """The rule behind a reason, without the values that differ from document to document."""
    key = _DUPLICATE_OF.sub("duplicate of <id>", reason)
    key = _URL.sub("<url>", key)
    key = _NUMBER.sub("#", key)
    return key or "(no reason given)"


class StepCounts:
    """Rejections counted per step and reason key, plus kept and total documents."""

    def __init__(self) -> None:
        self.documents = 0
        self.kept = 0
        self.rejected: dict[str, Counter[str]] = {}

    def add(self, doc: Document) -> None:
        self.documents += 1
        rejection = doc.rejection
        if rejection is None:
            self.kept += 1
            return
        self.rejected.setdefault(rejection.step, Counter())[reason_key(rejection.step, rejection.reason)] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "kept": self.kept,
            "rejected": {step: dict(counts) for step, counts in self.rejected.items()},
        }


def merge(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """Shard counts (StepCounts.to_dict) summed into the run's stats, steps sorted by rejections."""
    documents = sum(s["documents"] for s in summaries)
    kept = sum(s["kept"] for s in summaries)
    by_step: dict[str, Counter[str]] = {}
    for s in summaries:
        for step, counts in s["rejected"].items():
            by_step.setdefault(step, Counter()).update(counts)
    steps = {}
    for step, counts in sorted(by_step.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        top = counts.most_common(MAX_REASONS_PER_STEP)
        reasons = dict(top)
        rest = sum(counts.values()) - sum(reasons.values())
        if rest:
            reasons[OTHER_REASONS] = rest
        steps[step] = {"rejected": sum(counts.values()), "reasons": reasons}
    return {"documents": documents, "kept": kept, "rejected": documents - kept, "steps": steps}
