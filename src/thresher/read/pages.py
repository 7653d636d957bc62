"""Single-page files (`.html`, `.htm`, `.txt`) from a folder or a glob: each file is one record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from thresher.read.record import Record, damaged
from thresher.read.warc import DEFAULT_MAX_PAYLOAD_BYTES

TEXT_SUFFIXES = (".txt",)


def read_pages(
    paths: Iterable[str], open_file, max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES  # type: ignore[no-untyped-def]
) -> Iterator[Record]:
    """One Record per file; `open_file(path)` opens a path (local or fsspec) for binary reading."""
    for path in paths:
        try:
            with open_file(path) as fh:
                payload = fh.read(max_payload_bytes + 1)
        except OSError as exc:
            yield damaged(path, "file", f"cannot read file ({exc.strerror or exc})")
            continue
        record = Record(
            id=path,
            url=None,
            payload=payload,
            format="text" if path.lower().endswith(TEXT_SUFFIXES) else "html",
            source_path=path,
            position="file",
        )
        if len(payload) > max_payload_bytes:
            record.problem = f"payload too large (over {max_payload_bytes} bytes)"
            record.payload = b""
        elif not payload.strip():
            record.problem = "empty payload"
        yield record
