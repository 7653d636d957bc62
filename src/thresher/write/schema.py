"""The output schema of a corpus run: one row per document, the same columns in Parquet and JSONL.

Kept documents go to `OUTDIR/kept/`, rejected ones to `OUTDIR/rejected/`; rejected rows add the step that rejected the
document and its reason. docs/corpus.md documents every column.
"""

from __future__ import annotations

import pyarrow as pa

REMOVED_BLOCK = pa.struct([("text", pa.string()), ("label", pa.string()), ("reason", pa.string())])
DECISION = pa.struct([("step", pa.string()), ("kept", pa.bool_()), ("reason", pa.string())])
SOURCE = pa.struct(
    [
        ("file", pa.string()),  # the input file (path or URL)
        ("position", pa.string()),  # WARC-Record-ID, "line N" (JSONL), "row N" (Parquet) or "file"
        ("http_status", pa.int32()),  # from the WARC response record's HTTP header, when there was one
        ("content_type", pa.string()),  # declared MIME type of the payload, when there was one
    ]
)

ENCODING = pa.struct(
    [
        ("charset", pa.string()),  # the charset the payload was decoded with; null for text fields (never bytes)
        ("method", pa.string()),  # how it was chosen: bom, meta, declared, utf-8, utf-8-replace, detected
        ("declared", pa.string()),  # the charset the HTTP header declared, when it declared one
    ]
)

KEPT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("url", pa.string()),
        ("text", pa.string()),
        ("title", pa.string()),
        ("published", pa.string()),  # ISO 8601 as found on the page
        ("author", pa.string()),
        ("language", pa.string()),
        ("language_score", pa.float64()),
        ("signals", pa.map_(pa.string(), pa.float64())),  # quality signals: name -> value
        ("dedup_cluster", pa.string()),  # id of the first document of its duplicate cluster, if any
        ("removed", pa.list_(REMOVED_BLOCK)),  # every removed block, with its label and reason
        ("flags", pa.list_(pa.string())),
        ("decisions", pa.list_(DECISION)),  # each step's verdict, in order
        ("source", SOURCE),
        ("encoding", ENCODING),  # how the payload bytes became text
    ]
)

REJECTED_SCHEMA = KEPT_SCHEMA.append(pa.field("rejected_step", pa.string())).append(
    pa.field("rejected_reason", pa.string())
)


def schema_for(kept: bool) -> pa.Schema:
    return KEPT_SCHEMA if kept else REJECTED_SCHEMA
