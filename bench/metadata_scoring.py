"""Title, author and date against trafilatura-eval's metadata gold, the same way for every system.

The comparison, per field, over the pages whose gold has a non-empty value for it:

- title: normalised exact match. Normalising = Unicode NFKC, case-folded, dashes and curly quotes made plain, runs
  of whitespace collapsed, punctuation and quote marks stripped from both ends. A title with the site name appended ("Story | Site") does not match.
- author: the normalised *set* of names must be equal. A leading byline marker ("by", "von") is dropped, and names
  are split on ; , & / | and the words "and"/"und", so order and the separator a site used do not matter, but a
  missing or an extra name does.
- date: the same calendar day. The first YYYY-MM-DD in the value is compared; a time of day or zone is ignored.

Pages whose gold is empty for a field are not in that field's accuracy; how often a system still gave a value
there is reported beside it ("given where gold is empty") because an empty gold may mean "none" or "not annotated".
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

FIELDS = ("title", "author", "date")
EDGE_CHARS = string.punctuation + string.whitespace + "«»“”„‘’‚‹›–—·•…"
BYLINE_MARKER_RE = re.compile(r"^(?:by|von)\s+", re.IGNORECASE)
AUTHOR_SEPARATOR_RE = re.compile(r"\s*(?:[;,&/|]|\band\b|\bund\b)\s*", re.IGNORECASE)
ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
WHITESPACE_RE = re.compile(r"\s+")
# Typographic variants a site or an annotator may use interchangeably: dashes become "-", curly quotes straight ones.
TYPOGRAPHIC = str.maketrans(
    {"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "„": '"'}
)


MetadataValue = str | list[str] | tuple[str, ...] | None


def as_text(value: MetadataValue) -> str | None:
    """Some gold values are lists of names: one value with the names separated by "; " (an author separator)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value if v)
    return str(value)


def normalise_text(value: str | None) -> str:
    if not value:
        return ""
    value = unicodedata.normalize("NFKC", value).casefold().translate(TYPOGRAPHIC)
    return WHITESPACE_RE.sub(" ", value).strip(EDGE_CHARS)


def normalise_authors(value: str | None) -> frozenset[str]:
    text = normalise_text(value)
    text = BYLINE_MARKER_RE.sub("", text)
    return frozenset(name for name in (normalise_text(p) for p in AUTHOR_SEPARATOR_RE.split(text)) if name)


def normalise_day(value: str | None) -> str:
    if not value:
        return ""
    match = ISO_DAY_RE.search(value)
    return match.group(0) if match else value.strip()


def field_matches(field: str, gold: MetadataValue, predicted: MetadataValue) -> bool:
    gold, predicted = as_text(gold), as_text(predicted)
    if field == "title":
        return normalise_text(gold) == normalise_text(predicted)
    if field == "author":
        return normalise_authors(gold) == normalise_authors(predicted)
    if field == "date":
        return normalise_day(gold) == normalise_day(predicted)
    raise ValueError(f"unknown metadata field {field!r}")


@dataclass(slots=True)
class FieldScore:
    field: str
    correct: int = 0
    with_gold: int = 0  # pages whose gold has a value for the field
    given_without_gold: int = 0  # pages with an empty gold value where the system still gave one
    without_gold: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.with_gold if self.with_gold else 0.0

    def as_dict(self) -> dict[str, float | int | str]:
        return {
            "field": self.field,
            "accuracy": self.accuracy,
            "correct": self.correct,
            "with_gold": self.with_gold,
            "given_without_gold": self.given_without_gold,
            "without_gold": self.without_gold,
        }


def score_metadata(
    golds: Sequence[dict[str, MetadataValue] | None], predictions: Sequence[dict[str, MetadataValue] | None]
) -> dict[str, FieldScore]:
    """golds[i] / predictions[i]: {"title", "author", "date"} for page i. A field missing from a gold dict was not
    annotated for that page and is not scored; a None prediction (the system failed) gives nothing."""
    scores = {f: FieldScore(f) for f in FIELDS}
    for gold, predicted in zip(golds, predictions, strict=True):
        gold = gold or {}
        predicted = predicted or {}
        for f in FIELDS:
            if f not in gold:
                continue
            gold_value, value = as_text(gold.get(f)), as_text(predicted.get(f))
            score = scores[f]
            if gold_value and gold_value.strip():
                score.with_gold += 1
                score.correct += field_matches(f, gold_value, value)
            else:
                score.without_gold += 1
                score.given_without_gold += bool(value and value.strip())
    return scores
