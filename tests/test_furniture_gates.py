"""The cheap gates in front of the furniture patterns let through every line the pattern behind them would match."""

import re
from re import _constants as sre_constants  # the parsed form of a pattern, to read how its alternatives open
from re import _parser as sre_parser

from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.label import furniture
from thresher.label.furniture import classify_furniture
from thresher.label.gates import contains_any, lowered_twin_is_sound
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
def test_no_row_separator_gate_means_no_row_separator(text: str) -> None:
    if not furniture._may_hold_row_separator(text):
        assert furniture._ROW_SEPARATOR.search(text) is None


def test_every_whitespace_character_but_the_space_is_unprintable() -> None:
    # what the space-run gate rests on, for every code point
    for code in range(0x110000):
        char = chr(code)
        if re.match(r"\s", char) and char != " ":
            assert not char.isprintable(), hex(code)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aAbBzZ xX1-_éÉ", max_size=30))
def test_the_camel_gate_finds_exactly_the_lines_with_a_camel_join(text: str) -> None:
    assert (furniture._CAMEL_CAPITAL.search(text) is None) == (furniture._CAMEL_JOIN.search(text) is None)


def _tokens_as_defined(text: str) -> list[str]:
    return [token.lower() for token in furniture._TOKEN.findall(furniture._CAMEL_JOIN.sub(" ", text))]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aAbBzZ xX19-_.'éÉßİı\u0130\u212a\u017f\u00b2\u0663\u2167", max_size=30))
def test_tokens_are_the_lower_cased_words_of_the_camel_split_line(text: str) -> None:
    # the ASCII shortcut (one lower-casing, a plain class) gives the tokens the definition gives
    assert furniture.tokens(text, text.lower()) == _tokens_as_defined(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" (([+-+19\u0663\u00b2\u2167xX.,kKmM\t", min_size=1, max_size=12))
def test_a_line_the_counter_gate_rules_out_is_no_counter(text: str) -> None:
    stripped = text.strip()
    if stripped and not furniture._may_open_counter(stripped):
        assert furniture._COUNTER.match(stripped) is None


def test_the_counter_gate_knows_the_patterns_digits() -> None:
    # str.isdecimal is the pattern's \d, for every code point
    for code in range(0x110000):
        char = chr(code)
        assert (re.match(r"\d", char) is not None) == char.isdecimal(), hex(code)


@settings(max_examples=500, deadline=None)
@given(prefix=_texts, gap=st.sampled_from(_WHITESPACE), verb=_verbs, tail=st.text(alphabet=_WHITESPACE + ":", max_size=6))
def test_comment_header_gate_agrees_with_the_header_pattern(prefix: str, gap: str, verb: str, tail: str) -> None:
    for text in (prefix + gap + verb + tail, prefix + verb + tail, prefix + tail, prefix):
        stripped = text.strip()
        found = furniture._is_comment_header(stripped, stripped.lower())
        assert found == (furniture._COMMENT_HEADER.match(stripped) is not None)


def test_the_comment_verbs_compare_lower_cased_as_ignoring_case() -> None:
    # what the header gate's end test rests on, beyond ASCII too
    assert lowered_twin_is_sound(furniture._COMMENT_VERB_AT_END)


def test_comment_headers_still_found() -> None:
    for line, expected in (("Jane Doe on May 3, 2019 at 7:02 pm said:", True), ("Jane SAYS :", True),
                           ("Jane said nothing", False), ("Renée a ÉCRIT:", True), ("Jane SAIDS", False)):
        assert furniture._is_comment_header(line, line.lower()) is expected, line


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


_PHRASES = (
    "Related Stories", "Most popular today", "Sign in / Register", "Next article", "« Back", "Home »", "Advertisement",
    "2 days ago", "August 8, 2018 at 3:17 pm EST", "2019-11-05T10:30:00Z", "Posted on Mon, 5 Nov 2019", "Comments (3)",
    "Copyright © 2019 Foo. All rights reserved.", "This site uses cookies", "By continuing to browse", "(c) 2019",
    "版权所有", "Reproduction is prohibited", "Terms of Use and Privacy", "tous droits réservés", "More from us",
)
_cased_phrases = st.sampled_from(_PHRASES).flatmap(
    lambda phrase: st.lists(st.booleans(), min_size=len(phrase), max_size=len(phrase)).map(
        lambda upper: "".join(c.upper() if u else c for c, u in zip(phrase, upper))
    )
)
_CASELESS_RUNS = (
    (furniture._SHORT_ANY.match, furniture._SHORT_MATCH.match),
    (furniture._TIMESTAMP.match, furniture._TIMESTAMP_MATCH.match),
    (furniture._NOTICE_ANY.search, furniture._NOTICE_SEARCH.search),
    (furniture._PROMOTION.search, furniture._PROMOTION_SEARCH.search),
)


