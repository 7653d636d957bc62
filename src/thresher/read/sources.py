"""From the inputs a user names (files, folders, globs, fsspec URLs) to shards: units of work for one worker.

A shard is a whole small file, a byte range of a big WARC file (cut at record starts), a run of row groups of a big
Parquet file, or a batch of single-page files. Shards are numbered in input order; the output follows that order, so
the same inputs always give the same output whatever the number of workers.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from thresher.errors import InputError
from thresher.read.jsonl import FieldNames, read_jsonl
from thresher.read.pages import read_pages
from thresher.read.parquet import read_parquet, row_group_count
from thresher.read.record import Record, damaged
from thresher.read.warc import DEFAULT_MAX_PAYLOAD_BYTES, WarcOptions, find_next_record, is_gzip, read_warc

WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".ndjson.gz", ".ndjson.zst")
PARQUET_SUFFIXES = (".parquet",)
PAGE_SUFFIXES = (".html", ".htm", ".txt")

# A WARC or Parquet file bigger than this is split into several shards so that workers share one big file.
DEFAULT_SHARD_BYTES = 64 << 20
# Single-page files are batched this many to a shard: one shard per file would drown the work in overhead.
DEFAULT_PAGES_PER_SHARD = 256


@dataclass(frozen=True, slots=True)
class InputOptions:
    """The `[input]` table of a run config."""

    fields: FieldNames = field(default_factory=FieldNames)  # JSONL / Parquet field names
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES  # larger pages are rejected, not cleaned
    shard_bytes: int = DEFAULT_SHARD_BYTES  # split WARC / Parquet files bigger than this
    pages_per_shard: int = DEFAULT_PAGES_PER_SHARD  # single-page files per shard


@dataclass(frozen=True, slots=True)
class Shard:
    index: int
    kind: str  # "warc", "jsonl", "parquet" or "pages"
    paths: tuple[str, ...]  # one file, or the batch of single-page files
    start: int = 0  # byte offset (warc) or first row group (parquet)
    end: int | None = None  # exclusive; None = to the end of the file

    @property
    def label(self) -> str:
        name = self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} (+{len(self.paths) - 1} files)"
        if self.start or self.end is not None:
            name += f" [{self.start}:{'' if self.end is None else self.end}]"
        return name


def kind_of(path: str) -> str | None:
    name = path.lower()
    for kind, suffixes in (
        ("warc", WARC_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
        ("parquet", PARQUET_SUFFIXES),
        ("pages", PAGE_SUFFIXES),
    ):
        if name.endswith(suffixes):
            return kind
    return None


def _is_remote(spec: str) -> bool:
    return "://" in spec and not spec.startswith("file://")


def open_binary(path: str) -> BinaryIO:
    """Open a local path or an fsspec URL for binary reading (seekable where the filesystem allows)."""
    if _is_remote(path):
        import fsspec

        return fsspec.open(path, "rb").open()  # type: ignore[no-any-return]
    return open(path.removeprefix("file://"), "rb")


def _size(path: str) -> int:
    if _is_remote(path):
        import fsspec

        fs, _, (one,) = fsspec.get_fs_token_paths(path)
        return int(fs.size(one))
    return os.path.getsize(path.removeprefix("file://"))


def expand_inputs(specs: list[str]) -> list[str]:
    """Files named by the inputs, in order: folders walked (sorted), globs expanded (sorted). InputError if none."""
    files: list[str] = []
    for spec in specs:
        found = _expand_one(spec)
        if not found:
            raise InputError(f"input not found or holds no readable files: {spec}")
        files.extend(found)
    seen: set[str] = set()
    unique = [f for f in files if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]
    return unique


def _expand_one(spec: str) -> list[str]:
    if _is_remote(spec):
        import fsspec

        fs, _, paths = fsspec.get_fs_token_paths(spec)
        protocol = spec.split("://", 1)[0]
        out = []
        for p in sorted(paths):
            if fs.isdir(p):
                out += [f"{protocol}://{f}" for f in sorted(fs.find(p)) if kind_of(f)]
            else:
                out.append(f"{protocol}://{p}")
        return out
    local = spec.removeprefix("file://")
    if any(ch in local for ch in "*?["):
        matches = sorted(glob.glob(local, recursive=True))
        return [m for m in matches if os.path.isfile(m) and kind_of(m)]
    if os.path.isdir(local):
        out = []
        for root, dirs, names in os.walk(local):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            out += [os.path.join(root, n) for n in sorted(names) if not n.startswith(".") and kind_of(n)]
        return out
    if os.path.isfile(local):
        if kind_of(local) is None:
            raise InputError(
                f"unsupported input type: {spec} (expected .warc[.gz], .wet[.gz], .jsonl[.gz|.zst], .parquet, "
                ".html, .htm or .txt)"
            )
        return [local]
    return []


def plan_shards(files: list[str], options: InputOptions = InputOptions()) -> list[Shard]:
    """Shards in input order. Big local WARC and Parquet files are split; single pages are batched."""
    shards: list[Shard] = []
    batch: list[str] = []

    def flush() -> None:
        if batch:
            shards.append(Shard(len(shards), "pages", tuple(batch)))
            batch.clear()

    for path in files:
        kind = kind_of(path)
        if kind == "pages":
            batch.append(path)
            if len(batch) >= options.pages_per_shard:
                flush()
            continue
        flush()
        for start, end in _split(path, kind or "", options):
            shards.append(Shard(len(shards), kind or "", (path,), start, end))
    flush()
    return shards


def _split(path: str, kind: str, options: InputOptions) -> list[tuple[int, int | None]]:
    whole: list[tuple[int, int | None]] = [(0, None)]
    try:
        size = _size(path)
    except OSError:
        return whole  # the reader reports the problem as a rejected record
    if size <= options.shard_bytes or _is_remote(path):
        return whole
    try:
        with open_binary(path) as raw:
            if kind == "warc":
                return _warc_ranges(raw, size, options.shard_bytes)
            if kind == "parquet":
                groups = row_group_count(raw)
                per = max(1, round(groups * options.shard_bytes / size))
                cuts = list(range(0, groups, per))
                return [(c, c + per if c + per < groups else None) for c in cuts] or whole
    except Exception:  # noqa: BLE001 - a file we cannot split is read whole; damage is reported by the reader
        return whole
    return whole


def _warc_ranges(raw: BinaryIO, size: int, shard_bytes: int) -> list[tuple[int, int | None]]:
    """Cut points at the first record start after each multiple of shard_bytes (a gzip member start for .gz)."""
    gz = is_gzip(raw)
    cuts = [0]
    target = shard_bytes
    while target < size:
        nxt = find_next_record(raw, target, gz, None)
        if nxt is None:
            break
        if nxt > cuts[-1]:
            cuts.append(nxt)
        target = max(nxt, target) + shard_bytes
    return [(a, b) for a, b in zip(cuts, cuts[1:])] + [(cuts[-1], None)]


def read_shard(shard: Shard, options: InputOptions = InputOptions()) -> Iterator[Record]:
    """The records of one shard, in file order. A file that cannot be opened becomes one rejected record."""
    if shard.kind == "pages":
        yield from read_pages(shard.paths, open_binary, options.max_payload_bytes)
        return
    path = shard.paths[0]
    try:
        raw = open_binary(path)
    except OSError as exc:
        yield damaged(path, "file", f"cannot open file ({exc.strerror or exc})")
        return
    with raw:
        if shard.kind == "warc":
            yield from read_warc(raw, path, shard.start, shard.end, WarcOptions(options.max_payload_bytes))
        elif shard.kind == "jsonl":
            yield from read_jsonl(raw, path, options.fields)
        elif shard.kind == "parquet":
            yield from read_parquet(raw, path, options.fields, shard.start, shard.end)
        else:
            yield damaged(path, "file", f"unsupported input type: {path}")


def iter_records(specs: list[str], options: InputOptions = InputOptions()) -> Iterator[Record]:
    """Every record of the inputs, in order (a convenience for callers outside the engine)."""
    for shard in plan_shards(expand_inputs(specs), options):
        yield from read_shard(shard, options)
