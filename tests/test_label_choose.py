"""Shortcuts in choosing and labelling the main content: each gives the same answer as the plain rule it speeds up."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.label.dom import _DATE_LIKE, _ends_like_sentence, _norm, _reads_like_date

# Pieces dates are written with, so that random lines often come close to one (and sometimes are one).
_DATE_PIECES = st.sampled_from(
    ["12", "2024", "3", "05", ".", "/", "-", ",", " ", "  ", "March", "mär", "Sept.", "jan", "Updated", "POSTED",
     "published", "publiſhed", "by", "Jane", "am", "\n", "٣", "é", "2024-05-03", "3.5.24"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_DATE_PIECES, st.text(max_size=4)), max_size=12).map("".join))
def test_reads_like_date_answers_as_the_date_pattern(text):
    assert _reads_like_date(text) == (_DATE_LIKE.search(text) is not None)


def test_reads_like_date_finds_dates_and_stamps():
    assert _reads_like_date("March 3, 2024")
    assert _reads_like_date("3. März 2024")
    assert _reads_like_date("03/05/24")
    assert _reads_like_date("Last updated by the desk")
    assert not _reads_like_date("Share this story")
    assert not _reads_like_date("Call 555 1234")  # four digits, but no date around them


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé_1 \t\n\x1c\u00a0\u2028-.,'İ")) | st.characters(), max_size=40))
def test_norm_is_the_words_one_space_apart(text):
    assert _norm(text) == " ".join(re.findall(r"\w+", text.lower()))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(".!?…。！？:;\"'”’“»«)( a\n\t\u00a0\u2028\x1c")) | st.characters(), max_size=12))
def test_ends_like_sentence_answers_as_an_end_anchored_pattern(text):
    assert _ends_like_sentence(text) == (re.search(r"[.!?…。！？:;\"'”’“»«)]\s*$", text) is not None)
