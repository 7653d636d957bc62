"""Words, lines, paragraphs and sentences of a document body, shared by the quality filters and dedup.

The published filters (Gopher, C4, FineWeb) count whitespace-separated words, which does not work for scripts written
without spaces. The rule used here, so that one threshold means roughly the same amount of text everywhere:

- Spaced scripts: a word is a run of letters/digits, with inner connectors kept ("don't", "e-mail", "1,000", "U.S").
  Runs of punctuation or symbols alone are not words (Gopher counts those as symbols, not words).
- Chinese and Japanese (Han, Hiragana, Katakana): every character is one word. A Chinese word averages about 1.5
  characters and a character is the smallest unit a reader scans, so a 50-"word" minimum is a short paragraph.
- Thai, Lao, Khmer and Myanmar: these scripts put spaces between phrases, not words. A run of such letters is cut
  into pieces of `SEA_CHARS_PER_WORD` code points, about one word each (combining vowel and tone marks included).

A document whose words are mostly of the last two kinds is "unspaced": rules that measure word length, count
line words or look for sentence marks adapt to it (see each filter).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from thresher.model import Document, Role

# Code points of one Thai/Lao/Khmer/Myanmar "word" piece; Thai words average 4-5 code points with their marks.
SEA_CHARS_PER_WORD = 4
# A document is unspaced when at least this share of its words come from Han/Kana characters or Thai-like runs.
UNSPACED_MIN_SHARE = 0.5
# Combining marks are looked up below this code point (the planes where scripts with vowel signs live).
MARK_SCAN_LIMIT = 0x20000
# How many distinct texts keep their word lists cached: the filters of one document share one tokenisation.
TOKEN_CACHE_SIZE = 8

_HAN_KANA = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002fa1f"
_SOUTHEAST_ASIAN = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"


def _combining_mark_class() -> str:
    """Every combining mark (Unicode category M) outside the ranges above, as a character-class body.

    Python's `\\w` leaves marks out, which would cut Devanagari, Bengali or Arabic words at each vowel sign.
    """
    ranges: list[tuple[int, int]] = []
    for code in range(MARK_SCAN_LIMIT):
        if unicodedata.category(chr(code))[0] == "M" and not (
            0x0E00 <= code <= 0x0EFF or 0x1000 <= code <= 0x109F or 0x1780 <= code <= 0x17FF
        ):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)


_MARKS = _combining_mark_class()
_CONNECTORS = "'’.,:\\-@/&+"
# Most text has no Han/Kana, no Thai-like script and no combining marks: it is tokenised by a simpler, faster pattern.
_FAST_TOKEN = re.compile(rf"\w+(?:[{_CONNECTORS}]\w+)*")
# A word with no letter: digits, underscores and connectors only. Matched over the words one per line, with a
# line break before and after each: a pattern that starts with a literal is searched for by that character, far
# faster than trying a line-start anchor at every position.
_WORD_WITHOUT_LETTER = re.compile(r"\n(?:[\d_]|[^\w\s])+(?=\n)")
_FULL_EDGE = rf"(?:[^\W{_HAN_KANA}{_SOUTHEAST_ASIAN}]|[{_MARKS}])"
_FULL_TOKEN = re.compile(rf"[{_HAN_KANA}]|[{_SOUTHEAST_ASIAN}]+|{_FULL_EDGE}+(?:[{_CONNECTORS}]{_FULL_EDGE}+)*")
# Characters that never need the full pattern (Latin, Greek, most of Cyrillic, general punctuation, currency):
# everything else is pulled out first, and only those few characters are checked against the big classes.
_NOT_SIMPLE = re.compile(r"[^\x00-\u02ff\u0370-\u0482\u048a-\u052f\u2000-\u20cf]")
_NEEDS_FULL = re.compile(rf"[{_HAN_KANA}{_SOUTHEAST_ASIAN}{_MARKS}]")
_HAN_KANA_CHAR = re.compile(rf"[{_HAN_KANA}]")
_SOUTHEAST_ASIAN_RUN = re.compile(rf"[{_SOUTHEAST_ASIAN}]+")
_HAS_LETTER = re.compile(r"[^\W\d_]")

# Marks that end a sentence in the scripts thresher meets (Latin, Devanagari danda, Arabic, Armenian, Ethiopic,
# Myanmar), the full-width CJK marks (which need no space after them), and closing quotes/brackets that may follow.
SENTENCE_END_MARKS = ".!?…।॥؟۔։።။"
FULL_WIDTH_END_MARKS = "。！？｡"
CLOSING_MARKS = "\"'”’»)]）」』】"
_CLOSE = f"[{re.escape(CLOSING_MARKS)}]*"
# A sentence mark (its last one, for "?!" or "...") with any closing marks, then a space or the end of the text.
_SENTENCE_END = re.compile(rf"[{re.escape(SENTENCE_END_MARKS)}]{_CLOSE}(?:\s|$)")
_FULL_WIDTH_END = re.compile(rf"[{FULL_WIDTH_END_MARKS}]")
_LINE_END = re.compile(rf"(?:[{re.escape(SENTENCE_END_MARKS + FULL_WIDTH_END_MARKS)}]|[{_SOUTHEAST_ASIAN}]){_CLOSE}$")


@dataclass(frozen=True, slots=True)
class Words:
    """The words of one text and how many of them come from unspaced scripts."""

    words: tuple[str, ...]
    unspaced: int  # words that are Han/Kana characters or Thai-like pieces
    with_letters: int  # words with at least one letter (the rest are numbers and codes)

    @property
    def is_unspaced(self) -> bool:
        return bool(self.words) and self.unspaced >= UNSPACED_MIN_SHARE * len(self.words)


def _split_southeast_asian(run: str) -> list[str]:
    return [run[i : i + SEA_CHARS_PER_WORD] for i in range(0, len(run), SEA_CHARS_PER_WORD)]


def tokenize(text: str) -> Words:
    """Tokenise `text` by the rule in the module docstring."""
    unusual = "".join(_NOT_SIMPLE.findall(text))
    if not unusual or _NEEDS_FULL.search(unusual) is None:
        tokens = _FAST_TOKEN.findall(text)
        without_letters = len(_WORD_WITHOUT_LETTER.findall("\n" + "\n".join(tokens) + "\n"))
        return Words(tuple(tokens), 0, len(tokens) - without_letters)
    tokens = _FULL_TOKEN.findall(text)
    unspaced = len(_HAN_KANA_CHAR.findall(unusual))
    if _SOUTHEAST_ASIAN_RUN.search(unusual) is not None:
        split: list[str] = []
        for token in tokens:
            if _SOUTHEAST_ASIAN_RUN.fullmatch(token):
                pieces = _split_southeast_asian(token)
                unspaced += len(pieces)
                split.extend(pieces)
            else:
                split.append(token)
        tokens = split
    return Words(tuple(tokens), unspaced, sum(1 for t in tokens if has_letter(t)))


# Cached: every filter of a document asks for the words of the same body text.
words_of = lru_cache(maxsize=TOKEN_CACHE_SIZE)(tokenize)


def has_letter(word: str) -> bool:
    return _HAS_LETTER.search(word) is not None


def body_lines(doc: Document) -> list[str]:
    """The non-blank lines of the body: each body block, split at its own line breaks, stripped."""
    return list(_lines_of(doc.text))


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _lines_of(text: str) -> tuple[str, ...]:
    # Cached like the words: four filters ask for the lines of the same body text.
    return tuple(filter(None, map(str.strip, text.split("\n"))))


def body_paragraphs(doc: Document) -> list[str]:
    """Paragraphs of the body: in text mode, runs of adjacent lines (one block group); in HTML mode, each block."""
    paragraphs: list[str] = []
    current: list[str] = []
    current_group: int | None = None
    for block in doc.blocks:
        if block.role is not Role.BODY:
            continue
        if doc.mode == "html":
            paragraphs.append(block.text.strip())
            continue
        if current and block.group != current_group:
            paragraphs.append("\n".join(current))
            current = []
        current.append(block.text.strip())
        current_group = block.group
    if current:
        paragraphs.append("\n".join(current))
    return [p for p in paragraphs if p]


def ends_sentence(line: str) -> bool:
    """True when the line ends like a sentence: a sentence mark (maybe before a closing quote or bracket), or a
    Thai-like letter, since those scripts end a sentence with a space, not a sign."""
    return _LINE_END.search(line.rstrip()) is not None


def count_sentences(line: str) -> int:
    """Sentences in one line: sentence marks followed by a space or the line end (full-width CJK marks need none).

    A line of a Thai-like script counts its space-separated runs, as a space is how those scripts end a sentence.
    """
    count = len(_SENTENCE_END.findall(line)) + len(_FULL_WIDTH_END.findall(line))
    if count == 0 and _SOUTHEAST_ASIAN_RUN.search(line) is not None:
        count = sum(1 for part in line.split() if _SOUTHEAST_ASIAN_RUN.match(part))
    return count


def primary_language(code: str | None) -> str | None:
    """'en-US', 'EN', 'zh_Hant' -> 'en', 'en', 'zh': the primary subtag the stop-word lists are keyed by."""
    if not code:
        return None
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0] or None


def ngrams(words: Sequence[str], n: int) -> list[tuple[str, ...]]:
    return list(zip(*(words[i:] for i in range(n))))


# Small stop-word lists for the languages thresher meets most: the most frequent function words of each, so that
# two of them turn up in any real paragraph. English is Gopher's own list. Chinese and Japanese entries are single
# characters (their words are characters, see above); Thai entries are matched inside the text.
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"the", "be", "to", "of", "and", "that", "have", "with"}),
    "de": frozenset(
        {"der", "die", "das", "und", "in", "den", "von", "zu", "mit", "sich", "des", "auf", "ist", "nicht"}
    ),
    "fr": frozenset({"le", "la", "les", "de", "des", "et", "à", "un", "une", "du", "est", "que", "pour", "dans"}),
    "es": frozenset({"el", "la", "de", "que", "y", "en", "los", "se", "del", "las", "un", "por", "con", "una"}),
    "it": frozenset({"il", "di", "che", "e", "la", "per", "un", "in", "del", "non", "una", "sono", "della", "con"}),
    "pt": frozenset({"o", "a", "de", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os"}),
    "nl": frozenset({"de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "zijn", "met", "niet"}),
    "pl": frozenset({"i", "w", "nie", "na", "się", "z", "do", "to", "że", "jest", "jak", "o", "od"}),
    "ru": frozenset({"и", "в", "не", "на", "что", "с", "он", "как", "это", "по", "к", "но", "из"}),
    "sv": frozenset({"och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den"}),
    "zh": frozenset({"的", "了", "是", "在", "和", "有", "我", "不", "这", "也", "人", "就", "们", "中"}),
    "ja": frozenset({"の", "に", "は", "を", "た", "が", "で", "て", "と", "し", "れ", "な", "る"}),
    "th": frozenset({"ที่", "และ", "ของ", "ใน", "เป็น", "ได้", "การ", "มี", "ไม่", "ให้", "ว่า", "จะ"}),
}
# Languages whose stop words are found inside the text rather than matched against whole words.
STOP_WORDS_BY_SUBSTRING = frozenset({"th"})


def count_stop_words(words: Words, text: str, language: str | None, enough: int) -> int | None:
    """Stop words of `language` in the text, counting stops at `enough` (the rule only needs that many).

    None when there is no list for the language (the caller records the rule as skipped).
    """
    code = primary_language(language)
    stop = STOP_WORDS.get(code) if code else None
    if stop is None:
        return None
    found = 0
    if code in STOP_WORDS_BY_SUBSTRING:
        for word in stop:
            found += text.count(word)
            if found >= enough:
                return found
        return found
    for word in words.words:
        if word in stop or word.lower() in stop:
            found += 1
            if found >= enough:
                return found
    return found
