"""The cheap tests in front of the phrase classifiers' patterns never turn away a block the pattern would take."""

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.label import dom_phrases
from thresher.label.gates import contains_any
from thresher.label.dom_phrases import PROMOTION_PARTNERS, PROMOTION_TRIGGERS, classify_call_to_action
from thresher.model import Label


def _pattern_finds_promotion(text: str) -> bool:
    """What the classifier decided before the partners were consulted: a trigger, then the pattern's search."""
    lowered = text.lower()
    return contains_any(lowered, PROMOTION_TRIGGERS) and dom_phrases._PROMOTION_SEARCH.span(text, lowered) is not None


def _assert_partners_pass(text: str) -> None:
    lowered = text.lower()
    if _pattern_finds_promotion(text):
        assert dom_phrases._may_promote(text, lowered), text
    if dom_phrases._may_promote(text, lowered):
        assert contains_any(lowered, PROMOTION_TRIGGERS), text


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
        assert dom_phrases._HOLDS_PROMOTION_TRIGGER(text.lower())
        assert not dom_phrases._may_promote(text, text.lower())
        assert classify_call_to_action(text) is None
    assert classify_call_to_action("Never miss a story: sign up today") == (
        Label.PROMOTION, "call to action ('Never miss a')",
    )


# --- the openers: what a text must open with for an anchored pattern to match it -------------------------------

from re import _constants as sre_constants  # noqa: E402  (the parsed form of a pattern, to read its first characters)
from re import _parser as sre_parser  # noqa: E402

_SPACE, _DIGIT = sre_constants.CATEGORY_SPACE, sre_constants.CATEGORY_DIGIT


def _first_items(parsed) -> tuple[set, bool]:
    """What the parsed pattern can open with (characters, and categories such as white space), and whether it can
    match nothing at all. Anything it does not know (a negated set, a dot) is reported as None, which no gate allows."""
    items: set = set()
    for op, arg in parsed:
        found, empty = _first_of(op, arg)
        items |= found
        if not empty:
            return items, False
    return items, True


def _first_of(op, arg) -> tuple[set, bool]:
    if op is sre_constants.LITERAL:
        return {chr(arg)}, False
    if op is sre_constants.IN:
        items: set = set()
        for item_op, item in arg:
            if item_op is sre_constants.LITERAL:
                items.add(chr(item))
            elif item_op is sre_constants.RANGE:
                items |= {chr(code) for code in range(item[0], item[1] + 1)}
            elif item_op is sre_constants.CATEGORY and item in (_SPACE, _DIGIT):
                items.add(item)
            else:
                items.add(None)
        return items, False
    if op is sre_constants.SUBPATTERN:
        return _first_items(arg[3])
    if op is sre_constants.BRANCH:
        found = [_first_items(alternative) for alternative in arg[1]]
        return set().union(*(items for items, _ in found)), any(empty for _, empty in found)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        items, empty = _first_items(arg[2])
        return items, empty or arg[0] == 0
    if op is sre_constants.AT:
        return set(), True  # "^", "\b": they take no character
    return {None}, True


def _openers_of(pattern: re.Pattern[str]) -> tuple[set[str], bool, bool]:
    """Every character the pattern's first character matches, ignoring case as it does; whether white space and
    digits open it too."""
    items, empty = _first_items(sre_parser.parse(pattern.pattern, pattern.flags))
    assert not empty and None not in items, pattern.pattern
    chars = "".join(item for item in items if isinstance(item, str))
    opens = re.compile("[" + re.escape(chars) + "]", pattern.flags).fullmatch
    return {char for char in map(chr, range(sys.maxunicode + 1)) if opens(char)}, _SPACE in items, _DIGIT in items


def test_openers_take_every_case_the_re_module_takes() -> None:
    letters = "abcdefghijklmnopqrstuvwxyzàäéíöü"
    for letter in letters:
        same = re.compile(letter, re.IGNORECASE).fullmatch
        assert dom_phrases._openers(letter) == {char for char in map(chr, range(sys.maxunicode + 1)) if same(char)}


