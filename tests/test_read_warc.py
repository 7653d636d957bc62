"""The WARC/WET reader: records, HTTP headers, rejections with reasons, and damaged files (nothing silently lost)."""

from __future__ import annotations

import io

from corpus_fixtures import Page, article, record_offsets, sample_pages, warc_bytes
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.read.sources import InputOptions, Shard, plan_shards, read_shard
from thresher.read.warc import WarcOptions, read_warc


def read_all(data: bytes, **kw):  # type: ignore[no-untyped-def]
    return list(read_warc(io.BytesIO(data), "crawl.warc.gz", **kw))


def test_reads_every_page_with_http_details():
    pages = sample_pages(4)
    pages[1].content_type = "text/html; charset=ISO-8859-1"
    for gz in (True, False):
        records = read_all(warc_bytes(pages, gz=gz, info=True))
        assert [r.url for r in records] == [p.url for p in pages]  # warcinfo is not a page
        assert all(r.usable and r.http_status == 200 and r.format == "html" for r in records)
        assert records[1].charset == "iso-8859-1"
        assert records[0].id == pages[0].record_id == records[0].position
        assert records[2].payload == pages[2].body


def test_unusable_records_come_out_with_reasons():
    pages = [
        Page("https://a.example/gone", b"<html>missing</html>", status=404),
        Page("https://a.example/moved", b"", status=301, extra_http="Location: https://a.example/new\r\n"),
        Page("https://a.example/logo.png", b"\x89PNG\r\n\x1a\n....", content_type="image/png"),
        Page("https://a.example/empty", b"   "),
        Page("https://a.example/ok", article("Fine", "A good paragraph of text.")),
    ]
    records = read_all(warc_bytes(pages))
    reasons = [r.problem for r in records]
    assert reasons[0] == "HTTP 404 error page"
    assert reasons[1] == "HTTP 301 redirect to https://a.example/new"
    assert reasons[2] == "non-HTML payload (image/png)"
    assert reasons[3] == "empty payload"
    assert reasons[4] is None


def test_wet_conversion_records_are_text():
    pages = [Page("https://b.example/1", b"Line one.\nLine two.\n", content_type="text/plain", record_type="conversion")]
    (record,) = read_all(warc_bytes(pages))
    assert record.format == "text" and record.usable and record.payload == b"Line one.\nLine two.\n"


def test_gzip_content_encoding_is_undone():
    import gzip

    body = article("Zipped", "Compressed payload text.")
    pages = [Page("https://c.example/z", gzip.compress(body), extra_http="Content-Encoding: gzip\r\n")]
    (record,) = read_all(warc_bytes(pages))
    assert record.usable and record.payload == body


def test_oversized_payload_is_rejected():
    pages = sample_pages(2)
    records = read_all(warc_bytes(pages), options=WarcOptions(max_payload_bytes=100))
    assert all(r.problem and r.problem.startswith("payload too large") for r in records)


def test_wrong_content_length_rejects_that_record_and_keeps_the_rest():
    for delta in (40, -25):
        for gz in (True, False):
            pages = sample_pages(5)
            pages[2].length_error = delta
            records = read_all(warc_bytes(pages, gz=gz))
            by_url = {r.url: r for r in records if r.url}
            assert set(by_url) == {p.url for p in pages}, (delta, gz)
            assert by_url[pages[2].url].problem is not None
            assert all(by_url[p.url].usable for i, p in enumerate(pages) if i != 2)


@settings(max_examples=150, deadline=None)
@given(cut_fraction=st.floats(min_value=0.0, max_value=1.0), gz=st.booleans())
def test_truncated_file_loses_nothing_silently(cut_fraction: float, gz: bool):
    pages = sample_pages(4)
    data = warc_bytes(pages, gz=gz)
    offsets = record_offsets(pages, gz=gz)
    cut = int(len(data) * cut_fraction)
    records = read_all(data[:cut])
    # In a plain file a record is whole once its Content-Length bytes are; the CRLFCRLF after it carries nothing.
    slack = 0 if gz else len(b"\r\n\r\n")
    complete = [p.url for p, end in zip(pages, offsets[1:]) if end - slack <= cut]
    usable = [r.url for r in records if r.usable]
    assert usable == complete  # every complete record, once, in order, and nothing partial passed as usable
    if not any(end - slack <= cut <= end for end in offsets):
        assert any(not r.usable for r in records)  # the cut-off record is accounted for


@settings(max_examples=25, deadline=None)
@given(n=st.integers(min_value=1, max_value=9), shard_bytes=st.integers(min_value=200, max_value=3000), gz=st.booleans())
def test_split_shards_read_each_record_exactly_once(tmp_path_factory, n: int, shard_bytes: int, gz: bool):
    pages = sample_pages(n)
    path = tmp_path_factory.mktemp("warc") / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(warc_bytes(pages, gz=gz))
    shards = plan_shards([str(path)], InputOptions(shard_bytes=shard_bytes))
    urls = [r.url for s in shards for r in read_shard(s)]
    assert urls == [p.url for p in pages]
    assert [s.index for s in shards] == list(range(len(shards)))


def test_unopenable_file_is_one_rejected_record(tmp_path):
    shard = Shard(0, "warc", (str(tmp_path / "missing.warc.gz"),))
    (record,) = list(read_shard(shard))
    assert record.problem and record.problem.startswith("cannot open file")


def test_crawl_records_around_pages_are_passed_over_without_damage():
    """Common Crawl layout: request, response, metadata for each page; only the responses are pages."""
    layout = []
    for page in sample_pages(3):
        layout.append(Page(page.url, b"GET / HTTP/1.1\r\n\r\n", content_type="application/http; msgtype=request",
                           record_type="request"))
        layout.append(page)
        layout.append(Page(page.url, b"fetchTimeMs: 12\r\n", content_type="application/warc-fields",
                           record_type="metadata"))
    for gz in (True, False):
        records = read_all(warc_bytes(layout, gz=gz, info=True))
        assert [r.url for r in records] == [p.url for p in sample_pages(3)]
        assert all(r.usable for r in records)
