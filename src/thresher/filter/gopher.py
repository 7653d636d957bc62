"""Gopher's quality and repetition rules (Rae et al. 2021, "Scaling Language Models", appendix A), as filters.

Defaults are the published thresholds. Words are counted by `thresher.filter.words` so that text written without
spaces (Chinese, Japanese, Thai) is measured fairly; rules that cannot mean anything for such text are skipped, and
the skip is written into the step's decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from thresher.filter.base import QualityFilter, first_broken, too_high, too_low
from thresher.filter.analysis import TextView
from thresher.filter.words import count_stop_words
from thresher.model import Document

# Line starts Gopher counts as bullet points.
BULLET_MARKS = ("•", "-", "*", "–", "·", "●", "▪", "►", "◦")
ELLIPSES = ("...", "…")


@dataclass(frozen=True, slots=True)
class GopherQualityOptions:
    min_words: int = 50  # fewer words than this: too short to be a document
    max_words: int = 100_000  # more: a dump, not a document
    min_mean_word_length: float = 3.0  # shorter mean word length: lists of symbols or codes
    max_mean_word_length: float = 10.0  # longer: URLs, hashes, run-together text
    max_symbol_word_ratio: float = 0.1  # '#' per word, and ellipses per word, each at most this
    max_bullet_line_share: float = 0.9  # share of lines starting with a bullet
    max_ellipsis_line_share: float = 0.3  # share of lines ending with an ellipsis (truncated teasers)
    min_alphabetic_word_share: float = 0.8  # share of words with at least one letter
    min_stop_words: int = 2  # stop words of the document's language (skipped when there is no list)


class GopherQualityFilter(QualityFilter):
    name = "gopher_quality"

    def __init__(self, options: GopherQualityOptions | None = None) -> None:
        self.options = options or GopherQualityOptions()

    def judge(self, doc: Document, view: TextView) -> Document:
        o = self.options
        text = view.text
        words = view.words
        n_words = len(words.words)
        lines = view.lines
        n_lines = max(len(lines), 1)
        skipped: list[str] = []
        signals: dict[str, float] = {"gopher_words": n_words}
        checks: list[str | None] = [
            too_low("{} words", n_words, "min_words", o.min_words),
            too_high("{} words", n_words, "max_words", o.max_words),
        ]
        if n_words:
            if words.is_unspaced:
                # A Chinese character is one "word" of length 1: the length rule measures nothing there.
                skipped.append("mean word length (unspaced script)")
            else:
                mean_length = sum(map(len, words.words)) / n_words
                signals["gopher_mean_word_length"] = mean_length
                checks.append(too_low("mean word length", mean_length, "min_mean_word_length", o.min_mean_word_length))
                checks.append(too_high("mean word length", mean_length, "max_mean_word_length", o.max_mean_word_length))
            hash_ratio = text.count("#") / n_words
            ellipsis_ratio = sum(text.count(e) for e in ELLIPSES) / n_words
            alphabetic = words.with_letters / n_words
            signals.update(
                gopher_hash_word_ratio=hash_ratio,
                gopher_ellipsis_word_ratio=ellipsis_ratio,
                gopher_alphabetic_word_share=alphabetic,
            )
            checks += [
                too_high("'#' per word", hash_ratio, "max_symbol_word_ratio", o.max_symbol_word_ratio),
                too_high("ellipses per word", ellipsis_ratio, "max_symbol_word_ratio", o.max_symbol_word_ratio),
                too_low("alphabetic word share", alphabetic, "min_alphabetic_word_share", o.min_alphabetic_word_share),
            ]
        bullet = sum(1 for line in lines if line.startswith(BULLET_MARKS)) / n_lines
        ellipsis_lines = sum(1 for line in lines if line.endswith(ELLIPSES)) / n_lines
        signals.update(gopher_bullet_line_share=bullet, gopher_ellipsis_line_share=ellipsis_lines)
        checks += [
            too_high("bullet line share", bullet, "max_bullet_line_share", o.max_bullet_line_share),
            too_high("ellipsis line share", ellipsis_lines, "max_ellipsis_line_share", o.max_ellipsis_line_share),
        ]
        if o.min_stop_words > 0:
            found = count_stop_words(words, text, doc.language, o.min_stop_words)
            if found is None:
                skipped.append(f"stop words (no list for language {doc.language or 'unknown'})")
            else:
                # Counting stops at min_stop_words: the signal says "at least this many".
                signals["gopher_stop_words"] = found
                checks.append(too_low("stop words", found, "min_stop_words", o.min_stop_words))
        return self.verdict(doc, signals, first_broken(*checks), skipped)


@dataclass(frozen=True, slots=True)
class GopherRepetitionOptions:
    max_duplicate_line_share: float = 0.30  # lines that repeat an earlier line, per line
    max_duplicate_paragraph_share: float = 0.30  # paragraphs that repeat an earlier paragraph, per paragraph
    max_duplicate_line_char_share: float = 0.20  # characters in repeated lines, per character
    max_duplicate_paragraph_char_share: float = 0.20  # characters in repeated paragraphs, per character
    # (n, limit): characters covered by the most frequent n-gram (when it occurs more than once), per word character.
    top_ngram_char_shares: tuple[tuple[int, float], ...] = ((2, 0.20), (3, 0.18), (4, 0.16))
    # (n, limit): characters covered by repeated occurrences of any n-gram, per word character.
    duplicate_ngram_char_shares: tuple[tuple[int, float], ...] = (
        (5, 0.15),
        (6, 0.14),
        (7, 0.13),
        (8, 0.12),
        (9, 0.11),
        (10, 0.10),
    )
    # Unspaced text has one "word" per character: its n-grams are this many times longer, so that an n-gram spans
    # about as much text as n words of English (a Chinese word averages 1.5-2 characters).
    unspaced_ngram_scale: int = 2


# Multiplier of the rolling n-gram hash (odd, so that it permutes 64-bit values); collisions only matter inside one
# document, where 2**-64 is nothing.
_ROLLING_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


def _repeated_share(items: Sequence[str]) -> tuple[float, float]:
    """(share of items that repeat an earlier one, share of characters in those repeats)."""
    seen: set[str] = set()
    repeats = repeat_chars = total_chars = 0
    for item in items:
        total_chars += len(item)
        if item in seen:
            repeats += 1
            repeat_chars += len(item)
        else:
            seen.add(item)
    if not items:
        return 0.0, 0.0
    return repeats / len(items), repeat_chars / max(total_chars, 1)


class _NgramHashes:
    """64-bit hashes of the n-grams starting at each position, for growing n, each built from the one before."""

    def __init__(self, ids: np.ndarray) -> None:
        self._ids = ids
        self._by_n: dict[int, np.ndarray] = {1: ids}

    def __call__(self, n: int) -> np.ndarray:
        known = max(k for k in self._by_n if k <= n)
        h = self._by_n[known]
        for k in range(known + 1, n + 1):
            # The k-gram at i is the (k-1)-gram at i extended by word i+k-1.
            h = h[:-1] * _ROLLING_MULTIPLIER + self._ids[k - 1 :]
            self._by_n[k] = h
        return h


class GopherRepetitionFilter(QualityFilter):
    name = "gopher_repetition"

    def __init__(self, options: GopherRepetitionOptions | None = None) -> None:
        self.options = options or GopherRepetitionOptions()

    def judge(self, doc: Document, view: TextView) -> Document:
        o = self.options
        lines = view.lines
        paragraphs = view.paragraphs
        line_share, line_chars = _repeated_share(lines)
        para_share, para_chars = _repeated_share(paragraphs)
        signals: dict[str, float] = {
            "gopher_duplicate_line_share": line_share,
            "gopher_duplicate_line_char_share": line_chars,
            "gopher_duplicate_paragraph_share": para_share,
            "gopher_duplicate_paragraph_char_share": para_chars,
        }
        checks: list[str | None] = [
            too_high("duplicate line share", line_share, "max_duplicate_line_share", o.max_duplicate_line_share),
            too_high(
                "duplicate paragraph share",
                para_share,
                "max_duplicate_paragraph_share",
                o.max_duplicate_paragraph_share,
            ),
            too_high(
                "duplicate line char share",
                line_chars,
                "max_duplicate_line_char_share",
                o.max_duplicate_line_char_share,
            ),
            too_high(
                "duplicate paragraph char share",
                para_chars,
                "max_duplicate_paragraph_char_share",
                o.max_duplicate_paragraph_char_share,
            ),
        ]
        words = view.words
        if words.words:
            checks += self._ngram_checks(words.words, words.is_unspaced, signals)
        return self.verdict(doc, signals, first_broken(*checks), [])

    def _ngram_checks(self, words: Sequence[str], unspaced: bool, signals: dict[str, float]) -> list[str | None]:
        o = self.options
        scale = o.unspaced_ngram_scale if unspaced else 1
        # Python's string hash is salted per process, but n-grams are only compared within this one document.
        ids = np.fromiter(map(hash, words), dtype=np.int64, count=len(words)).view(np.uint64)
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        total_chars = int(lengths.sum()) or 1
        # Characters of the n words starting at each position, for every n, from one cumulative sum.
        cumulative = np.concatenate(([0], np.cumsum(lengths)))
        ngram_hashes = _NgramHashes(ids)
        # Positions whose n-gram occurs more than once, for the last n measured. An n-gram that repeats starts with
        # a shorter n-gram that repeats, so each longer n only needs sorting over these positions: on real text
        # they shrink fast, and the answers are exactly those of sorting every position.
        candidates = _Candidates()
        checks: list[str | None] = []
        for n, limit in o.top_ngram_char_shares:
            span = n * scale
            if len(words) < span:
                continue
            groups = _RepeatGroups(ngram_hashes(span), candidates.for_span(span, len(words) - span + 1))
            share = 0.0
            top = groups.top_count()
            if top > 1:
                # Among equally frequent n-grams, the longest: the result must not depend on hash order.
                starts = groups.firsts_of_count(top)
                chars = int((cumulative[starts + span] - cumulative[starts]).max())
                share = top * chars / total_chars
            candidates.update(span, groups)
            signals[f"gopher_top_{n}gram_char_share"] = share
            checks.append(too_high(f"top {n}-gram char share", share, f"max_top_{n}gram_char_share", limit))
        repeats_left = True
        for n, limit in sorted(o.duplicate_ngram_char_shares):
            span = n * scale
            if len(words) < span:
                continue
            if not repeats_left:
                # No n-gram repeats, so no longer one can: the share is 0 for every larger n.
                signals[f"gopher_duplicate_{n}gram_char_share"] = 0.0
                continue
            groups = _RepeatGroups(ngram_hashes(span), candidates.for_span(span, len(words) - span + 1))
            repeat_starts = groups.later_occurrences()
            share = 0.0
            repeats_left = len(repeat_starts) > 0
            if repeats_left:
                # Characters of the words covered by any repeated occurrence, each counted once however many
                # n-grams cover it. The occurrences all span `span` words: in start order, each adds the words up to
                # its end or to the next one's start, whichever comes first (a few values, not a pass over the text).
                starts = repeat_starts  # a new array (a selection): sorted in place
                starts.sort()
                ends = starts + span
                np.minimum(ends[:-1], starts[1:], out=ends[:-1])
                share = int((cumulative[ends] - cumulative[starts]).sum()) / total_chars
            candidates.update(span, groups)
            signals[f"gopher_duplicate_{n}gram_char_share"] = share
            checks.append(too_high(f"duplicate {n}-gram char share", share, f"max_duplicate_{n}gram_char_share", limit))
        return checks


class _Candidates:
    """Positions whose n-gram repeats, for the last (shortest so far) span measured: only there can a longer one."""

    def __init__(self) -> None:
        self._positions: np.ndarray | None = None
        self._span = 0

    def for_span(self, span: int, positions: int) -> np.ndarray | None:
        """Where an n-gram of `span` words may repeat, among the first `positions` (None: anywhere)."""
        if self._positions is None or span <= self._span:
            return None  # spans measured out of order: a shorter n-gram is not narrowed by a longer one
        return self._positions[self._positions < positions]

    def update(self, span: int, groups: _RepeatGroups) -> None:
        if span > self._span or self._positions is None:
            self._positions, self._span = groups.repeated_positions(), span


class _RepeatGroups:
    """The n-grams at some positions (ascending), grouped by hash; equal n-grams keep their positions' order.

    Called a few times per document on arrays of a few hundred values at most, where numpy's Python-level wrappers
    (np.sort, np.diff, np.flatnonzero) cost more than the work: the array methods and slices are used instead.
    """

    def __init__(self, hashes: np.ndarray, positions: np.ndarray | None) -> None:
        if positions is None:
            positions = np.arange(len(hashes))
        else:
            hashes = hashes[positions]
        # A stable sort keeps each group's positions ascending: a group's first entry is its first occurrence.
        order = hashes.argsort(kind="stable")
        ordered = hashes[order]
        self._positions = positions[order]
        # edges[i]: a group starts at entry i; edges[-1] closes the last group, so entry i is alone in its group
        # exactly when edges[i] and edges[i + 1] are both set. Group sizes are worked out only when asked for.
        self._edges = np.empty(len(ordered) + 1, dtype=bool)
        self._edges[0] = self._edges[-1] = True
        np.not_equal(ordered[1:], ordered[:-1], out=self._edges[1:-1])
        self._groups: tuple[np.ndarray, np.ndarray] | None = None

    def _starts_and_counts(self) -> tuple[np.ndarray, np.ndarray]:
        """Each group's first entry and its number of entries."""
        if self._groups is None:
            bounds = self._edges.nonzero()[0]
            self._groups = bounds[:-1], bounds[1:] - bounds[:-1]
        return self._groups

    def top_count(self) -> int:
        return int(self._starts_and_counts()[1].max()) if len(self._positions) else 0

    def firsts_of_count(self, count: int) -> np.ndarray:
        """First positions of the n-grams that occur exactly `count` times."""
        starts, counts = self._starts_and_counts()
        return self._positions[starts[counts == count]]

    def later_occurrences(self) -> np.ndarray:
        """Positions whose n-gram occurred at an earlier position too."""
        return self._positions[~self._edges[:-1]]

    def repeated_positions(self) -> np.ndarray:
        """Every position whose n-gram occurs more than once, ascending."""
        repeated = self._positions[~(self._edges[:-1] & self._edges[1:])]
        repeated.sort()
        return repeated
