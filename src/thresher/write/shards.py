"""Shard writers: rows in, one output file out, made visible only when complete (write to a temp name, then rename).

A run that dies part-way leaves only `*.tmp` files behind, never a half-written part file, so a re-run can tell a
finished shard from an unfinished one by the part file's existence alone.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from thresher.write.rows import jsonable
from thresher.write.schema import schema_for

# Rows buffered before they become a Parquet row group: big enough for good compression, small enough for memory.
ROWS_PER_ROW_GROUP = 1000
PARQUET_COMPRESSION = "zstd"
TMP_SUFFIX = ".tmp"


def publish(tmp_path: str, final_path: str) -> None:
    """Make a finished file visible under its final name, durably: fsync, then an atomic rename."""
    with open(tmp_path, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp_path, final_path)


class ShardWriter:
    """Writes the rows of one shard to `final_path`; nothing appears there until `close()`."""

    def __init__(self, final_path: str, kept: bool, fmt: str) -> None:
        if fmt not in ("parquet", "jsonl"):
            raise ValueError(f"unknown output format: {fmt}")
        self.final_path = final_path
        self.tmp_path = final_path + TMP_SUFFIX
        self.fmt = fmt
        self.schema = schema_for(kept)
        self.rows = 0
        self._buffer: list[dict[str, Any]] = []
        self._parquet: pq.ParquetWriter | None = None
        self._jsonl = open(self.tmp_path, "w", encoding="utf-8") if fmt == "jsonl" else None

    def write(self, row: dict[str, Any]) -> None:
        self.rows += 1
        if self._jsonl is not None:
            self._jsonl.write(json.dumps(jsonable(row), ensure_ascii=False, sort_keys=True) + "\n")
            return
        self._buffer.append(row)
        if len(self._buffer) >= ROWS_PER_ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        table = pa.Table.from_pylist(self._buffer, schema=self.schema)
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.tmp_path, self.schema, compression=PARQUET_COMPRESSION)
        self._parquet.write_table(table)
        self._buffer.clear()

    def close(self) -> None:
        """Finish and publish the file (no file at all when the shard had no rows)."""
        if self._jsonl is not None:
            self._jsonl.close()
        else:
            self._flush()
            if self._parquet is not None:
                self._parquet.close()
        if self.rows:
            publish(self.tmp_path, self.final_path)
        elif os.path.exists(self.tmp_path):
            os.remove(self.tmp_path)

    def abort(self) -> None:
        if self._jsonl is not None:
            self._jsonl.close()
        elif self._parquet is not None:
            self._parquet.close()
        if os.path.exists(self.tmp_path):
            os.remove(self.tmp_path)
