"""The cheap gates in front of the furniture patterns let through every line the pattern behind them would match."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.label import furniture
from thresher.label.furniture import classify_furniture
from thresher.label.gates import contains_any
from thresher.model import Label

# Characters that make the gates' shortcuts interesting: whitespace of every kind, capitals after letters, separators,
# colons, and letters that match other letters when case is ignored (long s, Kelvin sign, dotted capital I).
_WHITESPACE = " \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000"
_TRICKY = _WHITESPACE + "aAbBsSkKzZ:|·•>›»/\u017f\u212a\u0130éÉ1"
_texts = st.text(alphabet=_TRICKY, max_size=40)
_verbs = st.sampled_from(furniture._COMMENT_VERBS).flatmap(
    lambda verb: st.lists(st.booleans(), min_size=len(verb), max_size=len(verb)).map(
        lambda upper: "".join(c.upper() if u else c for c, u in zip(verb, upper))
    )
)


@settings(max_examples=500, deadline=None)
@given(_texts)
def test_no_space_run_gate_means_no_space_run(text: str) -> None:
    if not furniture._may_hold_whitespace_run(text):
        assert re.search(r"\s\s\s", text) is None


def test_every_whitespace_character_but_the_space_is_unprintable() -> None:
    # what the space-run gate rests on, for every code point
    for code in range(0x110000):
        char = chr(code)
        if re.match(r"\s", char) and char != " ":
            assert not char.isprintable(), hex(code)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aAbBzZ xX1-_éÉ", max_size=30))
def test_a_line_without_a_capital_after_a_letter_has_no_camel_join(text: str) -> None:
    if furniture._CAMEL_PAIR.search(text) is None:
        assert furniture._CAMEL_JOIN.sub(" ", text) == text


@settings(max_examples=500, deadline=None)
@given(prefix=_texts, gap=st.sampled_from(_WHITESPACE), verb=_verbs, tail=st.text(alphabet=_WHITESPACE + ":", max_size=6))
def test_comment_header_gate_agrees_with_the_header_pattern(prefix: str, gap: str, verb: str, tail: str) -> None:
    for text in (prefix + gap + verb + tail, prefix + verb + tail, prefix + tail, prefix):
        stripped = text.strip()
        assert furniture._is_comment_header(stripped) == (furniture._COMMENT_HEADER.match(stripped) is not None)


def test_comment_headers_still_found() -> None:
    assert furniture._is_comment_header("Jane Doe on May 3, 2019 at 7:02 pm said:")
    assert furniture._is_comment_header("Jane SAYS :")
    assert not furniture._is_comment_header("Jane said nothing")


@settings(max_examples=500, deadline=None)
@given(_texts)
def test_breadcrumb_needs_a_separator(text: str) -> None:
    if furniture._BREADCRUMB.match(text):
        assert contains_any(text, furniture.BREADCRUMB_SEPARATORS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted(furniture.SHARE_SERVICES)), min_size=1, max_size=8))
def test_any_row_of_share_services_is_a_share_control(names: list[str]) -> None:
    # the first-word gate must know every share service, whichever comes first
    found = classify_furniture(" ".join(names))
    assert found is not None and found[0] is Label.SHARE_CONTROL


@settings(max_examples=300, deadline=None)
@given(
    strong=st.sampled_from(sorted(furniture.CONTROL_STRONG - furniture.SHARE_SERVICES - furniture.SHARE_WORDS)),
    rest=st.lists(st.sampled_from(sorted(furniture.CONTROL_WORDS)), max_size=6),
)
def test_any_row_of_control_words_is_a_page_control(strong: str, rest: list[str]) -> None:
    # whichever control word opens the row, the first-word gate lets it through
    words = rest + [strong]
    found = classify_furniture(" ".join(words))
    assert found is not None
    assert found[0] in (Label.PAGE_CONTROL, Label.SHARE_CONTROL)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["A", "a", "A+", "A-", "a+", "AA"]), min_size=2, max_size=5))
def test_font_size_buttons_pass_the_first_word_gate(buttons: list[str]) -> None:
    found = classify_furniture(" ".join(buttons))
    assert found is not None and found[0] is Label.PAGE_CONTROL
