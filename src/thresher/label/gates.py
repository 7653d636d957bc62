"""Cheap gates in front of costly patterns: does a text hold any of a set of plain fragments?

A regular expression alternation of plain fragments tries every fragment at every position of the text; the same
fragments laid out as a trie (one branch per distinct next character) cost one branch per character instead. The
answer is the same: the gate only says whether some fragment occurs, so it stops at the shortest one found. For a
dozen fragments or so, one substring test each (`contains_any`) is cheaper still.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


# When the fragments start with at most this many distinct characters, a look-ahead at them goes before the trie:
# the search then skips the positions no fragment can start at. With more, the look-ahead costs more than it saves.
MAX_LOOKAHEAD_FIRST_CHARS = 8


def fragment_gate(fragments: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """A pattern whose `search` finds a match exactly when the text contains one of `fragments` (case-sensitive
    unless `flags` holds re.IGNORECASE)."""
    trie: dict[str, dict] = {}
    for fragment in fragments:
        if not fragment:
            raise ValueError("an empty fragment would match every text")
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
