"""WARC and WET files (`.warc`, `.warc.gz`) through fastwarc, guarded against damaged files.

`response` and `resource` records carry pages (HTTP status, content type and charset come from the HTTP headers);
WET `conversion` records carry plain text. `warcinfo`, `request` and `metadata` records describe a crawl, not a page,
and are passed over. Everything else that comes out is a `Record`, usable or with the reason it is not.

Damage handling (fastwarc on its own stops at the first bad header and drops the rest of the file, and may drop a
truncated last record without a word): records are read one ahead, so when a header fails to parse the record before
it can be checked against its own Content-Length; the damaged stretch becomes a rejected record and reading resumes at
the next record header (the next gzip member for `.gz`).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from thresher.read.gzip_members import GZIP_MAGIC, GzipMemberStream, member_end, read_member
from thresher.read.record import Record, damaged

# Record types that hold a page or its text; the others (warcinfo, request, metadata) describe the crawl.
PAGE_RECORD_TYPES = (
    WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion | WarcRecordType.revisit
)
# Content types cleaned as HTML and as plain text; anything else is rejected as a non-page payload.
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})
TEXT_CONTENT_TYPES = frozenset({"text/plain"})
# A payload larger than this is rejected rather than cleaned: no article is this long, and it bounds worker memory.
DEFAULT_MAX_PAYLOAD_BYTES = 16 << 20
# How far to look for the blank line that ends a WARC header when checking a record's framing by hand.
MAX_HEADER_BYTES = 1 << 16
# Bytes scanned per step when looking for the next record after damage.
RESYNC_SCAN_BYTES = 1 << 20

_WARC_START = re.compile(rb"(?:^|\n)WARC/1\.[01]\r?\n")
_CONTENT_LENGTH = re.compile(rb"\ncontent-length:[ \t]*(\d+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WarcOptions:
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES  # larger payloads are rejected, not cleaned


def is_gzip(raw: BinaryIO) -> bool:
    pos = raw.tell()
    head = raw.read(len(GZIP_MAGIC))
    raw.seek(pos)
    return head == GZIP_MAGIC


def read_warc(
    raw: BinaryIO,
    source_path: str,
    start: int = 0,
    end: int | None = None,
    options: WarcOptions = WarcOptions(),
) -> Iterator[Record]:
    """Records whose header starts in raw byte range [start, end) of a seekable WARC file (plain or gzip)."""
    raw.seek(start)
    gz = is_gzip(raw)
    offset: int | None = start
    while offset is not None and (end is None or offset < end):
        offset = yield from _read_from(raw, source_path, offset, end, gz, options)


def _read_from(
    raw: BinaryIO, source_path: str, offset: int, end: int | None, gz: bool, options: WarcOptions
) -> Iterator[Record]:
    """Read until the end or the first damage; return the raw offset to resume at (None when done)."""
    raw.seek(offset)
    stream: BinaryIO | GzipMemberStream = GzipMemberStream(raw, base=offset, stop_at=end) if gz else raw
    pending: Record | None = None
    pending_raw = offset

    def raw_of(plain_pos: int) -> int:
        return stream.raw_offset_of(plain_pos) if isinstance(stream, GzipMemberStream) else plain_pos  # fastwarc counts from tell()

    last_raw: int | None = None  # raw offset of the last record of any type (crawl records count for the tail check)
    try:
        # All record types are iterated so that the damage checks know where the last record, of any type, began.
        for wr in ArchiveIterator(stream, record_types=WarcRecordType.any_type, parse_http=True, min_content_length=0):
            record_raw = raw_of(wr.stream_pos)
            if not gz and end is not None and record_raw >= end:
                break
            last_raw = record_raw
            if not wr.record_type & PAGE_RECORD_TYPES:
                continue
            record = _to_record(wr, source_path, options)
            if pending is not None:
                yield pending
            pending, pending_raw = record, record_raw
            if isinstance(stream, GzipMemberStream):
                stream.forget_before(wr.stream_pos)
    except BaseException as exc:  # noqa: BLE001 - fastwarc reports some damage as a Rust panic (a BaseException)
        if not _is_reader_failure(exc):
            raise
        # A header did not parse. Either the record before it lied about its length, or the bytes after a good
        # record are damaged. Tell the two apart by checking the earlier record's framing by hand.
        pos = raw.tell()
        if pending is not None and not _frames_correctly(raw, pending_raw, gz):
            pending.problem = "damaged record: its Content-Length does not match where the next record starts"
            yield pending
            resume_from = pending_raw + 1
            skip_from = pending_raw
        else:
            if pending is not None:
                yield pending
            skip_from = _end_of_record(raw, pending_raw, gz) if pending is not None else offset
            if skip_from is None:
                skip_from = pending_raw + 1
            resume_from = skip_from + 1
        raw.seek(pos)
        nxt = find_next_record(raw, resume_from, gz, end)
        # A damaged record already accounts for its own bytes; a separate record covers any other stretch skipped.
        if (nxt is None or nxt > skip_from) and not (pending is not None and pending.problem and skip_from == pending_raw
                                                    and nxt is not None):
            until = "the end of the file" if nxt is None else f"byte {nxt}"
            yield damaged(
                source_path,
                f"bytes={skip_from}-{'' if nxt is None else nxt}",
                f"unreadable WARC data ({exc}) from byte {skip_from} to {until}; skipped",
            )
        return nxt
    broken = isinstance(stream, GzipMemberStream) and bool(stream.truncated or stream.error)
    if last_raw is not None and not broken and end is None:
        # fastwarc passes over a header it cannot read at the very end without a word: check the tail by hand.
        tail = _end_of_record(raw, last_raw, gz)
        if tail is None and pending is not None and last_raw == pending_raw:
            pending.problem = pending.problem or "damaged record: it does not end where its Content-Length says"
        elif tail is None:  # the last record is a broken header, not a page
            if pending is not None:
                yield pending
            yield damaged(source_path, f"bytes={last_raw}-", f"unreadable WARC data from byte {last_raw} to the end")
            return None
        elif _has_data_after(raw, tail):
            if pending is not None:
                yield pending
            yield damaged(source_path, f"bytes={tail}-", f"unreadable WARC data from byte {tail} to the end of the file")
            return None
    if last_raw is None and not broken and _has_data_after(raw, offset):
        # Bytes at the start of the range, yet no record came out of them: fastwarc passed over a broken header.
        yield damaged(source_path, f"bytes={offset}-", f"unreadable WARC data from byte {offset}; no record found")
        return None
    damage_reported = False
    if pending is not None:
        if broken and stream.failed_at == pending_raw:  # type: ignore[union-attr]
            if pending.problem is None:
                pending.problem = "record truncated: the file ends inside it"
            damage_reported = True
        yield pending
    if isinstance(stream, GzipMemberStream) and (stream.truncated or stream.error):
        failed_at = stream.failed_at if stream.failed_at is not None else pending_raw
        if not damage_reported:
            reason = "file truncated inside a gzip member" if stream.truncated else stream.error
            yield damaged(source_path, f"bytes={failed_at}-", f"{reason} at byte {failed_at}; the rest is lost")
        if stream.error:
            return find_next_record(raw, failed_at + 1, gz, end)
    return None


def _is_reader_failure(exc: BaseException) -> bool:
    """Errors that mean "these bytes are not a readable WARC record" (not interrupts or time-outs)."""
    return isinstance(exc, (OSError, ValueError, EOFError)) or type(exc).__name__ == "PanicException"


def _to_record(wr, source_path: str, options: WarcOptions) -> Record:  # type: ignore[no-untyped-def]
    headers = wr.headers
    record_id = (headers.get("WARC-Record-ID") or "").strip("<>") or f"{source_path}#{wr.stream_pos}"
    url = headers.get("WARC-Target-URI") or None
    record = Record(id=record_id, url=url, payload=b"", source_path=source_path, position=record_id)
    body = wr.reader.read(options.max_payload_bytes + 1)
    declared_length = wr.content_length
    if len(body) > options.max_payload_bytes:
        record.problem = f"payload too large (over {options.max_payload_bytes} bytes)"
        return record
    if len(body) < declared_length:
        record.problem = f"record truncated: {len(body)} of {declared_length} payload bytes present"
        return record
    rtype = wr.record_type
    if rtype == WarcRecordType.revisit:
        record.problem = "revisit record: no payload (the page is stored with an earlier capture)"
        return record
    if rtype == WarcRecordType.conversion:
        record.format = "text"
        record.content_type, record.charset = _split_content_type(headers.get("Content-Type") or "text/plain")
        return _with_body(record, body)
    if rtype == WarcRecordType.response:
        if not wr.http_headers:
            record.problem = "response record without an HTTP response"
            return record
        record.http_status = int(wr.http_headers.status_code)
        record.content_type, record.charset = _split_content_type(wr.http_headers.get("Content-Type") or "")
        problem = _http_problem(record.http_status, wr.http_headers.get("Location"))
        if problem:
            record.problem = problem
            return record
        encoding = (wr.http_headers.get("Content-Encoding") or "").strip().lower()
        if encoding and encoding != "identity":
            decoded = _content_decode(body, encoding)
            if decoded is None:
                record.problem = f"payload in an unsupported or broken Content-Encoding ({encoding})"
                return record
            body = decoded
    else:  # resource: the WARC header's Content-Type describes the payload itself
        record.content_type, record.charset = _split_content_type(headers.get("Content-Type") or "")
    kind = _payload_kind(record.content_type)
    if kind is None:
        record.problem = f"non-HTML payload ({record.content_type})"
        return record
    record.format = kind
    return _with_body(record, body)


def _with_body(record: Record, body: bytes) -> Record:
    if not body.strip():
        record.problem = "empty payload"
    record.payload = body
    return record


def _split_content_type(value: str) -> tuple[str | None, str | None]:
    parts = [p.strip() for p in value.split(";")]
    mime = parts[0].lower() or None
    charset = None
    for p in parts[1:]:
        key, _, val = p.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'").lower()
    return mime, charset


def _http_problem(status: int, location: str | None) -> str | None:
    if 300 <= status < 400:
        return f"HTTP {status} redirect" + (f" to {location}" if location else "")
    if status >= 400:
        return f"HTTP {status} error page"
    if status < 200 or status == 204:
        return f"HTTP {status}: no page"
    return None


def _payload_kind(mime: str | None) -> str | None:
    """'html' or 'text' for page payloads; None for images, PDFs, scripts and the rest."""
    if mime is None or mime in HTML_CONTENT_TYPES:
        return "html"  # no declared type: the page is sniffed when it is cleaned
    if mime in TEXT_CONTENT_TYPES:
        return "text"
    return None


def _content_decode(body: bytes, encoding: str) -> bytes | None:
    try:
        if encoding in ("gzip", "x-gzip"):
            return zlib.decompress(body, 16 + zlib.MAX_WBITS)
        if encoding == "deflate":
            try:
                return zlib.decompress(body)
            except zlib.error:
                return zlib.decompress(body, -zlib.MAX_WBITS)
    except zlib.error:
        return None
    return None


# -- damage checks (only run after something went wrong)


def _record_bytes(raw: BinaryIO, offset: int, gz: bool) -> tuple[bytes, bool]:
    """The record's bytes at `offset` as far as they can be read, and whether the container ended cleanly there."""
    if gz:
        return read_member(raw, offset, DEFAULT_MAX_PAYLOAD_BYTES * 2)
    raw.seek(offset)
    return raw.read(MAX_HEADER_BYTES), True


