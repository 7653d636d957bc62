"""C4's cleaning rules (Raffel et al. 2020, "Exploring the Limits of Transfer Learning", section 2.2), as a filter only.

C4 deletes lines (no sentence end, fewer than 3 words, "javascript", cookie/terms notices) and then drops the page if
too little is left. thresher never edits text in a filter: its labelling step already removed page furniture with
an account of why, and a filter that silently deleted lines would break that account. So this step works out which
lines C4 would keep, and rejects the document exactly when C4 would have dropped the page:
"lorem ipsum", a curly bracket (code, not prose), or fewer than `min_sentences` sentences in the lines C4 keeps.
The lines C4 would have deleted are counted in the signals (`c4_dropped_line_share`), never removed.
"""

from __future__ import annotations

from dataclasses import dataclass

from thresher.filter.base import QualityFilter, first_broken, too_low
from thresher.filter.analysis import TextView
from thresher.filter.words import count_sentences, tokenize
from thresher.model import Document

# C4's notice phrases: a line holding one is a cookie or terms banner.
POLICY_PHRASES = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)


@dataclass(frozen=True, slots=True)
class C4Options:
    min_sentences: int = 5  # fewer sentences in the lines C4 keeps: the page is dropped
    min_words_per_line: int = 3  # a line with fewer words is not kept
    max_word_length: int = 1000  # a line holding a longer "word" (a data blob) is not kept
    reject_lorem_ipsum: bool = True  # placeholder text anywhere drops the page
    reject_curly_bracket: bool = True  # a "{" anywhere drops the page (C4's guard against code)
    drop_javascript_lines: bool = True  # lines mentioning "javascript" are not kept ("enable JavaScript" notices)
    drop_policy_lines: bool = True  # lines holding a POLICY_PHRASES notice are not kept
    # Text without spaces has a "word" per character (see thresher.filter.words): a line needs this many.
    unspaced_min_words_per_line: int = 3


class C4Filter(QualityFilter):
    name = "c4"

    def __init__(self, options: C4Options | None = None) -> None:
        self.options = options or C4Options()

    def judge(self, doc: Document, view: TextView) -> Document:
        o = self.options
        text = view.text
        lowered = text.lower()
        lines = view.lines
        unspaced = view.words.is_unspaced
        # A line's lower-cased text is that part of the lower-cased body (its ends are line breaks either way), so a
        # notice phrase absent from the body is absent from every line: then no line is lower-cased to look for it.
        notices = (o.drop_javascript_lines and "javascript" in lowered) or (
            o.drop_policy_lines and any(p in lowered for p in POLICY_PHRASES)
        )
        kept = [line for line, ends in zip(lines, view.line_ends) if ends and self._keeps(line, unspaced, notices)]
        dropped = len(lines) - len(kept)
        if unspaced:
            # Thai-like lines may have no sentence mark at all: they are counted line by line.
            kept_sentences = sum(max(count_sentences(line), 1) for line in kept)
        else:
            # Every kept line ends with a sentence mark, so counting over the joined lines misses none.
            kept_sentences = count_sentences("\n".join(kept))
        signals: dict[str, float] = {
            "c4_sentences": kept_sentences,
            "c4_dropped_line_share": dropped / len(lines) if lines else 0.0,
        }
        broken = first_broken(
            "lorem ipsum placeholder text" if o.reject_lorem_ipsum and "lorem ipsum" in lowered else None,
            "curly bracket '{' (code)" if o.reject_curly_bracket and "{" in text else None,
            too_low("sentences in the lines C4 keeps", kept_sentences, "min_sentences", o.min_sentences),
        )
        return self.verdict(doc, signals, broken, [])

    def _keeps(self, line: str, unspaced: bool, notices: bool = True) -> bool:
        """Whether C4 keeps a line that ends like a sentence (the caller checks that from the shared view).

        `notices`: whether the body mentions javascript or a notice phrase at all (if not, no line is searched).
        """
        o = self.options
        if unspaced:
            # Text without spaces counts words by thresher's rule.
            words = tokenize(line).words
            if len(words) < o.unspaced_min_words_per_line:
                return False
        else:
            # C4 counts whitespace-separated words; splitting stops as soon as there are enough, unless the line is
            # long enough to hold a word over max_word_length (then every word is looked at).
            long_line = len(line) > o.max_word_length
            words = line.split() if long_line else line.split(None, o.min_words_per_line - 1)
            if len(words) < o.min_words_per_line:
                return False
        if len(line) > o.max_word_length and any(len(w) > o.max_word_length for w in words):
            return False
        if not notices:
            return True
        lowered = line.lower()
        if o.drop_javascript_lines and "javascript" in lowered:
            return False
        return not (o.drop_policy_lines and any(p in lowered for p in POLICY_PHRASES))
