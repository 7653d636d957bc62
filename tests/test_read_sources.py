"""Input discovery: folders, globs, fsspec URLs, and one-line errors for what cannot be read."""

from __future__ import annotations

import pytest
from corpus_fixtures import sample_pages, warc_bytes

from thresher.errors import InputError
from thresher.read.sources import InputOptions, expand_inputs, iter_records, plan_shards


def test_folder_walk_is_sorted_and_filtered(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.html").write_text("<p>two</p>")
    (tmp_path / "1.txt").write_text("one")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden.html").write_text("ignored")
    assert expand_inputs([str(tmp_path)]) == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.html")]
    records = list(iter_records([str(tmp_path)]))
    assert [(r.format, r.payload) for r in records] == [("text", b"one"), ("html", b"<p>two</p>")]


def test_pages_are_batched_into_shards(tmp_path):
    for i in range(7):
        (tmp_path / f"{i}.html").write_text(f"<p>{i}</p>")
    shards = plan_shards(expand_inputs([str(tmp_path)]), InputOptions(pages_per_shard=3))
    assert [len(s.paths) for s in shards] == [3, 3, 1]


def test_glob_and_missing_inputs(tmp_path):
    (tmp_path / "a.warc.gz").write_bytes(warc_bytes(sample_pages(1)))
    assert expand_inputs([str(tmp_path / "*.warc.gz")]) == [str(tmp_path / "a.warc.gz")]
    with pytest.raises(InputError, match="input not found"):
        expand_inputs([str(tmp_path / "nope.warc.gz")])
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unsupported input type"):
        expand_inputs([str(tmp_path / "x.pdf")])


def test_fsspec_memory_url():
    import fsspec

    fs = fsspec.filesystem("memory")
    with fs.open("/crawl/one.warc.gz", "wb") as fh:
        fh.write(warc_bytes(sample_pages(3)))
    files = expand_inputs(["memory://crawl"])
    assert files == ["memory:///crawl/one.warc.gz"]
    assert [r.url for r in iter_records(files)] == [p.url for p in sample_pages(3)]
