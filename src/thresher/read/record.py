"""What a reader hands the engine: one crawl record, usable or not.

A reader never drops anything. A record it cannot use (a 404, a PDF, a damaged stretch of a WARC file) still comes out,
with `problem` set to the reason a person can read; the engine turns it into a rejected document. Records are small and
picklable so a worker can send them across processes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Format = Literal["html", "text"]


@dataclass(slots=True)
class Record:
    """One page (or one unusable stretch) read from an input file."""

    id: str
    url: str | None
    payload: bytes | str  # raw bytes from WARC/files; str from JSONL/Parquet text fields
    format: Format = "html"
    source_path: str = ""
    # Where in the source file: the WARC-Record-ID for WARC/WET, "line N" for JSONL, "row N" for Parquet, or the file
    # name for a folder of pages.
    position: str = ""
    http_status: int | None = None
    content_type: str | None = None
    charset: str | None = None  # the charset the HTTP header (or the record) declares, if any
    problem: str | None = None  # set when the record cannot be used: the rejection reason
    problem_step: str = "read"  # the step named on the rejection ("read", or "budget" for time-outs)

    @property
    def usable(self) -> bool:
        return self.problem is None


def damaged(source_path: str, position: str, reason: str, record_id: str | None = None, url: str | None = None) -> Record:
    """A record standing for a part of a file that could not be read, so the damage shows up in the output."""
    return Record(
        id=record_id or f"{source_path}#{position}",
        url=url,
        payload=b"",
        source_path=source_path,
        position=position,
        problem=reason,
    )
