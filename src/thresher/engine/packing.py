"""A Document as the phase-1 spill stores it: plain tuples of strings and numbers, only what phases 2-3 read.

Pickling a Document directly goes through Python-level state hooks for each of its ~200 blocks and keeps fields
no later phase reads (element paths, links, tags); plain tuples pickle in C. Phase 3 needs, per block, its text,
role, label and reason (the output text, the removed-block account and site boilerplate), and the page-level
fields the output row names; `unpack` rebuilds a Document holding exactly those.
"""

from __future__ import annotations

from typing import Any

from thresher.model import Block, Decision, Document, Label, Role
from thresher.write.rows import Provenance

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
_LABELS = {label.value: label for label in Label}


def pack(doc: Document, provenance: Provenance) -> tuple[Any, ...]:
    # `_value_` is the member's plain attribute; `.value` goes through a Python-level descriptor, per block.
    blocks = [
        (b.text, b.role._value_, b.label._value_ if b.label is not None else None, b.reason) for b in doc.blocks
    ]
    decisions = [(d.step, d.kept, d.reason) for d in doc.decisions]
    fields = tuple(getattr(doc, name) for name in CARRIED_FIELDS)
    return (
        fields,
        blocks,
        decisions,
        list(doc.flags),
        dict(doc.signals),
        (provenance.http_status, provenance.content_type, provenance.charset, provenance.decode_method,
         provenance.declared_charset),
    )


def unpack(packed: tuple[Any, ...]) -> tuple[Document, Provenance]:
    fields, blocks, decisions, flags, signals, source = packed
    doc = Document(**dict(zip(CARRIED_FIELDS, fields)))
    doc.blocks = [
        Block(i, text, _ROLES[role], _LABELS[label] if label is not None else None, reason)
        for i, (text, role, label, reason) in enumerate(blocks)
    ]
    doc.decisions = [Decision(step, kept, reason) for step, kept, reason in decisions]
    doc.flags = flags
    doc.signals = signals
    return doc, Provenance(*source)
