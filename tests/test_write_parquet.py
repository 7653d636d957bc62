"""Output shards: the documented schema, loadable by pyarrow, DuckDB and (if installed) Hugging Face datasets."""

from __future__ import annotations

import importlib.util
import json

import pyarrow.parquet as pq
import pytest

from thresher.model import Block, Decision, Document, Label, Role
from thresher.write import KEPT_SCHEMA, REJECTED_SCHEMA, Provenance, ShardWriter, document_row


def sample_document(i: int, kept: bool = True) -> Document:
    doc = Document(mode="html", id=f"doc-{i}", url=f"https://w.example/{i}", title=f"Title {i}", language="en")
    doc.language_score = 0.9
    doc.blocks = [
        Block(0, f"Body paragraph {i}."),
        Block(1, "Home | News", role=Role.REMOVED, label=Label.NAVIGATION, reason="link list"),
    ]
    doc.signals = {"words": 3.0, "mean_word_length": 4.5}
    doc.source_path, doc.record_id = "crawl.warc.gz", f"urn:uuid:{i}"
    doc.decisions.append(Decision("gopher_quality", kept, "" if kept else "gopher_quality: word count 3 < min_words 50"))
    return doc


def write(path, docs, kept, fmt="parquet"):  # type: ignore[no-untyped-def]
    writer = ShardWriter(str(path), kept, fmt)
    for doc in docs:
        writer.write(document_row(doc, Provenance(200, "text/html")))
    writer.close()


def test_rows_follow_the_schema(tmp_path):
    write(tmp_path / "k.parquet", [sample_document(i) for i in range(3)], kept=True)
    write(tmp_path / "r.parquet", [sample_document(9, kept=False)], kept=False)
    kept = pq.read_table(tmp_path / "k.parquet")
    assert kept.schema.equals(KEPT_SCHEMA)
    row = kept.to_pylist()[1]
    assert row["text"] == "Body paragraph 1."
    assert row["removed"] == [{"text": "Home | News", "label": "navigation", "reason": "link list"}]
    assert dict(row["signals"]) == {"mean_word_length": 4.5, "words": 3.0}
    assert row["source"] == {"file": "crawl.warc.gz", "position": "urn:uuid:1", "http_status": 200,
                             "content_type": "text/html"}
    rejected = pq.read_table(tmp_path / "r.parquet")
    assert rejected.schema.equals(REJECTED_SCHEMA)
    assert rejected.to_pylist()[0]["rejected_step"] == "gopher_quality"
    assert pq.ParquetFile(tmp_path / "k.parquet").metadata.row_group(0).column(0).compression == "ZSTD"


def test_nothing_is_visible_until_close(tmp_path):
    writer = ShardWriter(str(tmp_path / "p.parquet"), True, "parquet")
    writer.write(document_row(sample_document(1)))
    assert not (tmp_path / "p.parquet").exists()
    writer.abort()
    assert list(tmp_path.iterdir()) == []
    empty = ShardWriter(str(tmp_path / "e.parquet"), True, "parquet")
    empty.close()
    assert list(tmp_path.iterdir()) == []  # a shard with no rows leaves no file


def test_jsonl_rows(tmp_path):
    write(tmp_path / "k.jsonl", [sample_document(1)], kept=True, fmt="jsonl")
    (row,) = [json.loads(line) for line in (tmp_path / "k.jsonl").open()]
    assert row["signals"] == {"mean_word_length": 4.5, "words": 3.0} and row["id"] == "doc-1"


def test_duckdb_reads_the_shards(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    (tmp_path / "kept").mkdir()
    write(tmp_path / "kept" / "part-00000.parquet", [sample_document(i) for i in range(4)], kept=True)
    write(tmp_path / "kept" / "part-00001.parquet", [sample_document(i) for i in range(4, 6)], kept=True)
    con = duckdb.connect()
    glob = str(tmp_path / "kept" / "*.parquet")
    assert con.execute(f"select count(*) from read_parquet('{glob}')").fetchone() == (6,)
    label = con.execute(f"select removed[1].label, signals['words'] from read_parquet('{glob}') limit 1").fetchone()
    assert label == ("navigation", 3.0)


@pytest.mark.skipif(importlib.util.find_spec("datasets") is None, reason="datasets is not installed")
def test_hugging_face_datasets_loads_the_shards(tmp_path):
    import datasets

    (tmp_path / "kept").mkdir()
    write(tmp_path / "kept" / "part-00000.parquet", [sample_document(i) for i in range(3)], kept=True)
    ds = datasets.load_dataset("parquet", data_files=str(tmp_path / "kept" / "*.parquet"), split="train")
    assert ds.num_rows == 3 and ds[0]["id"] == "doc-0"
