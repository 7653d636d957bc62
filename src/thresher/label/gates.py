"""Cheap gates in front of costly patterns: does a text hold any of a set of plain fragments?

A regular expression alternation of plain fragments tries every fragment at every position of the text; the same
fragments laid out as a trie (one branch per distinct next character) cost one branch per character instead. The
answer is the same: the gate only says whether some fragment occurs, so it stops at the shortest one found. For a
dozen fragments or so, one substring test each (`contains_any`) is cheaper still.

A case-sensitive gate goes further: each fragment is looked for from its rarest character ("twitter" from its "w",
checking "tw" behind it), so the search skips, in its fast scan for the characters the pattern starts with, every
position holding a common letter. (With re.IGNORECASE the engine has no such scan, and the trie is used as it is.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable


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


class CaselessSearch:
    """A case-insensitive pattern's search, faster on ASCII text and with the same answer.

    On ASCII text, ignoring case is lower-casing: the pattern compiled without IGNORECASE, searched in the lower-cased
    text, matches the same span. It is faster because the engine skips, on its first character, every alternative of
    a case-sensitive alternation whose first letter differs, and must enter every one when ignoring case. Sound only
    for a pattern whose letters are all lower-case ASCII or letters that match no ASCII character when ignoring case
    (its user's tests hold it to that); other text is searched with the pattern itself.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE:
            raise ValueError("the pattern does not ignore case")
        self.pattern = pattern
        self.lowered_twin = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def span(self, text: str, lowered: str) -> tuple[int, int] | None:
        """The span of the pattern's first match in `text` (`lowered` is text.lower()), or None."""
        found = self.lowered_twin.search(lowered) if text.isascii() else self.pattern.search(text)
        return None if found is None else found.span()
