"""JSONL and Parquet readers: configurable fields, bad lines and damaged compression become rejected records."""

from __future__ import annotations

import gzip
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.read.jsonl import FieldNames, read_jsonl
from thresher.read.parquet import read_parquet
from thresher.read.sources import InputOptions, plan_shards, read_shard


def jsonl(rows: list[dict]) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in rows)


def test_fields_and_formats():
    data = jsonl(
        [
            {"id": "a", "url": "https://x.example/a", "html": "<p>Hello</p>"},
            {"id": "b", "text": "Plain words here."},
            {"id": "c", "html": "", "text": ""},
        ]
    )
    records = list(read_jsonl(io.BytesIO(data), "f.jsonl"))
    assert [(r.id, r.format, r.problem) for r in records] == [
        ("a", "html", None),
        ("b", "text", None),
        ("c", "html", "no 'html' or 'text' field with content"),
    ]
    assert records[0].url == "https://x.example/a" and records[1].position == "line 2"


def test_custom_field_names():
    data = jsonl([{"doc_id": 7, "link": "https://y.example/", "content": "Body text."}])
    fields = FieldNames(text="content", html="raw_html", url="link", id="doc_id")
    (record,) = list(read_jsonl(io.BytesIO(data), "f.jsonl", fields))
    assert (record.id, record.url, record.payload, record.format) == ("7", "https://y.example/", "Body text.", "text")


def test_bad_lines_are_rejected_not_skipped():
    data = b'{"text": "ok"}\nnot json\n[1, 2]\n{"text": "fine"}\n'
    records = list(read_jsonl(io.BytesIO(data), "f.jsonl"))
    assert [r.usable for r in records] == [True, False, False, True]
    assert records[1].problem.startswith("line 2 is not valid JSON")
    assert records[2].problem == "line 3 is not a JSON object"


def test_truncated_compressed_jsonl_reports_the_lost_tail():
    rows = [{"id": str(i), "text": f"record {i} " * 40} for i in range(200)]
    for compress in (lambda b: gzip.compress(b, mtime=0), zstandard.ZstdCompressor().compress):
        blob = compress(jsonl(rows))
        whole = list(read_jsonl(io.BytesIO(blob), "f.jsonl.x"))
        assert [r.id for r in whole] == [str(i) for i in range(200)] and all(r.usable for r in whole)
        cut = list(read_jsonl(io.BytesIO(blob[: len(blob) * 2 // 3]), "f.jsonl.x"))
        assert not cut[-1].usable and "truncated" in (cut[-1].problem or "")
        good = [r.id for r in cut if r.usable]
        assert good == [str(i) for i in range(len(good))]  # a clean prefix, nothing out of order


@settings(max_examples=50, deadline=None)
@given(texts=st.lists(st.text(min_size=1).filter(str.strip), min_size=1, max_size=8))
def test_any_text_round_trips(texts: list[str]):
    data = jsonl([{"text": t} for t in texts])
    records = list(read_jsonl(io.BytesIO(data), "f.jsonl"))
    assert [r.payload for r in records] == texts


def test_parquet_row_groups_split_and_read_once(tmp_path):
    table = pa.table({"id": [f"r{i}" for i in range(50)], "text": [f"text {i} " * 50 for i in range(50)]})
    path = tmp_path / "pages.parquet"
    pq.write_table(table, path, row_group_size=5)
    shards = plan_shards([str(path)], InputOptions(shard_bytes=path.stat().st_size // 4))
    assert len(shards) > 1
    records = [r for s in shards for r in read_shard(s)]
    assert [r.id for r in records] == [f"r{i}" for i in range(50)]
    assert records[12].position == "row 12"


def test_parquet_without_page_column_is_one_rejected_record(tmp_path):
    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"x": [1, 2]}), path)
    (record,) = list(read_parquet(open(path, "rb"), str(path)))
    assert record.problem == "no 'html' or 'text' column"
