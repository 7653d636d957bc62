"""Injected spam: a block of many short items joined by separators, in a script or language unlike the page's.

Compromised templates append SEO link farms (lists of place names, casino or pharmacy keywords) before or after the
content. What gives them away is not any word but the shape — many short items, one separator — together with a
script or language that the page itself does not use. An article's own list, a page written wholly in that language,
or a menu in the page's own language has the shape but not the foreignness, and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from thresher.label.script import dominant_script
from thresher.langid import MAX_CHARS_SCORED_BLOCK, detect_language


@dataclass(frozen=True)
class SpamOptions:
    # A link farm lists many items; a language switcher or a short tag list has few.
    min_items: int = 8
    # Items are keywords or place names, not sentences.
    max_median_item_chars: int = 16
    # The block's language must be identified at least this confidently to differ from the page's.
    min_language_score: float = 0.5


_SEPARATORS = re.compile(r"\s*[|｜,，、;；·•/]\s*|\s{2,}")
_LABEL_PREFIX = re.compile(r"^[^:：|]{1,20}[:：]\s*")


def items_of(text: str) -> list[str]:
    body = _LABEL_PREFIX.sub("", text, count=1)
    return [i for i in (p.strip() for p in _SEPARATORS.split(body)) if i]


@lru_cache(maxsize=8)
def _enough_separators(count: int) -> re.Pattern[str]:
    """A regex that matches once the line holds `count` separator characters: one linear scan (a character class
    and its complement cannot backtrack) that stops as soon as it has seen them."""
    return re.compile(r"(?:[^|｜,，、;；·•/]*[|｜,，、;；·•/]){%d}" % count)


def is_item_list(text: str, options: SpamOptions = SpamOptions()) -> bool:
    # Cheap gates first: without enough characters or separators there cannot be enough items.
    if len(text) < options.min_items * 2:
        return False
    needed = options.min_items - 1
    if _enough_separators(needed).match(text) is None and text.count("  ") < needed:
        return False
    items = items_of(text)
    return len(items) >= options.min_items and median(len(i) for i in items) <= options.max_median_item_chars


def foreign_reason(
    text: str, page_script: str | None, page_language: str | None, options: SpamOptions = SpamOptions()
) -> str | None:
    """Why the text is foreign to the page (another script, or confidently another language); None if it is not."""
    script = dominant_script(text, MAX_CHARS_SCORED_BLOCK)
    lang, score = detect_language(text, MAX_CHARS_SCORED_BLOCK)
    if script and page_script and script != page_script:
        lang_note = f" ({lang})" if lang else ""
        return f"written in {script}{lang_note} on a page written in {page_script}"
    if lang and page_language and lang != page_language and score >= options.min_language_score:
        return f"in {lang} on a page in {page_language}"
    return None


def injected_list_reason(
    text: str, page_script: str | None, page_language: str | None, options: SpamOptions = SpamOptions()
) -> str | None:
    """A reason if this one block is an injected list, else None."""
    if not is_item_list(text, options):
        return None
    foreign = foreign_reason(text, page_script, page_language, options)
    if foreign is None:
        return None
    return f"injected link farm: {len(items_of(text))} short items joined by separators, {foreign}"
