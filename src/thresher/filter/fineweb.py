"""FineWeb's own quality rules (Penedo et al. 2024, "The FineWeb Datasets"), with their published thresholds.

They catch what Gopher and C4 let through on crawled pages: bodies that are lists of short fragments (menus, tag
clouds, tables flattened to lines), few lines ending like sentences, and text repeated line by line.
"""

from __future__ import annotations

from dataclasses import dataclass

from thresher.filter.base import QualityFilter, first_broken, too_high, too_low
from thresher.filter.analysis import TextView
from thresher.model import Document


@dataclass(frozen=True, slots=True)
class FineWebOptions:
    min_line_punctuation_share: float = 0.12  # share of lines ending like a sentence
    max_short_line_share: float = 0.67  # share of lines of at most short_line_chars characters
    short_line_chars: int = 30  # a line this long or shorter is "short"
    # Han/Kana text packs a word into 1-2 characters: 30 Latin characters (about 5 English words) are about 10.
    unspaced_short_line_chars: int = 10
    max_duplicate_line_char_share: float = 0.1  # characters in lines repeating an earlier line, per character
    max_newline_word_ratio: float = 0.3  # line breaks per word: higher means a list, not prose


class FineWebFilter(QualityFilter):
    name = "fineweb"

    def __init__(self, options: FineWebOptions | None = None) -> None:
        self.options = options or FineWebOptions()

    def judge(self, doc: Document, view: TextView) -> Document:
        o = self.options
        lines = view.lines
        if not lines:
            return self.verdict(doc, {}, "no body lines", [])
        words = view.words
        short_limit = o.unspaced_short_line_chars if words.is_unspaced else o.short_line_chars
        punctuated = sum(view.line_ends) / len(lines)
        short = sum(1 for line in lines if len(line) <= short_limit) / len(lines)
        seen: set[str] = set()
        repeated_chars = total_chars = 0
        for line in lines:
            total_chars += len(line)
            if line in seen:
                repeated_chars += len(line)
            else:
                seen.add(line)
        repeated = repeated_chars / max(total_chars, 1)
        newline_ratio = (len(lines) - 1) / max(len(words.words), 1)
        signals: dict[str, float] = {
            "fineweb_line_punctuation_share": punctuated,
            "fineweb_short_line_share": short,
            "fineweb_duplicate_line_char_share": repeated,
            "fineweb_newline_word_ratio": newline_ratio,
        }
        broken = first_broken(
            too_low("line punctuation share", punctuated, "min_line_punctuation_share", o.min_line_punctuation_share),
            too_high("short line share", short, "max_short_line_share", o.max_short_line_share),
            too_high(
                "duplicate line char share", repeated, "max_duplicate_line_char_share", o.max_duplicate_line_char_share
            ),
            too_high("newlines per word", newline_ratio, "max_newline_word_ratio", o.max_newline_word_ratio),
        )
        return self.verdict(doc, signals, broken, [])
