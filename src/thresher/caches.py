"""The caches thresher keeps between pages, and one call to empty them.

Cleaning caches what recurs across the pages of a crawl: the verdict on a block's text (a site's menu line is
judged once), what an id or class name says, the language of a sample, the normalised form of class attributes,
and a document's words. Each is bounded, so a long run never grows without limit; `clear_caches` empties them all,
to give memory back between jobs or to time a cold start (the benchmarks do, before each timed pass over pages they
have seen).
"""

from __future__ import annotations


def clear_caches() -> None:
    """Empty every per-text and per-name cache (the compiled patterns and tag tables stay)."""
    from thresher import langid
    from thresher.filter import words
    from thresher.label import dom, dom_vocab, furniture
    from thresher.segment import html

    for cached in (
        furniture.classify_furniture, dom_vocab.name_evidence, dom_vocab._name_analysis, words.words_of,
        words._lines_of, langid._predict,
    ):
        cached.cache_clear()
    html._CLASS_PART.clear()
    html._SHORT_IDENT.clear()
    if dom._COMPILED_CHOICE is not None:
        dom._COMPILED_CHOICE.clear_evidence_cache()
