"""The benchmark metrics: each rule of the two READMEs on small hand-made cases, and the published AEB table."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # `bench` is a top-level folder of the repository, not part of the package

from bench.flatten import decode_html, flatten_pages
from bench.line_rules import c4_lines, refinedweb_document, refinedweb_lines, refinedweb_removes
from bench.metadata_scoring import field_matches, normalise_authors, score_metadata
from bench.runner import run_system
from bench.scoring import (
    AebPage,
    PageCounts,
    SnippetCounts,
    SnippetPage,
    aeb_metrics,
    load_aeb,
    load_reference_outputs,
    load_trafilatura_eval,
    normalise_whitespace,
    page_counts,
    score_aeb,
    score_snippets,
    shingles,
    snippet_counts,
    tokenize,
)
from bench.worst_pages import worst_aeb, worst_snippets

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
needs_bench = pytest.mark.skipif(not BENCH.is_dir(), reason="benchmark data ../shared/bench is absent")


# ------------------------------------------------------------------------------------------------- tokens, shingles


def test_tokens_are_word_runs_and_keep_case():
    assert tokenize("Hello, World! it's 2019-11-19") == ["Hello", "World", "it", "s", "2019", "11", "19"]
    assert tokenize("") == [] and tokenize(None) == []
    assert tokenize("naïve café") == ["naïve", "café"]  # \w is Unicode-aware


def test_four_gram_shingles():
    got = shingles(["a", "b", "c", "d", "e"])
    assert got == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


def test_short_text_is_one_shorter_shingle_and_empty_has_none():
    assert shingles(["a", "b"]) == {("a", "b"): 1}
    assert shingles(["a", "b", "c", "d"]) == {("a", "b", "c", "d"): 1}
    assert shingles([]) == {}


def test_repeated_shingles_count_as_a_multiset():
    # "x x x x x x" -> three copies of the same 4-gram
    assert shingles(["x"] * 6) == {("x",) * 4: 3}


# ------------------------------------------------------------------------------------------------------- per page


def test_duplicated_prediction_counts_extra_copies_as_false_positives():
    gold = "one two three four"
    counts = page_counts(gold, gold + " " + gold)
    # prediction shingles: 5 distinct-position 4-grams, of which the gold one appears twice -> tp 1, fp 4, fn 0
    assert counts.tp == pytest.approx(1 / 5)
    assert counts.fp == pytest.approx(4 / 5)
    assert counts.fn == 0
    assert counts.precision == pytest.approx(0.2) and counts.recall == 1.0


def test_missing_duplicate_in_prediction_is_a_false_negative():
    counts = page_counts("x x x x x", "x x x x")  # gold has the 4-gram twice, prediction once
    assert (counts.tp, counts.fp, counts.fn) == (pytest.approx(0.5), 0, pytest.approx(0.5))


def test_counts_are_normalised_to_sum_to_one():
    counts = page_counts("a b c d e f g h", "a b c d e x y")
    assert counts.tp + counts.fp + counts.fn == pytest.approx(1.0)
    # gold has 5 shingles, the prediction 4; abcd and bcde are shared -> tp 2, fp 2, fn 3
    assert (counts.tp, counts.fp, counts.fn) == (pytest.approx(2 / 7), pytest.approx(2 / 7), pytest.approx(3 / 7))


def test_perfect_page_scores_one_and_is_exact():
    counts = page_counts("The cat sat.", "the? no: The cat sat")
    assert not counts.exact  # extra tokens
    same = page_counts("The cat sat.", "The  cat, sat!")
    assert same.exact and same.precision == 1.0 and same.recall == 1.0


def test_case_matters():
    counts = page_counts("The cat sat on the mat", "the cat sat on the mat")
    assert not counts.exact and counts.precision < 1.0


def test_empty_prediction_has_no_precision_and_zero_recall():
    counts = page_counts("some gold text here", "")
    assert counts.precision is None
    assert counts.recall == 0.0
    assert page_counts("some gold text here", None).precision is None


def test_both_empty_pages_are_left_out_of_both_means_but_count_as_exact():
    counts = page_counts("", "")
    assert counts.precision is None and counts.recall is None and counts.exact


def test_one_shingle_page_is_all_or_nothing():
    assert page_counts("hi there", "hi there").precision == 1.0
    wrong = page_counts("hi there", "hi")
    assert wrong.tp == 0 and wrong.precision == 0.0 and wrong.recall == 0.0


# ---------------------------------------------------------------------------------------------------- aggregation


def test_precision_mean_skips_empty_predictions_and_f1_is_of_the_means():
    pages = [PageCounts(1.0, 0.0, 0.0, True), PageCounts(0.5, 0.5, 0.0, False), PageCounts(0.0, 0.0, 1.0, False)]
    m = aeb_metrics(pages)
    assert m.precision == pytest.approx((1.0 + 0.5) / 2)  # the empty prediction is not averaged in
    assert m.recall == pytest.approx((1.0 + 1.0 + 0.0) / 3)
    assert m.f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))
    assert m.accuracy == pytest.approx(1 / 3)
    per_page_f1_mean = (1.0 + 2 * 0.5 / 1.5 + 0.0) / 3
    assert m.f1 != pytest.approx(per_page_f1_mean)


def test_all_empty_predictions_score_zero_not_error():
    score = score_aeb(["a b c d", "e f g h"], [None, ""], n_bootstrap=10)
    assert score.precision == 0.0 and score.recall == 0.0 and score.f1 == 0.0
    assert score.empty_predictions == 2


def test_bootstrap_is_deterministic_for_a_seed_and_varies_with_it():
    golds = ["a b c d e f", "g h i j k", "l m n o p q r", "s t u v"]
    preds = ["a b c d e f", "g h x j k", "", "s t u v w"]
    first = score_aeb(golds, preds, n_bootstrap=200, seed=7)
    again = score_aeb(golds, preds, n_bootstrap=200, seed=7)
    other = score_aeb(golds, preds, n_bootstrap=200, seed=8)
    assert first == again
    assert first.f1_std > 0
    assert (first.f1_std, first.recall_std) != (other.f1_std, other.recall_std)
    assert (first.f1, first.precision) == (other.f1, other.precision)  # the point estimate does not resample


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError):
        score_aeb(["a"], [])


@given(st.text(max_size=200), st.text(max_size=200))
def test_page_counts_are_bounded_for_any_text(gold, prediction):
    counts = page_counts(gold, prediction)
    total = counts.tp + counts.fp + counts.fn
    assert total == pytest.approx(1.0) or total == 0
    for value in (counts.precision, counts.recall):
        assert value is None or 0.0 <= value <= 1.0


@given(st.text(max_size=200))
def test_a_text_against_itself_is_perfect(text):
    counts = page_counts(text, text)
    assert counts.exact and counts.fp == 0 and counts.fn == 0


# -------------------------------------------------------------------------------------------------- snippet metric


def test_whitespace_is_normalised_on_both_sides():
    assert normalise_whitespace("  a \n\t b  ") == "a b"
    counts = snippet_counts("The quick\nbrown   fox jumps.", ["quick brown fox"], ["brown\n fox jumps"])
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (1, 0, 1, 0)


def test_snippet_match_is_case_sensitive_substring():
    counts = snippet_counts("Breaking: The Mayor resigned today", ["the mayor", "Mayor resig"], ["Breaking:"])
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (1, 1, 1, 0)


def test_none_output_finds_nothing():
    counts = snippet_counts(None, ["a", "b"], ["c"])
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (0, 2, 0, 1)
    # an empty string is still "nothing found" for non-empty snippets
    assert snippet_counts("", ["a"], ["c"]) == SnippetCounts(tp=0, fn=1, fp=0, tn=1)


def test_micro_counts_and_formulas():
    total = snippet_counts("alpha beta", ["alpha"], ["beta"]) + snippet_counts("gamma", ["gamma", "delta"], ["eps"])
    assert (total.tp, total.fn, total.fp, total.tn) == (2, 1, 1, 1)
    assert total.precision == pytest.approx(2 / 3)
    assert total.recall == pytest.approx(2 / 3)
    assert total.accuracy == pytest.approx(3 / 5)
    assert total.f1 == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))


def test_empty_counts_do_not_divide_by_zero():
    empty = SnippetCounts()
    assert (empty.precision, empty.recall, empty.accuracy, empty.f1) == (0.0, 0.0, 0.0, 0.0)


# ------------------------------------------------------------------------------------------ published AEB numbers

# (F1, precision, recall, accuracy) from the AEB README, for the systems whose outputs ship with the data.
PUBLISHED_AEB = {
    "trafilatura": (0.958, 0.938, 0.978, 0.293),
    "readability": (0.922, 0.913, 0.931, 0.315),
    "go_trafilatura": (0.960, 0.940, 0.980, 0.287),
    "justext": (0.804, 0.858, 0.756, 0.088),
    "html-text": (0.665, 0.500, 0.994, 0.000),
    "boilerpipe": (0.860, 0.850, 0.870, 0.006),
    "goose3": (0.896, 0.940, 0.856, 0.232),
    "AutoExtract": (0.970, 0.984, 0.956, 0.470),
}


@needs_bench
def test_reference_outputs_reproduce_the_published_aeb_table():
    pages = load_aeb(BENCH)
    assert len(pages) == 181
    golds = [p.gold for p in pages]
    references = load_reference_outputs(BENCH)
    for system, expected in PUBLISHED_AEB.items():
        predictions = [references[system].get(p.id, "") for p in pages]
        score = score_aeb(golds, predictions, n_bootstrap=0)
        got = tuple(round(v, 3) for v in (score.f1, score.precision, score.recall, score.accuracy))
        assert got == expected, system


@needs_bench
def test_published_spread_is_reproduced_in_magnitude():
    pages = load_aeb(BENCH)
    trafilatura = load_reference_outputs(BENCH)["trafilatura"]
    predictions = [trafilatura.get(p.id, "") for p in pages]
    score = score_aeb([p.gold for p in pages], predictions)
    # the published ± is 0.006; a different random stream gives a slightly different estimate of the same spread
    assert 0.004 <= score.f1_std <= 0.008


# ------------------------------------------------------------------------------------------------ metadata scorer


def test_title_match_is_normalised_but_exact():
    assert field_matches("title", "„Der  Titel“ ", "der titel")
    assert not field_matches("title", "Der Titel", "Der Titel | Beispielseite")


def test_author_match_compares_sets_of_names():
    assert normalise_authors("Von Anna Muster und Ben Beispiel") == {"anna muster", "ben beispiel"}
    assert field_matches("author", "Anna Muster; Ben Beispiel", "By Ben Beispiel and Anna Muster")
    assert not field_matches("author", "Anna Muster; Ben Beispiel", "Anna Muster")


def test_date_match_is_the_same_calendar_day():
    assert field_matches("date", "2021-04-21", "2021-04-21T09:30:00+02:00")
    assert not field_matches("date", "2021-04-21", "2021-04-22")
    assert not field_matches("date", "2021-04-21", None)


def test_metadata_scores_only_annotated_fields_and_counts_values_given_without_gold():
    golds = [{"title": "A", "author": "", "date": "2020-01-02"}, {"title": "B"}, {}]
    predictions = [{"title": "a", "author": "Someone", "date": None}, None, {"title": "C", "author": "X"}]
    scores = score_metadata(golds, predictions)
    assert (scores["title"].correct, scores["title"].with_gold) == (1, 2)
    assert (scores["author"].with_gold, scores["author"].without_gold, scores["author"].given_without_gold) == (0, 1, 1)
    assert (scores["date"].correct, scores["date"].with_gold) == (0, 1)


# --------------------------------------------------------------------------------------------- line-rule baselines


def test_c4_keeps_only_finished_lines_of_three_words():
    text = "Home\nA complete sentence here.\nTwo words.\nIs this a question?\nIt trails off...\nNo end mark"
    assert c4_lines(text).splitlines() == ["A complete sentence here.", "Is this a question?"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("BREAKING NEWS TODAY", "mostly uppercase"),
        ("12,345", "only numbers"),
        ("3 likes", "counter"),
        ("Comments (14)", "counter"),
        ("Newsletter", "one word"),
        ("Sign in to your account", "starts like a button"),
        ("The whole story, read more »", "ends like a button"),
        ("You have 2 items in cart", "navigation or shop phrase"),
    ],
)
def test_refinedweb_removes_each_kind_of_line(line, reason):
    assert refinedweb_removes(line) == reason


def test_refinedweb_keeps_ordinary_prose_even_when_it_mentions_buttons():
    prose = "The council said it would read more of the report before voting on the budget next week, officials said."
    assert refinedweb_removes(prose) is None
    assert refinedweb_removes("The NASA team met on Monday.") is None


def test_refinedweb_document_rule_drops_documents_that_lost_too_much():
    body = "\n".join(["This is a long and perfectly ordinary sentence about the weather in town."] * 3)
    assert refinedweb_lines(body + "\nShare") == body
    assert refinedweb_document(body + "\nShare") == body  # 1 word of 43 removed: under the 5% share, kept
    menu = "Home\nNews\nSport\nWEATHER MAP"
    assert refinedweb_lines(body + "\n" + menu) == body
    assert refinedweb_document(body + "\n" + menu) == ""  # 5 words of 47 removed: over 5%, the document goes


# ------------------------------------------------------------------------------------------------------ the runner


def test_a_system_that_is_not_written_yet_is_unavailable_not_a_crash():
    def not_yet(_):
        raise NotImplementedError("HTML mode is not written yet")

    run = run_system("x", not_yet, ["a", "b"], warmup=True)
    assert run.unavailable and "NotImplementedError" in run.status
    assert run.outputs == [None, None] and run.pages_per_second is None


def test_a_failing_page_gives_no_output_and_is_counted():
    def picky(text):
        if text == "bad":
            raise ValueError("cannot parse")
        return text.upper()

    run = run_system("x", picky, ["ok", "bad", "fine"], sizes=[2, 3, 4])
    assert run.outputs == ["OK", None, "FINE"]
    assert run.errors == 1 and "ValueError: cannot parse" in run.status
    assert run.input_bytes == 9 and run.ok


def test_a_list_of_gold_authors_is_one_set_of_names():
    assert field_matches("author", ["Anna Muster", "Ben Beispiel"], "Ben Beispiel; Anna Muster")
    assert score_metadata([{"author": ["Anna Muster"]}], [{"author": "anna muster"}])["author"].correct == 1


def test_typographic_dashes_and_quotes_do_not_decide_a_title():
    assert field_matches("title", "Korsetts – Shops, “Designer”", 'korsetts - shops, "designer"')


# ------------------------------------------------------------------------------------------------- page decoding


def test_legacy_encoded_page_is_decoded_not_mangled():
    page = '<html><head><meta charset="windows-1252"></head><body><p>Größere Änderungen für Müller – “heute”</p>'
    page += "<p>Die Straße wird im nächsten Frühjahr für den Verkehr gesperrt, teilte die Stadt mit.</p></body></html>"
    assert "Größere Änderungen für Müller – “heute”" in decode_html(page.encode("cp1252"))
    assert decode_html("naïve ✓".encode()) == "naïve ✓"


@given(st.binary(max_size=300))
def test_any_bytes_decode_to_text(data):
    assert isinstance(decode_html(data), str)


@needs_bench
def test_whole_page_text_reproduces_the_published_html_text_row_of_trafilatura_eval():
    # html_text 0.7.1 in trafilatura's published table: P 0.531, R 0.988, accuracy 0.559, F1 0.691
    pages = load_trafilatura_eval(BENCH)
    counts = score_snippets(pages, flatten_pages(pages, "trafilatura-eval", cache_dir=None))
    got = tuple(round(v, 3) for v in (counts.precision, counts.recall, counts.accuracy, counts.f1))
    assert got == (0.531, 0.988, 0.559, 0.691)


# ---------------------------------------------------------------------------------------------------- worst pages


def test_worst_pages_come_first():
    aeb = [AebPage("good", None, "one two three four five", b""), AebPage("bad", None, "six seven eight nine", b"")]
    ranked = worst_aeb(aeb, ["one two three four five", None], n=2)
    assert [r["id"] for r in ranked] == ["bad", "good"] and ranked[0]["f1"] == 0.0
    pages = [SnippetPage("fine", None, b"", ["body"], ["menu"]), SnippetPage("poor", None, b"", ["body"], ["menu"])]
    ranked = worst_snippets(pages, ["body", "menu"], n=1)
    assert ranked == [{"id": "poor", "url": None, "missed": 1, "kept_boilerplate": 1}]
