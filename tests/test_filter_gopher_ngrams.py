"""Gopher's n-gram repetition signals: the narrowed grouping gives exactly what grouping every position gives."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.filter.gopher import GopherRepetitionFilter, GopherRepetitionOptions, _NgramHashes


def reference_signals(words: list[str], options: GopherRepetitionOptions, unspaced: bool) -> dict[str, float]:
    """Every n-gram share measured over all positions, each n on its own (the plain statement of the rules)."""
    scale = options.unspaced_ngram_scale if unspaced else 1
    ids = np.fromiter(map(hash, words), dtype=np.int64, count=len(words)).view(np.uint64)
    lengths = np.array([len(w) for w in words], dtype=np.int64)
    total = int(lengths.sum()) or 1
    cumulative = np.concatenate(([0], np.cumsum(lengths)))
    hashes_of = _NgramHashes(ids)
    signals: dict[str, float] = {}
    for n, _ in options.top_ngram_char_shares:
        span = n * scale
        if len(words) < span:
            continue
        _, first, counts = np.unique(hashes_of(span), return_index=True, return_counts=True)
        top = int(counts.max())
        share = 0.0
        if top > 1:
            starts = first[counts == top]
            share = top * int((cumulative[starts + span] - cumulative[starts]).max()) / total
        signals[f"gopher_top_{n}gram_char_share"] = share
    for n, _ in sorted(options.duplicate_ngram_char_shares):
        span = n * scale
        if len(words) < span:
            continue
        hashes = hashes_of(span)
        _, first_of, inverse = np.unique(hashes, return_index=True, return_inverse=True)
        covered = np.zeros(len(words), dtype=bool)
        for start in np.flatnonzero(first_of[inverse] != np.arange(len(hashes))):
            covered[start : start + span] = True
        signals[f"gopher_duplicate_{n}gram_char_share"] = int(lengths[covered].sum()) / total
    return signals


# A small vocabulary so that n-grams of every length repeat often.
WORD_LISTS = st.lists(st.sampled_from(["a", "bb", "ccc", "dddd", "e", "ff"]), min_size=1, max_size=120)
SPANS = st.lists(st.tuples(st.integers(1, 7), st.just(0.5)), min_size=1, max_size=4).map(tuple)


@settings(max_examples=300, deadline=None)
@given(WORD_LISTS, SPANS, SPANS, st.booleans())
def test_ngram_signals_match_grouping_every_position(
    words: list[str], top: tuple, duplicate: tuple, unspaced: bool
) -> None:
    options = GopherRepetitionOptions(top_ngram_char_shares=top, duplicate_ngram_char_shares=duplicate)
    signals: dict[str, float] = {}
    GopherRepetitionFilter(options)._ngram_checks(words, unspaced, signals)
    assert signals == reference_signals(words, options, unspaced)


def test_repeated_phrase_share_counts_each_word_once() -> None:
    words = "the cat sat on the mat and the cat sat on the mat again".split()
    signals: dict[str, float] = {}
    GopherRepetitionFilter()._ngram_checks(words, False, signals)
    # "the cat sat on the mat" (6 words, 17 letters) repeats once, out of 42 letters in all.
    assert signals["gopher_duplicate_5gram_char_share"] == 17 / 42
    assert signals["gopher_duplicate_6gram_char_share"] == signals["gopher_duplicate_5gram_char_share"]
    assert signals["gopher_duplicate_7gram_char_share"] == 0.0
