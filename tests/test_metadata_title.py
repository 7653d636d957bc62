"""The title stage's shortcuts give what the plain calls give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from thresher.metadata.html import _TITLE_SEPARATOR, strip_site

_words = st.sampled_from(["Story", "Site", "site.example", "News", "", " ", "A-B", "Über"])
_separators = st.sampled_from([" | ", " - ", " – ", " » ", " :: ", " · ", "|", ":", " "])


@given(st.lists(st.tuples(_words, _separators), max_size=5), st.sets(st.sampled_from(["site", "siteexample", "news"])))
def test_strip_site_with_the_pieces_given_is_strip_site(pairs, sites):
    title = "".join(word + separator for word, separator in pairs)
    assert strip_site(title, sites, _TITLE_SEPARATOR.split(title)) == strip_site(title, sites)
