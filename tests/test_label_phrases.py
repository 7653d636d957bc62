"""The calls to action are found as before when the search runs on lower-cased ASCII text."""

import re
from re import _constants as sre_constants  # the parsed form of a pattern, to read its letters
from re import _parser as sre_parser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.label import dom_phrases
from thresher.label.dom_phrases import classify_call_to_action
from thresher.label.gates import CaselessSearch
from thresher.model import Label

_ASCII_UPPER = set(range(ord("A"), ord("Z") + 1))


def _literal_codes(parsed) -> list[int]:
    """Every character code the parsed pattern names as a literal or as a range bound."""
    codes: list[int] = []
    for op, arg in parsed:
        if op in (sre_constants.LITERAL, sre_constants.NOT_LITERAL):
            codes.append(arg)
        elif op is sre_constants.IN:
            for item_op, item in arg:
                if item_op in (sre_constants.LITERAL, sre_constants.NOT_LITERAL):
                    codes.append(item)
                elif item_op is sre_constants.RANGE:
                    codes.extend(range(item[0], item[1] + 1))
        elif op is sre_constants.SUBPATTERN:
            codes.extend(_literal_codes(arg[3]))
        elif op is sre_constants.BRANCH:
            for alternative in arg[1]:
                codes.extend(_literal_codes(alternative))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            codes.extend(_literal_codes(arg[2]))
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            codes.extend(_literal_codes(arg[1]))
    return codes


@pytest.mark.parametrize("pattern", [dom_phrases._PROMOTION])
def test_caseless_search_patterns_have_only_lower_case_letters(pattern: re.Pattern[str]) -> None:
    # what CaselessSearch rests on: no upper-case ASCII letter, and no other letter matching ASCII when ignoring case
    ascii_chars = "".join(map(chr, range(128)))
    for code in _literal_codes(sre_parser.parse(pattern.pattern, pattern.flags)):
        assert code not in _ASCII_UPPER, chr(code)
        if code >= 128:
            assert re.search(re.escape(chr(code)), ascii_chars, re.IGNORECASE) is None, chr(code)


def test_the_letter_check_sees_what_would_break_the_search() -> None:
    codes = _literal_codes(sre_parser.parse(r"\bfoo(?:Bar|[x-zQ])\s+ſ", re.IGNORECASE))
    assert ord("B") in codes and ord("Q") in codes and ord("y") in codes and ord("ſ") in codes


def test_caseless_search_needs_a_pattern_ignoring_case() -> None:
    with pytest.raises(ValueError):
        CaselessSearch(re.compile("abc"))


_PHRASES = ("follow us on twitter", "subscribe to", "sign up for our newsletter", "download our app", "for the latest news",
            "share this article", "was this article helpful", "never miss a", "become a member", "click here to subscribe")
_cased = st.sampled_from(_PHRASES).flatmap(
    lambda phrase: st.lists(st.booleans(), min_size=len(phrase), max_size=len(phrase)).map(
        lambda upper: "".join(c.upper() if u else c for c, u in zip(phrase, upper))
    )
)
_filler = st.text(alphabet="ab xyZ.,:!\t-", max_size=30)


@settings(max_examples=400, deadline=None)
@given(before=_filler, phrase=_cased, after=_filler, accent=st.sampled_from(["", "é", "’", "ſ"]))
def test_caseless_search_finds_the_span_the_pattern_finds(before: str, phrase: str, after: str, accent: str) -> None:
    search = CaselessSearch(dom_phrases._PROMOTION)
    for text in (before + phrase + after, accent + before + phrase + after, before + phrase.replace("s", accent) + after):
        found = dom_phrases._PROMOTION.search(text)
        assert search.span(text, text.lower()) == (None if found is None else found.span())


def test_calls_to_action_are_found_in_any_case() -> None:
    assert classify_call_to_action("FOLLOW US ON Twitter for updates") == (
        Label.PROMOTION, "call to action ('FOLLOW US ON Twitter')",
    )
    assert classify_call_to_action("Síguenos en Instagram") is not None
    assert classify_call_to_action("The council voted to subscribe the bonds.") is None
