"""What every quality filter shares: recording its measurements and turning the first broken rule into a reason."""

from __future__ import annotations

from thresher.filter.analysis import ViewStep
from thresher.model import Document
from thresher.pipeline.step import DocumentStep


def show(value: float) -> str:
    """A measured value as a reason prints it: integers as is, shares with three significant digits."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.3g}"


class QualityFilter(ViewStep, DocumentStep):
    """A filter measures signals, then rejects on the first rule they break (rules are checked in a fixed order)."""

    def verdict(self, doc: Document, signals: dict[str, float], broken: str | None, skipped: list[str]) -> Document:
        doc.signals.update(signals)
        if broken is not None:
            return self.reject(doc, f"{self.name}: {broken}")
        return self.accept(doc, "skipped " + "; ".join(skipped) if skipped else "")


def _measured(label: str, value: float) -> str:
    # "{}" in the label places the value ("31 words"); otherwise it follows the label ("mean word length 2.1").
    return label.format(show(value)) if "{}" in label else f"{label} {show(value)}"


def too_low(label: str, value: float, option: str, limit: float) -> str | None:
    return f"{_measured(label, value)} < {option} {show(limit)}" if value < limit else None


def too_high(label: str, value: float, option: str, limit: float) -> str | None:
    return f"{_measured(label, value)} > {option} {show(limit)}" if value > limit else None


def first_broken(*checks: str | None) -> str | None:
    return next((c for c in checks if c is not None), None)
