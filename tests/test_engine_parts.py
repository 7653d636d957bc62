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
from thresher.run import config_from_mapping, run_corpus


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

    def block_hashes(self, doc):  # type: ignore[no-untyped-def]
        return [hash(b.text) for b in doc.blocks]

    def line_hashes(self, doc, block_hashes=None):  # type: ignore[no-untyped-def]
        return block_hashes if block_hashes is not None else self.block_hashes(doc)

    def observe(self, domain, hashes):  # type: ignore[no-untyped-def]
        for h in hashes:
            self.counts[(domain, h)] = self.counts.get((domain, h), 0) + 1

    def apply(self, doc, domain, block_hashes=None):  # type: ignore[no-untyped-def]
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
    assert stats["dedup"] == {"duplicates": 2, "exact": 1, "near": 1, "rejected_copies": 0}
    assert any(f.startswith("site lines seen") for f in kept["https://a.example/3"]["flags"])


class _RejectMarked:
    """A per-document step standing in for a quality filter: rejects bodies that hold the word "lowquality"."""

    name = "marker_filter"

    def apply(self, doc):  # type: ignore[no-untyped-def]
        from thresher.model import Decision

        doc.decisions.append(Decision(self.name, "lowquality" not in doc.text, "marked low quality"))
        return doc


def marker_steps(config):  # type: ignore[no-untyped-def]
    return [_RejectMarked()]


STORY = (
    "The harbour reopened after the storm, and the boats went out again at dawn with their crews.",
    "Fishermen said the catch was better than any they had seen in the past three years of work.",
    "The council promised to repair the breakwater before the winter storms return to the coast.",
)


def test_dedup_links_copies_of_a_filter_rejected_page_without_changing_its_reason(tmp_path):
    pages = [
        Page("https://a.example/original", article("Harbour", *STORY, "lowquality")),
        Page("https://b.example/exact", article("Harbour", *STORY, "lowquality")),  # rejected by the filter too
        Page("https://c.example/passes", article("Harbour", *STORY)),  # a near copy that passes the filter
        Page("https://d.example/again", article("Harbour", *STORY)),  # a copy of the one that passed
    ]
    path = tmp_path / "d.warc.gz"
    path.write_bytes(warc_bytes(pages))
    stats = run_corpus([str(path)], str(tmp_path / "out"), workers=1, steps_factory=marker_steps)
    kept = {r["url"]: r for r in load_rows(tmp_path / "out", "kept")}
    rejected = {r["url"]: r for r in load_rows(tmp_path / "out", "rejected")}
    root = rejected["https://a.example/original"]["id"]
    copy = rejected["https://b.example/exact"]
    assert copy["rejected_step"] == "marker_filter"  # the first rejecting step's reason stays
    assert copy["dedup_cluster"] == root
    assert copy["decisions"][-1]["step"] == "dedup_exact"
    # The first copy that passed the filter is kept, linked to the rejected original...
    assert kept["https://c.example/passes"]["dedup_cluster"] == root
    # ...and a later copy is a duplicate of that kept copy, not of the rejected page.
    again = rejected["https://d.example/again"]
    assert again["rejected_step"] == "dedup_exact"
    assert again["rejected_reason"] == f"duplicate of {kept['https://c.example/passes']['id']}"
    assert stats["dedup"]["duplicates"] == 1 and stats["dedup"]["rejected_copies"] == 1


def test_dedup_of_rejected_pages_can_be_turned_off(tmp_path):
    pages = [
        Page("https://a.example/original", article("Harbour", *STORY, "lowquality")),
        Page("https://b.example/exact", article("Harbour", *STORY, "lowquality")),
    ]
    path = tmp_path / "d.warc.gz"
    path.write_bytes(warc_bytes(pages))
    cfg = config_from_mapping({"dedup": {"include_rejected": False}})
    run_corpus([str(path)], str(tmp_path / "out"), config=cfg, workers=1, steps_factory=marker_steps)
    rejected = {r["url"]: r for r in load_rows(tmp_path / "out", "rejected")}
    assert rejected["https://b.example/exact"]["dedup_cluster"] is None
    assert [d["step"] for d in rejected["https://b.example/exact"]["decisions"]] == ["marker_filter"]


def test_http_charset_reaches_decoding_and_is_recorded(tmp_path):
    russian = "Погода сегодня хорошая, и рыбаки вышли в море на рассвете, как и каждый день."
    pages = [
        Page("https://ru.example/1", article("Море", russian, russian).decode().encode("koi8-r"),
             content_type="text/html; charset=KOI8-R"),
        Page("https://en.example/1", article("Harbour", *STORY)),
    ]
    path = tmp_path / "d.warc.gz"
    path.write_bytes(warc_bytes(pages))
    run_corpus([str(path)], str(tmp_path / "out"), workers=1, steps_factory=no_steps)
    rows = {r["url"]: r for r in load_rows(tmp_path / "out", "kept")}
    assert "рыбаки вышли в море" in rows["https://ru.example/1"]["text"]
    assert rows["https://ru.example/1"]["encoding"] == {"charset": "koi8-r", "method": "declared", "declared": "koi8-r"}
    assert rows["https://en.example/1"]["encoding"]["charset"] == "utf-8"


def test_a_spilled_document_keeps_its_text_including_table_rows():
    from thresher import clean
    from thresher.engine.packing import pack, unpack
    from thresher.write.rows import Provenance

    rows = "".join(f"<tr><td>Station {i}</td><td>{i * 7} km</td><td>open</td></tr>" for i in range(6))
    page = (
        "<html><body><article><h1>Stations along the line</h1>"
        + "<p>The line runs north along the coast and serves six stations, listed below with distances.</p>" * 3
        + f"<table>{rows}</table></article></body></html>"
    )
    doc = clean(page)
    assert "Station 1\t7 km\topen\nStation 2" in doc.text  # the table reads as rows of tab-separated cells
    restored, _ = unpack(pack(doc, Provenance()))
    assert restored.text == doc.text
    assert [(b.text, b.role, b.label, b.reason) for b in restored.blocks] == [
        (b.text, b.role, b.label, b.reason) for b in doc.blocks
    ]
