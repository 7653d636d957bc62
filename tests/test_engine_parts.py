"""Engine pieces: the per-record time budget, reason grouping in stats, and the global dedup phase's bookkeeping."""

from __future__ import annotations

import time
import types

import pytest
from corpus_fixtures import Page, article, warc_bytes
from test_run_corpus import load_rows, no_steps

from thresher.engine import plan as plan_module
from thresher.engine.budget import time_budget
from thresher.dedup.site import domain_of
from thresher.engine.stats import merge, reason_key
from thresher.errors import BudgetExceeded
from thresher.run import run_corpus


def test_budget_interrupts_a_slow_block():
    with pytest.raises(BudgetExceeded, match="time budget"):
        with time_budget(0.05):
            time.sleep(2)


def test_budget_is_enforced_even_when_the_exception_is_swallowed():
    with pytest.raises(BudgetExceeded):
        with time_budget(0.05):
            try:
                time.sleep(2)
            except Exception:  # noqa: BLE001 - what careless code might do
                pass


def test_no_budget_means_no_alarm():
    with time_budget(0):
        time.sleep(0.01)


def test_reason_keys_group_by_rule():
    assert reason_key("gopher", "gopher: word count 12 < min_words 50") == "gopher: word count # < min_words #"
    assert reason_key("read", "HTTP 404 error page") == "HTTP 404 error page"
    assert reason_key("dedup_near", "duplicate of urn:uuid:1234") == "duplicate of <id>"
    assert reason_key("read", "HTTP 301 redirect to https://x.example/a?b=1") == "HTTP 301 redirect to <url>"


def test_merge_sums_shards():
    a = {"documents": 3, "kept": 1, "rejected": {"read": {"empty payload": 2}}}
    b = {"documents": 2, "kept": 1, "rejected": {"read": {"empty payload": 1}}}
    assert merge([a, b]) == {
        "documents": 5, "kept": 2, "rejected": 3, "steps": {"read": {"rejected": 3, "reasons": {"empty payload": 3}}}
    }


def test_domain_of():
    assert domain_of("https://www.Example.org/a") == "example.org"
    assert domain_of("not a url") is None and domain_of(None) is None


# A stand-in dedup module: exact duplicates by text, "near" duplicates by the first 40 characters.
class _Options:
    def __init__(self, **kw):  # type: ignore[no-untyped-def]
        self.kw = kw


class _Index:
    def __init__(self, options):  # type: ignore[no-untyped-def]
        self.seen: dict[str, str] = {}

    def add(self, key, sig):  # type: ignore[no-untyped-def]
        found = self.seen.get(sig[:40])
        if found is None:
            self.seen[sig[:40]] = key
        return found


class _Site:
    def __init__(self, options):  # type: ignore[no-untyped-def]
        self.counts: dict[tuple[str, int], int] = {}

    def line_hashes(self, doc):  # type: ignore[no-untyped-def]
        return [hash(b.text) for b in doc.blocks]

    def observe(self, domain, hashes):  # type: ignore[no-untyped-def]
        for h in hashes:
            self.counts[(domain, h)] = self.counts.get((domain, h), 0) + 1

    def apply(self, doc, domain):  # type: ignore[no-untyped-def]
        doc.flag(f"site lines seen {sum(self.counts.get((domain, hash(b.text)), 0) for b in doc.blocks)}")
        return doc


FAKE_DEDUP = types.SimpleNamespace(
    __name__="fake_dedup",
    DedupOptions=_Options,
    SiteBoilerplateOptions=_Options,
    DedupIndex=_Index,
    SiteBoilerplate=_Site,
    signatures=lambda doc, options, view=None: doc.text,
)


def test_global_phase_marks_later_copies_and_clusters(tmp_path, monkeypatch):
    monkeypatch.setattr(plan_module, "_dedup_module", lambda: FAKE_DEDUP)
    body = ("The harbour reopened after the storm, and the boats went out again at dawn.",)
    pages = [
        Page("https://a.example/1", article("Harbour", *body)),
        Page("https://b.example/copy", article("Harbour", *body)),
        Page("https://a.example/2", article("Harbour", *body, "One more closing line.")),
        Page("https://a.example/3", article("Fields", "Farmers brought in the harvest early this year.")),
    ]
    path = tmp_path / "d.warc.gz"
    path.write_bytes(warc_bytes(pages))
    stats = run_corpus([str(path)], str(tmp_path / "out"), workers=1, steps_factory=no_steps)
    kept = {r["url"]: r for r in load_rows(tmp_path / "out", "kept")}
    rejected = {r["url"]: r for r in load_rows(tmp_path / "out", "rejected")}
    if not kept["https://a.example/1"]["text"]:
        pytest.skip("the HTML mode returned no text for the fixture pages")
    first_id = pages[0].record_id
    assert rejected["https://b.example/copy"]["rejected_step"] == "dedup_exact"
    assert rejected["https://b.example/copy"]["rejected_reason"] == f"duplicate of {first_id}"
    assert rejected["https://a.example/2"]["rejected_step"] == "dedup_near"
    assert rejected["https://a.example/2"]["dedup_cluster"] == first_id
    assert kept["https://a.example/1"]["dedup_cluster"] == first_id
    assert kept["https://a.example/3"]["dedup_cluster"] is None
    assert stats["dedup"] == {"duplicates": 2, "exact": 1, "near": 1}
    assert any(f.startswith("site lines seen") for f in kept["https://a.example/3"]["flags"])
