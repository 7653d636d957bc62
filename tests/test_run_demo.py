"""The shipped demo crawl through the full default pipeline: readers' rejections, dedup, site boilerplate."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_run_corpus import load_rows

from thresher.run import run_corpus

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "thresher" / "samples" / "demo-crawl.warc.gz"


def test_demo_crawl_is_reproducible(tmp_path):
    out = tmp_path / "demo.warc.gz"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_demo_crawl.py"), str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == DEMO.read_bytes()


def test_demo_crawl_through_the_default_pipeline(tmp_path):
    stats = run_corpus([str(DEMO)], str(tmp_path / "out"), workers=1)
    kept, rejected = load_rows(tmp_path / "out", "kept"), load_rows(tmp_path / "out", "rejected")
    assert stats["documents"] == len(kept) + len(rejected) == 33
    by_url = {r["url"]: r for r in kept + rejected}
    assert stats["steps"]["read"]["rejected"] == 4
    assert by_url["https://valley-news.example/missing"]["rejected_reason"] == "HTTP 404 error page"
    mirror = by_url["https://mirror.example/copy/harbour"]
    original = by_url["https://valley-news.example/harbour/1"]
    assert mirror["rejected_step"] == "dedup_exact"
    assert mirror["dedup_cluster"] == original["dedup_cluster"] == original["id"]
    assert by_url["https://valley-news.example/harbour/updated"]["rejected_step"] == "dedup_near"
    # The newsletter line on every page of a site is learnt as that site's boilerplate.
    labels = [b["label"] for b in original["removed"]]
    assert "site boilerplate" in labels
    assert "independent newsletter" not in original["text"]