def _parse_header(data: bytes) -> tuple[int, int] | None:
    """(header length incl. the blank line, Content-Length) of the WARC record at the start of `data`."""
    head_end = data.find(b"\r\n\r\n")
    if not data.startswith(b"WARC/") or head_end < 0:
        return None
    match = _CONTENT_LENGTH.search(data[: head_end + 2])
    if match is None:
        return None
    return head_end + 4, int(match.group(1))


def _frames_correctly(raw: BinaryIO, offset: int, gz: bool) -> bool:
    """Does the record at `offset` end (header + Content-Length + CRLFCRLF) where its container says it ends?"""
    data, complete = _record_bytes(raw, offset, gz)
    parsed = _parse_header(data)
    if parsed is None:
        return False
    head, length = parsed
    if gz:
        return complete and len(data) == head + length + 4 and data.endswith(b"\r\n\r\n")
    raw.seek(offset + head + length)
    tail = raw.read(4 + len("WARC/"))
    return tail[:4] == b"\r\n\r\n" and (len(tail) == 4 or tail[4:] == b"WARC/"[: len(tail) - 4])


def _end_of_record(raw: BinaryIO, offset: int, gz: bool) -> int | None:
    if gz:
        return member_end(raw, offset)
    data, _ = _record_bytes(raw, offset, gz)
    parsed = _parse_header(data)
    return None if parsed is None else offset + parsed[0] + parsed[1] + 4


