"""default_steps: config mapping to configured steps, with one-line errors; and the language step."""

from __future__ import annotations

import pytest

from thresher.filter import STEPS, default_steps
from thresher.filter.c4 import C4Options
from thresher.filter.language import LanguageOptions, LanguageStep
from thresher.model import Block, Document, Label, Role

ENGLISH = (
    "The museum opened a new wing on Saturday with a collection of maps drawn by sailors in the eighteenth century. "
    "Visitors can follow the routes of ships that crossed the ocean and read the notes the captains left."
)
GERMAN = (
    "Das Museum hat am Samstag einen neuen Flügel mit einer Sammlung von Seekarten aus dem achtzehnten Jahrhundert "
    "eröffnet. Die Besucher können die Routen der Schiffe verfolgen und die Notizen der Kapitäne lesen."
)


def _doc(*texts: str) -> Document:
    return Document(mode="html", blocks=[Block(index=i, text=t) for i, t in enumerate(texts)])


def test_default_order_and_names() -> None:
    assert [s.name for s in default_steps({})] == list(STEPS)
    assert [s.name for s in default_steps(None)] == [
        "language",
        "gopher_quality",
        "gopher_repetition",
        "c4",
        "fineweb",
        "pii",
    ]


def test_a_step_can_be_turned_off_and_options_set() -> None:
    steps = default_steps({"pii": {"enabled": False}, "c4": {"min_sentences": 3, "reject_curly_bracket": False}})
    assert "pii" not in [s.name for s in steps]
    c4 = next(s for s in steps if s.name == "c4")
    assert c4.options == C4Options(min_sentences=3, reject_curly_bracket=False)


def test_toml_arrays_become_tuples() -> None:
    steps = default_steps(
        {"language": {"keep_languages": ["en", "de"]}, "gopher_repetition": {"top_ngram_char_shares": [[2, 0.3]]}}
    )
    assert steps[0].options.keep_languages == ("en", "de")
    assert steps[2].options.top_ngram_char_shares == ((2, 0.3),)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"gopher": {}}, "unknown step 'gopher'"),
        ({"c4": {"min_sentence": 3}}, "step 'c4': unknown option 'min_sentence'"),
        ({"c4": {"min_sentences": "five"}}, "step 'c4': option 'min_sentences' expects int"),
        ({"c4": {"min_sentences": True}}, "step 'c4': option 'min_sentences' expects int"),
        ({"fineweb": {"enabled": "no"}}, "step 'fineweb': option 'enabled' expects bool"),
        ({"fineweb": 3}, "step 'fineweb': expected a table of options"),
        ({"language": {"keep_languages": "en"}}, "step 'language': option 'keep_languages'"),
        ({"pii": {"phone_token": "555-123-4567"}}, "would itself be masked"),
    ],
)
def test_bad_config_is_one_line_value_error(config: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        default_steps(config)
    assert "\n" not in str(caught.value)


def test_language_step_sets_document_and_removed_block_languages() -> None:
    doc = _doc(ENGLISH, GERMAN)
    doc.blocks[1].remove(Label.BOILERPLATE, "test")
    LanguageStep().apply(doc)
    assert doc.language == "en" and doc.language_score > 0.5
    assert doc.signals["language_score"] == doc.language_score
    assert doc.blocks[1].language == "de"
    assert doc.blocks[0].language is None  # body blocks are covered by the document language
    assert doc.kept


def test_keep_languages_rejects_with_reason() -> None:
    doc = LanguageStep(LanguageOptions(keep_languages=("de", "fr"))).apply(_doc(ENGLISH))
    assert doc.rejection.reason == "language: en not in keep_languages (de, fr)"


def test_min_score_rejects_and_empty_text_has_no_language() -> None:
    doc = LanguageStep(LanguageOptions(min_score=0.5)).apply(_doc("1234 5678"))
    assert doc.language is None
    assert doc.rejection.reason == "language: score 0 for no language < min_score 0.5"
    assert LanguageStep().apply(_doc("")).kept  # off by default: nothing to judge, nothing rejected


def test_removed_role_untouched_by_language_step() -> None:
    doc = _doc(ENGLISH)
    LanguageStep().apply(doc)
    assert [b.role for b in doc.blocks] == [Role.BODY]


def test_a_run_of_removed_blocks_shares_one_guess_and_letterless_blocks_get_none() -> None:
    doc = _doc(GERMAN, "Startseite", "Nachrichten aus der Region", "|", "Impressum und Datenschutz", ENGLISH)
    for block in doc.blocks[1:5]:
        block.remove(Label.NAVIGATION, "menu")
    LanguageStep().apply(doc)
    assert [b.language for b in doc.blocks[1:5]] == ["de", "de", None, "de"]


def test_language_step_reuses_the_language_clean_identified(monkeypatch):
    import thresher.filter.language as language_module
    from thresher.filter.language import LanguageStep
    from thresher.model import Block, Document

    calls = []
    monkeypatch.setattr(language_module, "detect_language", lambda text: calls.append(text) or ("fr", 0.5))
    identified = Document(blocks=[Block(0, "Le port a rouvert après la tempête.")], language="de", language_score=0.9)
    LanguageStep().apply(identified)
    assert (identified.language, identified.language_score) == ("de", 0.9) and calls == []
    # A language the page only declares (no score) is checked against the text.
    declared = Document(mode="html", blocks=[Block(0, "Le port a rouvert après la tempête.")], language="de")
    LanguageStep().apply(declared)
    assert declared.language == "fr" and len(calls) == 1
