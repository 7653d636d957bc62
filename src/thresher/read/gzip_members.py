"""A gzip reader that survives damage and knows where each gzip member starts in the raw file.

WARC files are usually "one gzip member per record", which is what makes them seekable. fastwarc's own gzip reader
stops silently at a truncated member and may drop the record inside it; Python's `gzip` module raises before returning
the data it already decompressed. This reader hands out every byte it could decompress, then reports what went wrong
(`truncated`, `error`) and where (`failed_at`), so the WARC reader can emit a rejected record for the damage and
resume at the next member.
"""

from __future__ import annotations

import bisect
import zlib
from typing import BinaryIO

# Raw bytes read per call: large enough that the per-call overhead vanishes, small enough to keep memory flat.
RAW_CHUNK_BYTES = 1 << 18
# zlib window bits that accept one gzip member (header + deflate + trailer).
GZIP_WBITS = 16 + zlib.MAX_WBITS
GZIP_MAGIC = b"\x1f\x8b\x08"
# What some writers leave after the last member; not damage.
PADDING_BYTES = b"\x00\r\n\t "
# Plain bytes produced per decompress call: bounds memory on a "gzip bomb" member.
MAX_PLAIN_PER_CALL = 1 << 22


class GzipMemberStream:
    """File-like `.read(n)` over a multi-member gzip stream starting at raw offset `base` of `raw`.

    `stop_at` (a raw offset) ends the stream at the first member starting at or after it: a reader given a byte range
    reads the records whose gzip member starts inside the range, and no others.
    """

    def __init__(self, raw: BinaryIO, base: int = 0, stop_at: int | None = None) -> None:
        self._raw = raw
        self._raw_pos = base  # raw offset of the next byte to read from `raw`
        self._stop_at = stop_at
        self._out = bytearray()
        self._dec: zlib._Decompress | None = None
        self._pending_raw = b""  # raw bytes read but not yet fed to a decompressor
        self._raw_eof = False
        self.truncated = False  # the file ended inside a member
        self.error: str | None = None  # the data could not be decompressed
        self.failed_at: int | None = None  # raw offset of the member where reading stopped on damage
        self.stopped_at_range_end = False
        # (plain offset, raw offset) of each member start, to map a record's plain position back to the raw file.
        self._starts_plain: list[int] = []
        self._starts_raw: list[int] = []
        self._decoded_total = 0  # plain bytes produced so far

    # -- mapping

    def raw_offset_of(self, plain_pos: int) -> int:
        """Raw offset of the member holding the plain byte `plain_pos`."""
        i = bisect.bisect_right(self._starts_plain, plain_pos) - 1
        return self._starts_raw[max(i, 0)] if self._starts_raw else 0

    def forget_before(self, plain_pos: int) -> None:
        """Drop member starts before the one holding `plain_pos` (keeps the map small on long files)."""
        i = bisect.bisect_right(self._starts_plain, plain_pos) - 1
        if i > 0:
            del self._starts_plain[:i]
            del self._starts_raw[:i]

    # -- reading

    def _fill_raw(self) -> bool:
        if self._raw_eof:
            return False
        chunk = self._raw.read(RAW_CHUNK_BYTES)
        if not chunk:
            self._raw_eof = True
            return False
        self._pending_raw += chunk
        return True

    def _start_member(self) -> bool:
        """Begin the next member at the current raw position; False at the end of the stream or range."""
        while len(self._pending_raw) < len(GZIP_MAGIC) and self._fill_raw():
            pass
        if not self._pending_raw:
            return False
        member_raw = self._raw_pos
        if self._stop_at is not None and member_raw >= self._stop_at:
            self.stopped_at_range_end = True
            return False
        if not self._pending_raw.startswith(GZIP_MAGIC):
            if not self._pending_raw.strip(PADDING_BYTES) and not self._fill_raw():
                return False  # padding after the last member is harmless
            self.error = "bytes that are not gzip data"
            self.failed_at = member_raw
            return False
        self._dec = zlib.decompressobj(GZIP_WBITS)
        self._starts_plain.append(self._decoded_total)
        self._starts_raw.append(member_raw)
        return True

    def _decode_some(self) -> bool:
        """Decompress one bounded piece; False when nothing more can come out."""
        if self._dec is None or self._dec.eof:
            # The bytes after a finished member (already back in `_pending_raw`) belong to the next member.
            self._dec = None
            if not self._start_member():
                return False
        assert self._dec is not None
        if not self._pending_raw and not self._fill_raw():
            self.truncated = True
            self.failed_at = self._starts_raw[-1] if self._starts_raw else self._raw_pos
            return False
        data, self._pending_raw = self._pending_raw, b""
        try:
            out = self._dec.decompress(data, MAX_PLAIN_PER_CALL)
        except zlib.error as exc:
            self.error = f"corrupt gzip data ({exc})"
            self.failed_at = self._starts_raw[-1] if self._starts_raw else self._raw_pos
            return False
        rest = self._dec.unused_data if self._dec.eof else self._dec.unconsumed_tail
        self._raw_pos += len(data) - len(rest)
        self._pending_raw = bytes(rest)
        self._decoded_total += len(out)
        self._out += out
        return True

    def read(self, n: int = -1) -> bytes:
        want = n if n is not None and n >= 0 else 1 << 62
        while len(self._out) < want and self.error is None and not self.truncated:
            if not self._decode_some():
                break
        if n is None or n < 0:
            chunk, self._out = bytes(self._out), bytearray()
        else:
            chunk = bytes(self._out[:n])
            del self._out[:n]
        return chunk

    def tell(self) -> int:
        """Plain bytes handed out so far (fastwarc counts record positions from here)."""
        return self._decoded_total - len(self._out)

    def readable(self) -> bool:
        return True

    def close(self) -> None:  # the raw file belongs to the caller
        pass


def read_member(raw: BinaryIO, offset: int, limit: int) -> tuple[bytes, bool]:
    """Decompress the one member at `offset` (at most `limit` plain bytes): (data, complete)."""
    raw.seek(offset)
    dec = zlib.decompressobj(GZIP_WBITS)
    out = bytearray()
    try:
        while not dec.eof and len(out) <= limit:
            chunk = raw.read(RAW_CHUNK_BYTES)
            if not chunk:
                break
            out += dec.decompress(chunk, limit + 1 - len(out))
            while dec.unconsumed_tail and len(out) <= limit:
                out += dec.decompress(dec.unconsumed_tail, limit + 1 - len(out))
    except zlib.error:
        return bytes(out), False
    return bytes(out), dec.eof


def member_end(raw: BinaryIO, offset: int) -> int | None:
    """Raw offset just past the complete member at `offset`, or None if it is damaged or truncated."""
    raw.seek(offset)
    dec = zlib.decompressobj(GZIP_WBITS)
    pos = offset
    try:
        while not dec.eof:
            chunk = raw.read(RAW_CHUNK_BYTES)
            if not chunk:
                return None
            pos += len(chunk)
            dec.decompress(chunk, MAX_PLAIN_PER_CALL)  # only the framing matters: the output is thrown away
            while dec.unconsumed_tail and not dec.eof:
                dec.decompress(dec.unconsumed_tail, MAX_PLAIN_PER_CALL)
    except zlib.error:
        return None
    return pos - len(dec.unused_data)
