"""Cheap gates in front of costly patterns: does a text hold any of a set of plain fragments?

A regular expression alternation of plain fragments tries every fragment at every position of the text; the same
fragments laid out as a trie (one branch per distinct next character) cost one branch per character instead. The
answer is the same: the gate only says whether some fragment occurs, so it stops at the shortest one found. For a
dozen fragments or so, one substring test each (`contains_any`) is cheaper still.

A case-sensitive gate goes further: each fragment is looked for from its rarest character ("twitter" from its "w",
checking "tw" behind it), so the search skips, in its fast scan for the characters the pattern starts with, every
position holding a common letter. (With re.IGNORECASE the engine has no such scan, and the trie is used as it is.)

Where label/_scan.pyx was built, `fragment_test` answers a case-sensitive gate's question without the pattern: a
compiled scan of the text's characters in place, several times faster. `count_words` counts a text's words as
str.split finds them, without making them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from thresher.compiled import compiled_module

try:  # a pattern's parsed form and the engine's extra case partners: the re module's own, not a public API
    from re import _casefix, _constants, _parser
except ImportError:  # pragma: no cover - a Python whose re is laid out otherwise: no pattern is proven sound
    _casefix = _constants = _parser = None  # type: ignore[assignment]

# When the fragments start with at most this many distinct characters, a look-ahead at them goes before the trie:
# the search then skips the positions no fragment can start at. With more, the look-ahead costs more than it saves.
MAX_LOOKAHEAD_FIRST_CHARS = 8


def fragment_gate(fragments: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """A pattern whose `search` finds a match exactly when the text contains one of `fragments` (case-sensitive
    unless `flags` holds re.IGNORECASE). What it matches is only part of the fragment found: test it for None."""
    fragments = list(fragments)
    if not all(fragments):
        raise ValueError("an empty fragment would match every text")
    if fragments and not flags & re.IGNORECASE:
        return re.compile(_pivot_pattern(fragments), flags)
    trie: dict[str, dict] = {}
    for fragment in fragments:
        node = trie
        for char in fragment:
            node = node.setdefault(char, {})
        node[""] = {}  # a fragment ends here
    if not trie:
        return re.compile("(?!)")  # no fragments: nothing matches
    pattern = _trie_pattern(trie)
    if len(trie) <= MAX_LOOKAHEAD_FIRST_CHARS:
        pattern = "(?=[" + "".join(re.escape(char) for char in sorted(trie)) + "])" + pattern
    return re.compile(pattern, flags)


def fragment_test_python(fragments: Iterable[str]) -> Callable[[str], bool]:
    """The definition of `fragment_test`: the fragment gate's search, found or not."""
    search = fragment_gate(fragments).search

    def occurs_in(text: str) -> bool:
        return search(text) is not None

    return occurs_in


def count_words_python(text: str, limit: int) -> int:
    """The definition of `count_words`: len(text.split(None, limit))."""
    return len(text.split(None, limit))


def more_words_than_python(text: str, limit: int) -> bool:
    """The definition of `more_words_than`: len(text.split(None, limit)) > limit."""
    return count_words_python(text, limit) > limit


# label/_scan.pyx's module when it was built: the fragment test and the word count compiled, reading the text's
# characters in place (a pattern's search costs several times as much; str.split makes a string of every word only
# for them to be counted); None keeps the Python code. tests/test_scan_compiled.py holds the twins to the definitions.
_SCAN = compiled_module("thresher.label._scan")


def fragment_test(fragments: Iterable[str]) -> Callable[[str], bool]:
    """A function telling whether a text contains one of `fragments` (case-sensitive), as fragment_gate's pattern
    would find: the compiled search where it was built."""
    fragments = tuple(fragments)
    if _SCAN is not None:
        return _SCAN.FragmentSet(fragments).occurs_in
    return fragment_test_python(fragments)


# len(text.split(None, limit)): the words of a text (separated by white space as str.split sees it), counted up to
# limit + 1 (all of them for a negative limit), and whether there are more than `limit`, without making the words.
count_words: Callable[[str, int], int] = count_words_python if _SCAN is None else _SCAN.count_words
more_words_than: Callable[[str, int], bool] = more_words_than_python if _SCAN is None else _SCAN.more_words_than


# Characters of running text (English, German, French, Spanish, lower-cased), most frequent first; any other
# character is rarer than all of these. A case-sensitive gate's search stops only at its fragments' rarest characters.
TEXT_CHARS_BY_FREQUENCY = " etaonisrhdlcumwfgypbvkjxqz"


def _rarity(char: str) -> int:
    rank = TEXT_CHARS_BY_FREQUENCY.find(char)
    return len(TEXT_CHARS_BY_FREQUENCY) if rank < 0 else rank


