"""JSON Lines files (`.jsonl`, `.jsonl.gz`, `.jsonl.zst`): one page per line, field names configurable.

A line that is not a JSON object, or has neither the HTML nor the text field, becomes a rejected record naming the line;
a compressed file that ends early adds one rejected record for the lost tail.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from thresher.read.compressed import damage_of, decompressing, iter_lines
from thresher.read.record import Record, damaged


@dataclass(frozen=True, slots=True)
class FieldNames:
    """Which fields of a JSONL object or Parquet row hold the page. The HTML field wins when both are present."""

    text: str = "text"
    html: str = "html"
    url: str = "url"
    id: str = "id"


def record_from_fields(row: dict[str, Any], fields: FieldNames, source_path: str, position: str) -> Record:
    """A Record from one JSON object or Parquet row."""
    raw_id = row.get(fields.id)
    record_id = str(raw_id) if raw_id not in (None, "") else f"{source_path}#{position}"
    url = row.get(fields.url)
    record = Record(
        id=record_id,
        url=str(url) if url not in (None, "") else None,
        payload="",
        source_path=source_path,
        position=position,
    )
    html, text = row.get(fields.html), row.get(fields.text)
    if html not in (None, ""):
        record.format, value = "html", html
    elif text not in (None, ""):
        record.format, value = "text", text
    else:
        record.problem = f"no '{fields.html}' or '{fields.text}' field with content"
        return record
    if isinstance(value, (bytes, bytearray)):
        record.payload = bytes(value)
    elif isinstance(value, str):
        record.payload = value
    else:
        record.problem = f"field '{fields.html if record.format == 'html' else fields.text}' is not a string"
        return record
    if not record.payload.strip():
        record.problem = "empty payload"
    return record


def read_jsonl(raw: BinaryIO, source_path: str, fields: FieldNames = FieldNames()) -> Iterator[Record]:
    stream = decompressing(raw, source_path)
    line_no = 0
    for line_no, line in enumerate(iter_lines(stream), start=1):
        if not line.strip():
            continue
        position = f"line {line_no}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield damaged(source_path, position, f"line {line_no} is not valid JSON ({str(exc).splitlines()[0]})")
            continue
        if not isinstance(row, dict):
            yield damaged(source_path, position, f"line {line_no} is not a JSON object")
            continue
        yield record_from_fields(row, fields, source_path, position)
    damage = damage_of(stream)
    if damage:
        yield damaged(source_path, f"after line {line_no}", f"{damage} after line {line_no}; the rest is lost")
