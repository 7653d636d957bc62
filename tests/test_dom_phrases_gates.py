"""The cheap tests in front of the phrase classifiers' patterns never turn away a block the pattern would take."""

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.label import dom_phrases
from thresher.label.dom_phrases import PROMOTION_PARTNERS, PROMOTION_TRIGGERS, classify_call_to_action
from thresher.model import Label


def _pattern_finds_promotion(text: str) -> bool:
    """What the classifier decided before the partners were consulted: a trigger, then the pattern's search."""
    lowered = text.lower()
    return bool(dom_phrases._PROMOTION_TRIGGER.search(lowered)) and (
        dom_phrases._PROMOTION_SEARCH.span(text, lowered) is not None
    )


def _assert_partners_pass(text: str) -> None:
    if _pattern_finds_promotion(text):
        assert dom_phrases._may_promote(text, text.lower()), text


# The letters the re module reads as "i" and "s" when ignoring case, written as lower-case letters do not show them.
_FOLDS_APART = {"i": "İı", "s": "ſ"}


def _fold_apart(text: str, which: list[bool]) -> str:
    """`text` with the i's and s's picked by `which` written as characters that lower() leaves apart from them."""
    out, picks = [], iter(which)
    for char in text:
        folds = _FOLDS_APART.get(char.lower())
        out.append(folds[len(out) % len(folds)] if folds and next(picks, False) else char)
    return "".join(out)


_surrounding = st.text(alphabet=st.sampled_from("ab xyZ.,:!\t-é’"), max_size=40)


@settings(max_examples=500, deadline=None)
@given(before=_surrounding, phrase=st.from_regex(dom_phrases._PROMOTION), after=_surrounding)
def test_a_block_holding_a_phrase_of_the_pattern_passes_the_partner_gate(before: str, phrase: str, after: str) -> None:
    _assert_partners_pass(before + phrase + after)


@settings(max_examples=300, deadline=None)
@given(phrase=st.from_regex(dom_phrases._PROMOTION), which=st.lists(st.booleans(), max_size=60))
def test_letters_that_fold_apart_from_lower_case_do_not_hide_a_phrase(phrase: str, which: list[bool]) -> None:
    _assert_partners_pass(_fold_apart(phrase, which))


def test_a_phrase_with_a_dotted_capital_i_is_still_a_call_to_action() -> None:
    # the pattern reads "İ" as "i", while "thİs".lower() is no "this": the partner is not looked for
    assert classify_call_to_action("Share thİs article") == (Label.PROMOTION, "call to action ('Share thİs article')")


_VOCABULARY = sorted(set(PROMOTION_TRIGGERS) | {p for partners in PROMOTION_PARTNERS.values() for p in partners}) + [
    "us", "on", "our", "the", "to", "a", "sie", "for", "auf", "dem", "en", "no", "nos", "up", "sign", "reading",
]


@settings(max_examples=500, deadline=None)
@given(words=st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=10), which=st.lists(st.booleans()))
def test_word_salads_of_triggers_and_partners(words: list[str], which: list[bool]) -> None:
    text = " ".join(words)
    _assert_partners_pass(text)
    _assert_partners_pass(_fold_apart(text, which))


def test_partners_belong_to_triggers_and_are_plain_lower_case_ascii_words() -> None:
    assert set(PROMOTION_PARTNERS) <= set(PROMOTION_TRIGGERS)
    for partners in PROMOTION_PARTNERS.values():
        assert partners and all(re.fullmatch("[a-z]+", partner) for partner in partners), partners


def test_the_letters_folding_apart_are_all_there_are() -> None:
    # A partner is looked for in the lower-cased text: sound where every character the pattern takes for an ASCII
    # letter lower-cases to that letter. Those that do not are the ones the gate steps aside for.
    letter = re.compile("[a-z]", re.IGNORECASE).fullmatch
    apart = set()
    for char in map(chr, range(sys.maxunicode + 1)):
        if letter(char):
            read_as = {x for x in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(x, char, re.IGNORECASE)}
            if {char.lower()} != read_as:
                apart.add(char)
    assert apart == set(dom_phrases._CASE_FOLDS_APART)


def test_the_partner_gate_turns_away_words_used_otherwise() -> None:
    for text in ("The company never said how many shares it sold.", "The latest figures came on Monday."):
        assert dom_phrases._PROMOTION_TRIGGER.search(text.lower())
        assert not dom_phrases._may_promote(text, text.lower())
        assert classify_call_to_action(text) is None
    assert classify_call_to_action("Never miss a story: sign up today") == (
        Label.PROMOTION, "call to action ('Never miss a')",
    )
