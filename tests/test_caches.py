"""thresher.clear_caches: the per-text and per-name caches empty, and cleaning is unchanged by it."""

from __future__ import annotations

from pathlib import Path

import thresher
from thresher.label import furniture
from thresher.segment import html as seg_html

SAMPLES = Path(thresher.__file__).resolve().parent / "samples"


def test_clearing_the_caches_empties_them_and_cleaning_gives_the_same_result():
    html = (SAMPLES / "harbour-bridge.html").read_bytes()
    first = thresher.clean(html).to_dict()
    assert furniture.classify_furniture.cache_info().currsize > 0 or seg_html._CLASS_PART
    thresher.clear_caches()
    assert furniture.classify_furniture.cache_info().currsize == 0
    assert not seg_html._CLASS_PART
    assert thresher.clean(html).to_dict() == first


def test_a_repeated_language_sample_is_answered_from_the_cache():
    from thresher import langid

    thresher.clear_caches()
    menu = "Startseite Nachrichten Politik Wirtschaft Sport Kultur Wetter Impressum Datenschutz"
    first = langid.detect_language(menu, langid.MAX_CHARS_SCORED_BLOCK)
    assert first[0] == "de"
    assert langid.detect_language(menu, langid.MAX_CHARS_SCORED_BLOCK) == first
    assert langid._predict.cache_info().hits == 1
    thresher.clear_caches()
    assert langid._predict.cache_info().currsize == 0
