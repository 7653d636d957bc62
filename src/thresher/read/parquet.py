"""Parquet files, read batch by batch (only the page, URL and id columns), split by row group for the engine."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from thresher.read.jsonl import FieldNames, record_from_fields
from thresher.read.record import Record, damaged

# Rows per batch: large enough to amortise Arrow's per-batch cost, small enough that big HTML columns stay bounded.
PARQUET_BATCH_ROWS = 256


def row_group_count(raw: BinaryIO) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(raw).num_row_groups


def read_parquet(
    raw: BinaryIO,
    source_path: str,
    fields: FieldNames = FieldNames(),
    first_group: int = 0,
    end_group: int | None = None,
) -> Iterator[Record]:
    """Records from row groups [first_group, end_group) of a Parquet file; row numbers count from the file start."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(raw)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for a file that is not Parquet
        yield damaged(source_path, "file", f"not a readable Parquet file ({type(exc).__name__}: {exc})")
        return
    names = set(pf.schema_arrow.names)
    wanted = [c for c in (fields.html, fields.text, fields.url, fields.id) if c in names]
    if fields.html not in names and fields.text not in names:
        yield damaged(source_path, "file", f"no '{fields.html}' or '{fields.text}' column")
        return
    end = pf.num_row_groups if end_group is None else min(end_group, pf.num_row_groups)
    row = sum(pf.metadata.row_group(g).num_rows for g in range(first_group))
    for group in range(first_group, end):
        try:
            for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, row_groups=[group], columns=wanted):
                for values in batch.to_pylist():
                    yield record_from_fields(values, fields, source_path, f"row {row}")
                    row += 1
        except Exception as exc:  # noqa: BLE001 - a corrupt row group must not end the file
            yield damaged(source_path, f"row group {group}", f"unreadable row group {group} ({type(exc).__name__}: {exc})")
            row = sum(pf.metadata.row_group(g).num_rows for g in range(group + 1))