def _has_data_after(raw: BinaryIO, offset: int) -> bool:
    raw.seek(offset)
    return bool(raw.read(MAX_HEADER_BYTES).strip(b"\x00\r\n\t "))


def find_next_record(raw: BinaryIO, offset: int, gz: bool, end: int | None) -> int | None:
    """Raw offset of the first readable record header at or after `offset` (and before `end`), or None."""
    pos = offset
    while end is None or pos < end:
        raw.seek(pos)
        window = raw.read(RESYNC_SCAN_BYTES + MAX_HEADER_BYTES)
        if not window:
            return None
        if gz:
            hit = window.find(GZIP_MAGIC)
            while 0 <= hit < RESYNC_SCAN_BYTES:
                head, _ = read_member(raw, pos + hit, len("WARC/1.0"))
                if head.startswith(b"WARC/1."):
                    return pos + hit
                hit = window.find(GZIP_MAGIC, hit + 1)
        else:
            for match in _WARC_START.finditer(window):
                start = match.start() + (1 if window[match.start() : match.start() + 1] == b"\n" else 0)
                if start < RESYNC_SCAN_BYTES or len(window) <= RESYNC_SCAN_BYTES + MAX_HEADER_BYTES:
                    if pos + start >= offset:
                        return pos + start
        if len(window) <= RESYNC_SCAN_BYTES:
            return None
        pos += RESYNC_SCAN_BYTES
    return None
