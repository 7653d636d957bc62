"""Line-level cleaners used by web-corpus pipelines, re-implemented from their papers, as text-mode baselines.

C4 (Raffel et al., 2020): keep a line only if it ends in terminal punctuation and has at least three words.

RefinedWeb (Penedo et al., 2023), "line-wise corrections": remove lines that are mostly upper case, only numbers,
counters ("3 likes"), a single word, or short lines matching button/navigation patterns at their start ("sign in"),
their end ("read more") or anywhere ("items in cart"). The paper then drops a whole document when these corrections
remove more than 5% of it; `refinedweb_document` adds that rule. RefinedWeb was English-only: so are its patterns.
"""

from __future__ import annotations

import re

# -------------------------------------------------------------------------------------------------------------- C4

C4_MIN_WORDS = 3  # C4 keeps lines of at least three words
C4_END_MARKS = (".", "!", "?", '"')  # C4's terminal punctuation
C4_ELLIPSIS = "..."  # a line trailing off is not a finished sentence: C4 drops it


def c4_keeps(line: str) -> bool:
    stripped = line.strip()
    return (
        stripped.endswith(C4_END_MARKS) and not stripped.endswith(C4_ELLIPSIS) and len(stripped.split()) >= C4_MIN_WORDS
    )


def c4_lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if c4_keeps(line))


# ------------------------------------------------------------------------------------------------------ RefinedWeb

UPPERCASE_SHARE = 0.5  # "mainly uppercase": more than this share of the line's cased letters are capitals
SHORT_LINE_MAX_WORDS = 10  # the pattern rules only apply to lines this short
DOCUMENT_MAX_REMOVED_SHARE = 0.05  # more than 5% of the words removed -> the whole document goes

# A digit run with thousands/decimal separators and an optional 1.2K / 3M suffix.
_NUMBER = r"\d[\d.,]*\s*[kKmM]?"
_COUNTED = (
    r"(?:likes?|comments?|shares?|views?|repl(?:y|ies)|retweets?|tweets?|followers?|following|posts?|votes?|"
    r"points?|reactions?|pins?|reads?|answers?|subscribers?|stars?|forks?|responses?|clicks?|downloads?)"
)
COUNTER_RE = re.compile(
    rf"^\s*(?:{_NUMBER}\s+{_COUNTED}|{_COUNTED}\s*[:(]?\s*{_NUMBER}\s*\)?)\s*$",
    re.IGNORECASE,
)
NUMERIC_RE = re.compile(r"^[\d\s.,:;/%+\-–()#]*\d[\d\s.,:;/%+\-–()#]*$")
START_PATTERNS_RE = re.compile(
    r"^\s*(?:sign[\s-]?in|sign[\s-]?up|sign[\s-]?out|log[\s-]?in|log[\s-]?out|register|subscribe|share(?: this)?|"
    r"follow us|tweet|pin it|email this|print this|skip to|jump to|back to top|"
    r"advertisement|sponsored|download the app|get the app)",
    re.IGNORECASE,
)
END_PATTERNS_RE = re.compile(
    r"(?:read more|continue reading|click here|learn more|see more|show more|load more|view more|"
    r"find out more|full story|see all|view all)\s*(?:\.\.\.|…|»|›|>+|→)?\s*$",
    re.IGNORECASE,
)
ANYWHERE_PATTERNS_RE = re.compile(
    r"items? in (?:your )?cart|shopping cart|add to cart|all rights reserved|privacy policy|terms of (?:use|service)|"
    r"cookie policy|uses cookies|enable javascript|javascript is disabled|previous article|next article|"
    r"related articles|you may also like|share on (?:facebook|twitter)",
    re.IGNORECASE,
)


def _mostly_uppercase(line: str) -> bool:
    cased = [c for c in line if c.isupper() or c.islower()]
    return bool(cased) and sum(c.isupper() for c in cased) > UPPERCASE_SHARE * len(cased)


def refinedweb_removes(line: str) -> str | None:
    """Why RefinedWeb's corrections would remove this line, or None to keep it."""
    stripped = line.strip()
    if not stripped:
        return None
    words = stripped.split()
    if _mostly_uppercase(stripped):
        return "mostly uppercase"
    if NUMERIC_RE.match(stripped):
        return "only numbers"
    if COUNTER_RE.match(stripped):
        return "counter"
    if len(words) == 1:
        return "one word"
    if len(words) <= SHORT_LINE_MAX_WORDS:
        if START_PATTERNS_RE.match(stripped):
            return "starts like a button"
        if END_PATTERNS_RE.search(stripped):
            return "ends like a button"
        if ANYWHERE_PATTERNS_RE.search(stripped):
            return "navigation or shop phrase"
    return None


def _split(text: str) -> tuple[list[str], list[str]]:
    kept, removed = [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        (removed if refinedweb_removes(line) else kept).append(line.strip())
    return kept, removed


def refinedweb_lines(text: str) -> str:
    """The text with RefinedWeb's line-wise corrections applied (the document is always kept)."""
    return "\n".join(_split(text)[0])


def refinedweb_document(text: str) -> str:
    """As `refinedweb_lines`, but an empty result when the corrections removed too much of the document."""
    kept, removed = _split(text)
    removed_words = sum(len(line.split()) for line in removed)
    total_words = removed_words + sum(len(line.split()) for line in kept)
    if total_words and removed_words > DOCUMENT_MAX_REMOVED_SHARE * total_words:
        return ""
    return "\n".join(kept)
