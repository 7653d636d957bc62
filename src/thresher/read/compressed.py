"""Open an input file's bytes, undoing .gz/.zst compression, and say afterwards if the data ended early.

Python's `gzip` raises on a truncated file before handing out what it had already decompressed, and `zstandard`'s
stream reader ends quietly: both would lose records without a trace. These streams return every byte that could be
recovered and then set `truncated` / `error`, so a reader can emit a rejected record for the damage.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO, Protocol

from thresher.read.gzip_members import GZIP_MAGIC, RAW_CHUNK_BYTES, GzipMemberStream

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
# Plain bytes asked of a stream per read when splitting it into lines.
LINE_CHUNK_BYTES = 1 << 20


class DamageAware(Protocol):
    truncated: bool
    error: str | None

    def read(self, n: int = -1) -> bytes: ...


class PlainStream:
    """An uncompressed file: never damaged as far as the container goes."""

    truncated = False
    error: str | None = None

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw

    def read(self, n: int = -1) -> bytes:
        return self._raw.read(n)


class ZstdFrameStream:
    """Multi-frame zstd, decompressed chunk by chunk; a frame cut short sets `truncated`."""

    def __init__(self, raw: BinaryIO) -> None:
        import zstandard

        self._zstd = zstandard
        self._raw = raw
        self._dec = zstandard.ZstdDecompressor().decompressobj()
        self._in_frame = False  # bytes of the current frame were fed but its end not seen yet
        self._out = bytearray()
        self._done = False
        self.truncated = False
        self.error: str | None = None

    def _more(self) -> bool:
        chunk = self._raw.read(RAW_CHUNK_BYTES)
        if not chunk:
            self.truncated = self._in_frame
            return False
        while chunk:
            try:
                self._out += self._dec.decompress(chunk)
            except self._zstd.ZstdError as exc:
                self.error = f"corrupt zstd data ({exc})"
                return False
            self._in_frame = not self._dec.eof
            chunk = self._dec.unused_data if self._dec.eof else b""
            if self._dec.eof:
                self._dec = self._zstd.ZstdDecompressor().decompressobj()
                self._in_frame = bool(chunk)
        return True

    def read(self, n: int = -1) -> bytes:
        want = n if n >= 0 else 1 << 62
        while len(self._out) < want and not self._done:
            if not self._more():
                self._done = True
        chunk = bytes(self._out[:want])
        del self._out[:want]
        return chunk


def decompressing(raw: BinaryIO, path: str) -> DamageAware:
    """A plain-bytes stream over `raw`, chosen by magic bytes (the name is only a fallback hint)."""
    pos = raw.tell()
    head = raw.read(4)
    raw.seek(pos)
    if head.startswith(GZIP_MAGIC):
        return GzipMemberStream(raw, base=pos)
    if head == ZSTD_MAGIC:
        return ZstdFrameStream(raw)
    return PlainStream(raw)


def damage_of(stream: DamageAware) -> str | None:
    if stream.error:
        return stream.error
    if stream.truncated:
        return "file truncated: compressed data ends early"
    return None


def iter_lines(stream: DamageAware) -> Iterator[bytes]:
    """Lines (without the newline) of a plain-bytes stream, without loading the file."""
    rest = b""
    while True:
        chunk = stream.read(LINE_CHUNK_BYTES)
        if not chunk:
            break
        rest += chunk
        lines = rest.split(b"\n")
        rest = lines.pop()
        yield from lines
    if rest:
        yield rest
