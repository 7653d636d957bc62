"""Quality filters: good prose in five languages passes every rule; bad documents fail the rule that names them."""

from __future__ import annotations

import pytest
from corpus_texts import ENGLISH, GOOD, make_doc

from thresher.filter import default_steps
from thresher.filter.c4 import C4Filter
from thresher.filter.fineweb import FineWebFilter
from thresher.filter.gopher import (
    GopherQualityFilter,
    GopherQualityOptions,
    GopherRepetitionFilter,
)
from thresher.model import Role

QUALITY_STEPS = ("gopher_quality", "gopher_repetition", "c4", "fineweb")


def _filters():
    return [s for s in default_steps({"pii": {"enabled": False}}) if s.name in QUALITY_STEPS]


@pytest.mark.parametrize("language", sorted(GOOD))
def test_good_prose_is_kept_by_every_filter(language: str) -> None:
    doc = make_doc(GOOD[language], language=language)
    for step in _filters():
        step.apply(doc)
    rejected = [d.reason for d in doc.decisions if not d.kept]
    assert rejected == []
    assert [d.step for d in doc.decisions] == list(QUALITY_STEPS)


@pytest.mark.parametrize("language", ["zh", "ja", "th"])
def test_unspaced_text_skips_the_word_length_rule_and_says_so(language: str) -> None:
    doc = GopherQualityFilter().apply(make_doc(GOOD[language], language=language))
    assert doc.kept
    assert "mean word length (unspaced script)" in doc.decisions[-1].reason
    assert doc.signals["gopher_words"] >= 50
    assert doc.signals["gopher_stop_words"] >= 2


def test_language_without_stop_word_list_skips_the_rule_and_records_it() -> None:
    doc = GopherQualityFilter().apply(make_doc(ENGLISH, language="sw"))
    assert doc.kept
    assert "stop words (no list for language sw)" in doc.decisions[-1].reason
    assert "gopher_stop_words" not in doc.signals


def _reason(step, paragraphs, language="en", mode="html") -> str:
    doc = step.apply(make_doc(paragraphs, language=language, mode=mode))
    assert not doc.kept
    return doc.rejection.reason


def test_short_document_names_word_count() -> None:
    assert _reason(GopherQualityFilter(), ["Buy now. Limited offer, only today."]) == (
        "gopher_quality: 6 words < min_words 50"
    )


def test_hash_tag_spam() -> None:
    tags = " ".join(f"#tag{i} the best of" for i in range(40))
    assert _reason(GopherQualityFilter(), [tags]).startswith("gopher_quality: '#' per word 0.25 > max_symbol_word_ratio")


def test_bullet_list_document() -> None:
    lines = [f"- item number {i} of the very long list with the things" for i in range(30)]
    reason = _reason(GopherQualityFilter(), lines)
    assert reason == "gopher_quality: bullet line share 1 > max_bullet_line_share 0.9"


def test_teaser_lines_ending_in_ellipsis() -> None:
    lines = [f"Story {i}: the mayor said that the plans for the new road would be ..." for i in range(10)]
    lines += ENGLISH
    assert "ellipsis" in _reason(GopherQualityFilter(), lines)


def test_numbers_table_fails_alphabetic_share() -> None:
    rows = ["The results of the year: " + " ".join(str(1000 + i * 7 + j) for j in range(12)) for i in range(10)]
    assert _reason(GopherQualityFilter(), rows).startswith("gopher_quality: alphabetic word share")


def test_word_salad_without_stop_words() -> None:
    salad = " ".join(["cheap watches replica discount luxury brand outlet sale"] * 10) + "."
    assert _reason(GopherQualityFilter(), [salad]) == "gopher_quality: stop words 0 < min_stop_words 2"


def test_stop_word_rule_can_be_turned_off() -> None:
    salad = " ".join(["cheap watches replica discount luxury brand outlet sale"] * 10) + "."
    doc = GopherQualityFilter(GopherQualityOptions(min_stop_words=0)).apply(make_doc([salad], language="en"))
    assert doc.kept


def test_repeated_lines_fail_repetition() -> None:
    lines = ENGLISH + ["Click here to subscribe to our newsletter and never miss a story."] * 6
    assert _reason(GopherRepetitionFilter(), lines).startswith("gopher_repetition: duplicate line share")


def test_repeated_phrase_inside_one_paragraph_fails_ngram_rules() -> None:
    text = ENGLISH[0] + " " + " ".join(["best cheap flights to paris and rome this summer"] * 8)
    assert _reason(GopherRepetitionFilter(), [text]).startswith("gopher_repetition: top 3-gram char share 0.225 >")


def test_repeated_chinese_text_is_rejected() -> None:
    spam = "特价手机优惠活动马上抢购" * 20
    assert _reason(GopherRepetitionFilter(), [spam], language="zh").startswith("gopher_repetition:")


def test_lorem_ipsum() -> None:
    lines = ENGLISH + ["Lorem ipsum dolor sit amet, consectetur adipiscing elit."]
    assert _reason(C4Filter(), lines) == "c4: lorem ipsum placeholder text"


def test_code_with_curly_brackets() -> None:
    lines = ENGLISH + ["function main() { return 0; }"]
    assert _reason(C4Filter(), lines) == "c4: curly bracket '{' (code)"


def test_c4_counts_sentences_only_in_lines_it_would_keep() -> None:
    lines = [
        "Please enable JavaScript to view this page correctly.",
        "This site uses cookies. Read our privacy policy to learn more.",
        "Home",
        "Contact us",
        "The council met on Monday.",
    ]
    doc = C4Filter().apply(make_doc(lines))
    assert doc.rejection.reason == "c4: sentences in the lines C4 keeps 1 < min_sentences 5"
    assert doc.signals["c4_dropped_line_share"] == pytest.approx(4 / 5)
    # A filter never edits text: every line is still in the body.
    assert [b.text for b in doc.blocks if b.role is Role.BODY] == lines


def test_menu_lines_fail_fineweb_punctuation() -> None:
    menu = ["Home", "News", "Sport", "Weather", "About us", "Contact", "Jobs", "Archive"] * 3
    assert _reason(FineWebFilter(), menu) == "fineweb: line punctuation share 0 < min_line_punctuation_share 0.12"


def test_short_lines_fail_fineweb() -> None:
    lines = [f"Result {i} is in." for i in range(20)] + ENGLISH[:1]
    assert _reason(FineWebFilter(), lines).startswith("fineweb: short line share")


def test_duplicated_lines_fail_fineweb() -> None:
    lines = ENGLISH + [ENGLISH[1]]
    assert _reason(FineWebFilter(), lines).startswith("fineweb: duplicate line char share")


def test_list_like_text_fails_fineweb_newline_ratio() -> None:
    # Long enough not to be "short" lines, but three words each: a list, not prose.
    lines = [f"Extraordinarily comprehensive documentation{'!' * i}." for i in range(12)]
    assert _reason(FineWebFilter(), lines) == "fineweb: newlines per word 0.306 > max_newline_word_ratio 0.3"


def test_rejection_records_signals_and_one_decision() -> None:
    doc = make_doc(["Too short."], language="en")
    for step in _filters():
        doc = next(iter(step([doc])))
    assert [d.step for d in doc.decisions] == ["gopher_quality"]  # later steps pass a rejected document through
    assert doc.signals["gopher_words"] == 2
