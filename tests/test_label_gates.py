"""The fragment gates answer exactly as the plain alternation of their fragments would."""

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.label.gates import ASCII_CASE_PARTNERS, CaselessSearch, fragment_gate, lowered_twin_is_sound


def test_gate_matches_the_alternation() -> None:
    fragments = ("app", "apple", "subscribe", "sign up", "(c)", "©", "版权", "版權", "ab", "b")
    gate = fragment_gate(fragments)
    plain = re.compile("|".join(re.escape(f) for f in fragments))
    rng = random.Random(0)
    alphabet = "apbscribe (c)©版权權 sign"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert (gate.search(text) is None) == (plain.search(text) is None), text


def test_gate_needs_fragments() -> None:
    with pytest.raises(ValueError):
        fragment_gate(["ok", ""])


def test_no_fragments_match_nothing() -> None:
    assert fragment_gate([]).search("anything") is None


def test_gate_ignoring_case_matches_the_alternation_ignoring_case() -> None:
    fragments = ("comment", "related", "sidebar", "review-", "re")
    gate = fragment_gate(fragments, re.IGNORECASE)
    plain = re.compile("|".join(re.escape(f) for f in fragments), re.IGNORECASE)
    rng = random.Random(1)
    alphabet = "cCoOmMeEnNtTrRlLaAdDsSiIbBvVwW- "
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert (gate.search(text) is None) == (plain.search(text) is None), text


@settings(max_examples=400, deadline=None)
@given(
    fragments=st.lists(st.text(alphabet="twiter ©ü(", min_size=1, max_size=5), min_size=1, max_size=8),
    text=st.text(alphabet="twiter ©ü(x", max_size=30),
)
def test_case_sensitive_gate_finds_exactly_the_texts_holding_a_fragment(fragments: list[str], text: str) -> None:
    # the case-sensitive gate looks for each fragment from its rarest character, with a look-behind for the rest
    gate = fragment_gate(fragments)
    assert (gate.search(text) is not None) == any(fragment in text for fragment in fragments)


def test_gate_stops_at_rare_characters_only() -> None:
    # "twitter" is found from its "w": the pattern starts with that character, not with the common "t"
    assert fragment_gate(["twitter"]).pattern.startswith("w")
    assert fragment_gate(["twitter"]).search("follow us on twitter") is not None


def test_lowered_twin_soundness_reads_every_letter_the_pattern_names() -> None:
    assert lowered_twin_is_sound(re.compile(r"^(?:related|more\s+news)[\s:]*$|[a-z]{2,4}|(?<=x)é", re.IGNORECASE))
    unsound_patterns = (r"abC", r"[A-Z]", r"[^K]", r"(?:a|b(?=Q))", r"x{2}Y", r"(?>aB)", r"(a)?(?(1)b|C)")
    unsound_patterns += (r"[\x00-\uffff]",)
    for unsound in unsound_patterns + tuple(ASCII_CASE_PARTNERS) + ("[\u0131]",):
        assert not lowered_twin_is_sound(re.compile(unsound, re.IGNORECASE)), unsound


def test_caseless_search_refuses_a_pattern_whose_twin_would_differ() -> None:
    for pattern in (r"\d+\s+[A-Z]{3}", r"stra(?:ß|SS)e", "caf\u00c9", "\u00b5s", "[\u00e0-\u00ff]"):
        with pytest.raises(ValueError):
            CaselessSearch(re.compile(pattern, re.IGNORECASE))


def test_ignoring_case_is_lower_casing_for_every_character_but_the_partners() -> None:
    # what the lowered twin rests on beyond ASCII: a character the engine matches ignoring case with one of the
    # pattern's (lower-case, partner-free) characters lower-cases to that character, one for one, and lower-casing
    # keeps every character's category
    named = "abcdefghijklmnopqrstuvwxyz0123456789 .,:!?()[]'-àäéêíöüúżß«»›©版权一"
    ignoring_case = re.compile("[" + re.escape(named) + "]", re.IGNORECASE)
    categories = [re.compile(category) for category in (r"\w", r"\s", r"\d")]
    for code in range(0x110000):
        char = chr(code)
        if char in ASCII_CASE_PARTNERS:
            continue
        lowered = char.lower()
        assert len(lowered) == 1, hex(code)
        assert (ignoring_case.fullmatch(char) is not None) == (lowered in named), hex(code)
        for category in categories:
            assert (category.match(char) is None) == (category.match(lowered) is None), hex(code)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abAB xX1.\u017f\u212a\u0130\u0131éÉ\u03a3\u03c3\u03c2ẞß’", max_size=12))
def test_caseless_match_and_search_agree_with_the_pattern(text: str) -> None:
    pattern = re.compile(r"(?P<one>ab+)|(?P<two>x\s*\d)|(?P<three>é)", re.IGNORECASE)
    caseless = CaselessSearch(pattern)
    for run, twin in ((pattern.match, caseless.match), (pattern.search, caseless.search)):
        expected, found = run(text), twin(text, text.lower())
        assert (found is None) == (expected is None)
        if found is not None:
            assert (found.span(), found.lastgroup) == (expected.span(), expected.lastgroup)


def test_the_ascii_case_partners_are_every_non_ascii_character_matching_ascii_ignoring_case() -> None:
    ascii_class = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    partners = [chr(code) for code in range(128, 0x110000) if ascii_class.fullmatch(chr(code))]
    assert "".join(partners) == ASCII_CASE_PARTNERS


def test_without_the_re_modules_parser_the_pattern_itself_is_searched(monkeypatch):
    # The soundness proof reads the re module's private parser; a Python laid out otherwise gets no twin, and the
    # same answers from the pattern itself.
    from thresher.label import gates

    pattern = re.compile(r"sign\s+up|newsletter", re.IGNORECASE)
    monkeypatch.setattr(gates, "_parser", None)
    search = gates.CaselessSearch(pattern)
    assert search.lowered_twin is None
    for text in ("Sign Up now", "our NEWSLETTER", "nothing here", "SİGN up"):
        assert search.span(text, text.lower()) == (None if (m := pattern.search(text)) is None else m.span())
