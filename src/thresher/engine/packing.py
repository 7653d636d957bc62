"""A Document as the phase-1 spill stores it: plain tuples of strings and numbers, only what phases 2-3 read.

Pickling a Document directly goes through Python-level state hooks for each of its ~200 blocks and keeps fields
no later phase reads (element paths, links, tags); plain lists and tuples pickle in C. Phase 3 needs, per block, its text,
role, label and reason (the output text, the removed-block account and site boilerplate), and the page-level
fields the output row names; `unpack` rebuilds a Document holding exactly those.
"""

from __future__ import annotations

from itertools import repeat
from operator import attrgetter
from typing import Any

from thresher.model import Block, Decision, Document, Label, Role
from thresher.write.rows import Provenance

# Bumped whenever the spill's layout changes: a run directory spilled in another format is not resumed (the run's
# manifest records this number).
SPILL_FORMAT = 2

# Page-level fields carried through the spill: every one the output row or the global phase reads.
CARRIED_FIELDS = (
    "mode",
    "id",
    "url",
    "title",
    "published",
    "author",
    "language",
    "language_score",
    "source_path",
    "record_id",
    "dedup_cluster",
)

_ROLES = {role.value: role for role in Role}
_LABELS: dict[str | None, Label | None] = {None: None, **{label.value: label for label in Label}}
# Enum member -> its value, read by C-level lookups (`.value` goes through a Python-level descriptor per block).
_ROLE_VALUES = {role: role._value_ for role in Role}
_LABEL_VALUES: dict[Label | None, str | None] = {None: None, **{label: label._value_ for label in Label}}
_TEXT, _ROLE, _LABEL, _REASON = attrgetter("text"), attrgetter("role"), attrgetter("label"), attrgetter("reason")
_TAG, _GROUP = attrgetter("tag"), attrgetter("group")


def pack(doc: Document, provenance: Provenance, block_hashes: list[int | None] | None = None) -> tuple[Any, ...]:
    """The document as plain values; `block_hashes` (site-boilerplate line hashes of its body blocks, computed in
    phase 1) ride along so phase 3 does not hash the same lines again (`packed_block_hashes`)."""
    # Blocks as columns (texts, roles, labels, reasons, tags, groups), each gathered by map() with C-level getters: a
    # page has some 200 blocks, and a few flat lists pickle and unpickle faster than 200 small tuples.
    blocks = doc.blocks
    columns = (
        list(map(_TEXT, blocks)),
        list(map(_ROLE_VALUES.__getitem__, map(_ROLE, blocks))),
        list(map(_LABEL_VALUES.__getitem__, map(_LABEL, blocks))),
        list(map(_REASON, blocks)),
        list(map(_TAG, blocks)),
        list(map(_GROUP, blocks)),
    )
    decisions = [(d.step, d.kept, d.reason) for d in doc.decisions]
    fields = tuple(getattr(doc, name) for name in CARRIED_FIELDS)
    return (
        fields,
        columns,
        decisions,
        list(doc.flags),
        dict(doc.signals),
        (provenance.http_status, provenance.content_type, provenance.charset, provenance.decode_method,
         provenance.declared_charset),
        block_hashes,
    )


def unpack(packed: tuple[Any, ...]) -> tuple[Document, Provenance]:
    fields, (texts, roles, labels, reasons, tags, groups), decisions, flags, signals, source = packed[:6]
    doc = Document(**dict(zip(CARRIED_FIELDS, fields)))
    # map() calls Block with the columns' values at C level: half the cost of a comprehension unpacking tuples.
    # Block's positional fields: index, text, role, label, reason, language, line_no, path, tag, link_density, group.
    none = repeat(None)
    doc.blocks = list(
        map(
            Block, range(len(texts)), texts, map(_ROLES.__getitem__, roles), map(_LABELS.__getitem__, labels), reasons,
            none, none, none, tags, repeat(0.0), groups,
        )
    )
    doc.decisions = [Decision(step, kept, reason) for step, kept, reason in decisions]
    doc.flags = flags
    doc.signals = signals
    return doc, Provenance(*source)


def packed_block_hashes(packed: tuple[Any, ...]) -> list[int | None] | None:
    return packed[6]
