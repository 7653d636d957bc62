"""Writing-system evidence: which script a text is mostly written in, and how to count its words.

Word counts must work for languages written without spaces (Chinese, Japanese, Thai): there a run of characters is
not one word, so such characters are counted at a documented rate instead.

This count is not `filter.words`'s, on purpose. The labeller compares a line's words with thresholds set for spaced
text ("a sentence has at least 6 words"), so it estimates real words: 1.6 Chinese characters each. The document
filters count every Han character as a word, so that the published Gopher/C4 minimums ask a Chinese page for about
as much text as an English one. Counting each character here would make short Chinese menu lines read as sentences.
"""

from __future__ import annotations

import re

# Average characters per word in Chinese/Japanese text (dictionary segmenters give ~1.5-1.7 for news text).
CJK_CHARS_PER_WORD = 1.6
# Thai words average about 4-5 characters.
THAI_CHARS_PER_WORD = 4.5

_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "Latin"),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x1100, 0x11FF, "Hangul"),
    (0x3040, 0x30FF, "Kana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0xF900, 0xFAFF, "Han"),
)

_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_SPACED_WORD = re.compile(r"[^\W\d_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]+|\d+", re.UNICODE)


def _script_pattern(name: str) -> re.Pattern[str]:
    ranges = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi, script in _RANGES if script == name)
    return re.compile(f"[{ranges}]")


# Kana counts with Han: Japanese mixes both, and a page in Japanese must not look foreign to its own kanji.
_SCRIPT_PATTERNS = {name: _script_pattern(name) for name in dict.fromkeys(s for _, _, s in _RANGES) if name != "Kana"}
_SCRIPT_PATTERNS["Han"] = re.compile(_SCRIPT_PATTERNS["Han"].pattern[:-1] + "\\u3040-\\u30ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def dominant_script(text: str, sample: int = 4000) -> str | None:
    """The script of most letters in the text (Kana and Han count together, as Japanese mixes them)."""
    head = text[:sample]
    counts = {name: len(p.findall(head)) for name, p in _SCRIPT_PATTERNS.items() if name != "Latin"}
    counts["Latin"] = len(_LATIN_LETTER.findall(head))
    name, count = max(counts.items(), key=lambda kv: kv[1])
    return name if count else None


_ANY_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")


def count_words(text: str) -> float:
    """Words in spaced scripts, plus CJK and Thai characters at their average characters per word."""
    if _ANY_SPACELESS.search(text) is None:
        return float(len(text.split()))
    spaced = len(_SPACED_WORD.findall(text))
    cjk = len(_SPACELESS.findall(text))
    thai = len(_THAI.findall(text))
    return spaced + cjk / CJK_CHARS_PER_WORD + thai / THAI_CHARS_PER_WORD
