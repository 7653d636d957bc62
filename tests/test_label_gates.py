"""The fragment gates answer exactly as the plain alternation of their fragments would."""

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.label.gates import fragment_gate


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