@settings(max_examples=500, deadline=None)
@given(before=st.text(alphabet=_TRICKY, max_size=6), phrase=_cased_phrases, after=st.text(alphabet=_TRICKY, max_size=6))
def test_the_caseless_runs_find_what_the_patterns_find(before: str, phrase: str, after: str) -> None:
    # the lowered twins on ASCII text, and the notice search tried only where a notice can start
    for text in (phrase, before + phrase, phrase + after, before + phrase + after, phrase.replace("s", "\u017f")):
        for run, caseless in _CASELESS_RUNS:
            expected, found = run(text), caseless(text, text.lower())
            assert (found is None) == (expected is None), text
            if found is not None:
                assert (found.span(), found.lastgroup) == (expected.span(), expected.lastgroup), text


def _first_letters(items) -> set[str]:
    """The characters the parsed items can open with, for items opening with literals or groups of them."""
    op, arg = items[0]
    if op is sre_constants.LITERAL:
        return {chr(arg)}
    if op is sre_constants.SUBPATTERN:
        return _first_letters(arg[3])
    assert op is sre_constants.BRANCH, op
    return set().union(*(_first_letters(alternative) for alternative in arg[1]))


def _opens_where_the_notice_search_tries(items) -> bool:
    """Whether every match of the parsed items starts at the line's start, at a word boundary before a word
    character or at one of NOTICE_OPENERS."""
    op, arg = items[0]
    if op is sre_constants.AT and arg is sre_constants.AT_BEGINNING:
        return True
    if op is sre_constants.AT and arg is sre_constants.AT_BOUNDARY:
        return all(re.match(r"\w", char) for char in _first_letters(items[1:]))
    if op is sre_constants.SUBPATTERN:
        return _opens_where_the_notice_search_tries(arg[3])
    if op is sre_constants.BRANCH:
        return all(_opens_where_the_notice_search_tries(alternative) for alternative in arg[1])
    return op is sre_constants.LITERAL and chr(arg) in furniture.NOTICE_OPENERS


def test_every_notice_alternative_opens_where_the_notice_search_tries_it() -> None:
    for pattern in (furniture._LEGAL, furniture._COOKIE):
        assert _opens_where_the_notice_search_tries(sre_parser.parse(pattern.pattern, pattern.flags))
    # and the check sees an alternative opening elsewhere
    assert not _opens_where_the_notice_search_tries(sre_parser.parse(r"\bcopyright|\s+cookies|©"))
    assert not _opens_where_the_notice_search_tries(sre_parser.parse(r"\b(?:use|\.net)"))


def test_iso_and_zone_letters_still_match_in_any_case() -> None:
    # the timestamp pattern writes "T", "Z" and the zone in lower case; ignoring case they match as before
    stamps = ("2019-11-05T10:30:00Z", "2019-11-05t10:30:00z", "August 8, 2018 at 3:17 pm EST", "May 3, 2019 7:02 est")
    for stamp in stamps:
        assert furniture._TIMESTAMP.match(stamp), stamp


def _notice_or_promotion_as_defined(text: str, may_promote: bool) -> Label | None:
    notice = furniture._NOTICE_ANY.search(text) if furniture._NOTICE_TRIGGER(text.lower()) else None
    if notice is not None:
        return Label.LEGAL_NOTICE if notice.group("legal") is not None else Label.COOKIE_NOTICE
    if may_promote and furniture._PROMOTION_TRIGGER(text.lower()) and furniture._PROMOTION.search(text):
        return Label.PROMOTION
    return None


_PROMOTIONS = ("Download the free app", "Subscribe to our newsletter today", "Follow us on Twitter", "扫码关注")


@settings(max_examples=500, deadline=None)
@given(
    before=st.text(alphabet=_TRICKY, max_size=6),
    phrase=_cased_phrases | st.sampled_from(_PROMOTIONS),
    after=st.sampled_from(("", " and cookies", ". Subscribe", " app")),
    may_promote=st.booleans(),
)
def test_notice_or_promotion_agrees_with_the_searches(before: str, phrase: str, after: str, may_promote: bool) -> None:
    # the joint trigger gate in front of both searches rules out only lines neither would match
    text = before + phrase + after
    found = furniture._notice_or_promotion(text, text.lower(), may_promote)
    assert (found and found[0]) == _notice_or_promotion_as_defined(text, may_promote), text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_TRICKY + "«»nexthomeHOME", max_size=20))
def test_the_navigation_look_ahead_changes_no_match(text: str) -> None:
    pattern = furniture._NAVIGATION
    without = re.compile(pattern.pattern.replace("(?=[^»]*»)", ""), pattern.flags)
    assert without.pattern != pattern.pattern
    for line in (text, text + "»", text + " »", text + "\n»", "«" + text):
        assert (pattern.match(line) is None) == (without.match(line) is None), line
