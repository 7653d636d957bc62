"""The word rule shared by the filters and dedup, and the sentence helpers (property tests for the tokeniser)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.filter import words as w
from thresher.filter.words import count_sentences, ends_sentence, primary_language, tokenize

LATIN_TEXT = st.text(alphabet=st.sampled_from(list("abcXYZ019 ,.;:!?'’-@/&+#_()\n\téü")), max_size=200)
ANY_TEXT = st.text(max_size=200)


@given(ANY_TEXT)
@settings(max_examples=300)
def test_words_are_non_empty_and_hold_no_space(text: str) -> None:
    words = tokenize(text)
    assert all(word and not any(ch.isspace() for ch in word) for word in words.words)
    assert 0 <= words.unspaced <= len(words.words)
    assert 0 <= words.with_letters <= len(words.words)


@given(LATIN_TEXT)
@settings(max_examples=300)
def test_fast_and_full_patterns_agree_on_plain_text(text: str) -> None:
    # The fast path is an optimisation: it must give the same words as the full pattern wherever it is used.
    assert w._FAST_TOKEN.findall(text) == w._FULL_TOKEN.findall(text)
    assert tokenize(text).words == tuple(w._FULL_TOKEN.findall(text))


@given(st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), max_size=30))
def test_space_separated_letters_are_the_words(parts: list[str]) -> None:
    assert tokenize(" ".join(parts)).words == tuple(parts)


def test_word_rule_for_each_script() -> None:
    assert tokenize("Don't e-mail 1,000 U.S. people!").words == ("Don't", "e-mail", "1,000", "U.S", "people")
    assert tokenize("我们去北京。").words == ("我", "们", "去", "北", "京")
    thai = tokenize("ภาษาไทยสวยงาม")
    assert [len(p) for p in thai.words] == [4, 4, 4, 1] and thai.is_unspaced
    # Vowel signs are combining marks: a Bengali or Hindi word is not cut at them.
    assert tokenize("বাংলা ভাষা हिन्दी").words == ("বাংলা", "ভাষা", "हिन्दी")
    assert tokenize("2019 was 12:30").with_letters == 1


def test_a_document_is_unspaced_only_when_most_words_are() -> None:
    assert tokenize("我们今天去北京 OK").is_unspaced
    assert not tokenize("The word 北京 means Beijing in this English sentence").is_unspaced


def test_sentence_ends() -> None:
    assert ends_sentence('He said "yes."')
    assert ends_sentence("天气很好。")
    assert ends_sentence("ภาษาไทย")  # Thai ends a sentence with a space, not a mark
    assert not ends_sentence("Read more")
    assert count_sentences("One. Two! Three? 3.5 is a number") == 3
    assert count_sentences("我们去北京。天气很好！") == 2
    assert count_sentences("ภาษาไทย สวยงาม มาก") == 3


def test_primary_language() -> None:
    assert [primary_language(c) for c in ("en-US", "ZH_Hant", "", None)] == ["en", "zh", None, None]


def test_token_pattern_has_no_catastrophic_backtracking_shape() -> None:
    # Connectors are single characters between word runs: "a-" repeated is matched in one pass.
    assert tokenize("a-" * 5000 + "!").words[0] == "a-" * 4999 + "a"
    assert re.fullmatch(r"(a-)+a", tokenize("a-" * 50).words[0])


@given(st.one_of(LATIN_TEXT, ANY_TEXT))
@settings(max_examples=300)
def test_letter_count_matches_its_definition(text: str) -> None:
    words = tokenize(text)
    assert words.with_letters == sum(1 for word in words.words if w.has_letter(word))
