"""A Document as one output row (a plain dict matching `schema.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thresher.model import Document


@dataclass(frozen=True, slots=True)
class Provenance:
    """What the reader knew about a record that the Document does not carry."""

    http_status: int | None = None
    content_type: str | None = None
    charset: str | None = None  # the charset the payload was decoded with (a Python codec name)
    decode_method: str | None = None  # how it was chosen: "bom", "meta", "declared", "utf-8", "detected", ...
    declared_charset: str | None = None  # the charset the HTTP header (or the record) declared, if any


def document_row(doc: Document, provenance: Provenance = Provenance()) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": doc.id,
        "url": doc.url,
        "text": doc.text,
        "title": doc.title,
        "published": doc.published,
        "author": doc.author,
        "language": doc.language,
        "language_score": doc.language_score,
        # Sorted so the same document always serialises the same way.
        "signals": sorted((k, float(v)) for k, v in doc.signals.items()),
        "dedup_cluster": doc.dedup_cluster,
        "removed": [
            # `_value_`: the plain attribute behind `.value`, read without a descriptor call per block.
            {"text": b.text, "label": b.label._value_ if b.label is not None else None, "reason": b.reason}
            for b in doc.removed()
        ],
        "flags": list(doc.flags),
        "decisions": [{"step": d.step, "kept": d.kept, "reason": d.reason} for d in doc.decisions],
        "source": {
            "file": doc.source_path,
            "position": doc.record_id,
            "http_status": provenance.http_status,
            "content_type": provenance.content_type,
        },
        "encoding": {
            "charset": provenance.charset,
            "method": provenance.decode_method,
            "declared": provenance.declared_charset,
        },
    }
    rejection = doc.rejection
    if rejection is not None:
        row["rejected_step"] = rejection.step
        row["rejected_reason"] = rejection.reason
    return row


def jsonable(row: dict[str, Any]) -> dict[str, Any]:
    """The row as JSON wants it: the signals map becomes an object."""
    out = dict(row)
    out["signals"] = dict(row["signals"])
    return out