def test_the_first_character_tests_allow_all_a_pattern_opens_with() -> None:
    # White space: the advertising test allows it, a related heading never opens with it, and the appendix's lines
    # are stripped of it.
    gates = {
        dom_phrases._ADVERTISEMENT: dom_phrases._ADVERTISEMENT_OPENERS,
        dom_phrases._RELATED_HEADING: dom_phrases._RELATED_HEADING_OPENERS,
        dom_phrases._TAG_LINE: dom_phrases._TAG_LINE_OPENERS,
        dom_phrases._POST_STAMP: dom_phrases._POST_STAMP_OPENERS,
    }
    for pattern, openers in gates.items():
        chars, opens_with_space, opens_with_digit = _openers_of(pattern)
        assert set(openers) == chars and not opens_with_digit, pattern.pattern
        assert opens_with_space is (pattern is not dom_phrases._RELATED_HEADING)


def test_a_stripped_line_opens_with_no_character_the_patterns_read_as_white_space() -> None:
    space = re.compile(r"\s").fullmatch
    assert all(not space(char) or not (char + "x").strip().startswith(char) for char in map(chr, range(0x3100)))


_ANY_OPENING = st.one_of(st.characters(), st.sampled_from("*( \t\u00a0\u2003sSſpPaAwWtTdDcCkK\u212aeEàÀäÄİı"))


@settings(max_examples=400, deadline=None)
@given(opening=_ANY_OPENING, phrase=st.from_regex(dom_phrases._ADVERTISEMENT, fullmatch=True))
def test_an_advertising_mark_is_found_as_before(opening: str, phrase: str) -> None:
    for text in (phrase, opening + phrase, opening + phrase[1:]):
        if dom_phrases._ADVERTISEMENT.match(text) and len(text) <= dom_phrases.MAX_CALL_TO_ACTION_CHARS:
            assert classify_call_to_action(text) == (Label.ADVERTISEMENT, "marked as advertising"), text


@settings(max_examples=400, deadline=None)
@given(opening=_ANY_OPENING, phrase=st.from_regex(dom_phrases._RELATED_HEADING, fullmatch=True))
def test_a_related_heading_is_found_as_before(opening: str, phrase: str) -> None:
    for text in (phrase, opening + phrase, opening + phrase[1:]):
        expected = len(text) <= dom_phrases.MAX_RELATED_HEADING_CHARS and bool(dom_phrases._RELATED_HEADING.match(text))
        assert dom_phrases.is_related_heading(text) is expected, text


_LINE_PATTERNS = {dom_phrases._TAG_LINE: Label.NAVIGATION, dom_phrases._POST_STAMP: Label.TIMESTAMP}


@settings(max_examples=400, deadline=None)
@given(
    opening=_ANY_OPENING,
    pattern=st.sampled_from(list(_LINE_PATTERNS)),
    data=st.data(),
    padding=st.sampled_from(["", " ", "\t", "\u00a0", "\u2003\n"]),
)
def test_tag_lines_and_post_stamps_are_found_as_before(opening, pattern, data, padding) -> None:
    phrase = data.draw(st.from_regex(pattern, fullmatch=True))
    for text in (phrase, opening + phrase, opening + phrase[1:]):
        text = padding + text + padding
        stripped = text.strip()
        if not pattern.match(stripped) or len(stripped.split(None, dom_phrases.MAX_APPENDIX_LINE_WORDS)) > 25:
            continue
        if pattern is dom_phrases._POST_STAMP and dom_phrases._TAG_LINE.match(stripped):
            continue  # the tag line is tested first
        if len(stripped) <= dom_phrases.MAX_APPENDIX_LABEL_CHARS and dom_phrases._APPENDIX_LABEL.match(stripped):
            continue
        found = dom_phrases.classify_appendix(text)
        assert found is not None and found[0] is _LINE_PATTERNS[pattern], text


def test_the_scan_finds_every_trigger() -> None:
    # it looks for parts of some triggers: a block holding a trigger holds its part
    for trigger in PROMOTION_TRIGGERS:
        assert dom_phrases._HOLDS_PROMOTION_TRIGGER("x " + trigger + " y"), trigger


def test_a_part_found_without_its_trigger_is_no_call_to_action() -> None:
    for text in ("Bitte melden Sie sich.", "An analysis of the vote.", "Melden: ſubscribe to the bonds."):
        assert dom_phrases._HOLDS_PROMOTION_TRIGGER(text.lower())
        assert not dom_phrases._may_promote(text, text.lower()), text
        assert classify_call_to_action(text) is None