def _pivot_pattern(fragments: list[str]) -> str:
    """Each fragment as its rarest character (the first of equals), the rest of the fragment after it and, in a
    look-behind, the part before it: "twitter" is `w(?<=tw)itter`. Fragments sharing that character share a branch."""
    by_pivot: dict[str, set[tuple[str, str]]] = {}
    for fragment in fragments:
        at = min(range(len(fragment)), key=lambda i: (-_rarity(fragment[i]), i))
        by_pivot.setdefault(fragment[at], set()).add((fragment[: at + 1], fragment[at + 1 :]))
    branches = []
    for pivot, parts in sorted(by_pivot.items()):
        # after the pivot is matched, the look-behind sees the fragment up to and including it
        rests = [
            ("(?<=" + re.escape(upto) + ")" if len(upto) > 1 else "") + re.escape(rest) for upto, rest in sorted(parts)
        ]
        branches.append(re.escape(pivot) + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")"))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _trie_pattern(node: dict[str, dict]) -> str:
    if "" in node:
        return ""  # a fragment ends here: its longer extensions add nothing to whether one occurs
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def contains_any(text: str, fragments: tuple[str, ...]) -> bool:
    """Whether `text` contains one of `fragments` (a few: each is one substring search)."""
    for fragment in fragments:
        if fragment in text:
            return True
    return False


# The non-ASCII characters matching an ASCII one when ignoring case: dotted and dotless i, long s, Kelvin sign.
ASCII_CASE_PARTNERS = "\u0130\u0131\u017f\u212a"
_CASE_PARTNER_CHARS = tuple(ASCII_CASE_PARTNERS)


def lowering_is_ignoring_case(text: str) -> bool:
    """Whether comparing `text` ignoring case, with characters that are their own lower case and have no extra case
    partners (see lowered_twin_is_sound), is comparing text.lower(), position for position: true for text without
    ASCII_CASE_PARTNERS."""
    return text.isascii() or not contains_any(text, _CASE_PARTNER_CHARS)


def lowered_twin_is_sound(pattern: re.Pattern[str]) -> bool:
    """Whether `pattern`, ignoring case, matches text without ASCII_CASE_PARTNERS exactly where its case-sensitive twin
    matches the lower-cased text. True when every character the pattern names (as a literal, a class member or within
    a range) is its own lower case, and is ASCII or a character the engine matches, ignoring case, only by its lower
    case (no extra case partners, as Greek final sigma has); ranges stay within ASCII. Then lower-casing such text maps
    each character to one character, the one the engine compares it as, and keeps its category (\\w, \\s, \\d);
    the only extra partners of ASCII letters (dotless i, long s) are among ASCII_CASE_PARTNERS."""
    if _parser is None:
        return False
    for low, high in _named_ranges(_parser.parse(pattern.pattern, pattern.flags)):
        if low != high and high >= 128:
            return False
        for code in range(low, high + 1):
            char = chr(code)
            if char.lower() != char or char in ASCII_CASE_PARTNERS:
                return False
            if code >= 128 and code in _casefix._EXTRA_CASES:
                return False
    return True


def _named_ranges(parsed: _parser.SubPattern) -> Iterator[tuple[int, int]]:
    """The character codes a parsed pattern names as literals, class members or ranges, as (first, last) ranges."""
    for op, arg in parsed:
        if op in (_constants.LITERAL, _constants.NOT_LITERAL):
            yield arg, arg
        elif op is _constants.IN:
            for item_op, item in arg:
                if item_op in (_constants.LITERAL, _constants.NOT_LITERAL):
                    yield item, item
                elif item_op is _constants.RANGE:
                    yield item
        elif op is _constants.SUBPATTERN:
            yield from _named_ranges(arg[3])
        elif op is _constants.BRANCH:
            for alternative in arg[1]:
                yield from _named_ranges(alternative)
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            yield from _named_ranges(arg[2])
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
            yield from _named_ranges(arg[1])
        elif op is _constants.ATOMIC_GROUP:
            yield from _named_ranges(arg)
        elif op is _constants.GROUPREF_EXISTS:
            for branch in arg[1:]:
                if branch is not None:
                    yield from _named_ranges(branch)


class CaselessSearch:
    """A case-insensitive pattern's search or match, faster and with the same answer.

    Ignoring case is lower-casing, on ASCII text and on any text without ASCII_CASE_PARTNERS: the pattern compiled
    without IGNORECASE, run on the lower-cased text, matches the same span. It is faster because the engine skips, on
    its first character, every alternative of a case-sensitive alternation whose first letter differs, and must enter
    every one when ignoring case. Sound only for a pattern `lowered_twin_is_sound` accepts (others are refused); text
    holding a partner is searched with the pattern itself.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE:
            raise ValueError("the pattern does not ignore case")
        self.pattern = pattern
        self.lowered_twin: re.Pattern[str] | None = None  # without the re module's parser: the pattern itself
        if _parser is not None:
            if not lowered_twin_is_sound(pattern):
                raise ValueError("the pattern names a letter that lower-casing would not match as the engine does")
            self.lowered_twin = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def span(self, text: str, lowered: str) -> tuple[int, int] | None:
        """The span of the pattern's first match in `text` (`lowered` is text.lower()), or None."""
        found = self.search(text, lowered)
        return None if found is None else found.span()

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        """The pattern's first match in `text` (`lowered` is text.lower()): its positions and groups are those of the
        match in `text`, but the matched string may be the lower-cased one."""
        if self.lowered_twin is not None and lowering_is_ignoring_case(text):
            return self.lowered_twin.search(lowered)
        return self.pattern.search(text)

    def match(self, text: str, lowered: str) -> re.Match[str] | None:
        """The pattern's match at the start of `text`, as `search` finds matches anywhere."""
        if self.lowered_twin is not None and lowering_is_ignoring_case(text):
            return self.lowered_twin.match(lowered)
        return self.pattern.match(text)
