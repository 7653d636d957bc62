"""`thresher run` end to end: every record accounted for, deterministic, resumable after kill -9, one-line errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from corpus_fixtures import Page, article, sample_pages, warc_bytes

from thresher.cli_run import main as cli_main
from thresher.engine import phases
from thresher.engine.plan import Plan
from thresher.errors import InputError
from thresher.model import Document
from thresher.pipeline.step import DocumentStep
from thresher.read.sources import expand_inputs, plan_shards
from thresher.run import config_from_mapping, run_corpus

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"
# Tests never wait longer than this for a subprocess to reach a point or finish.
SUBPROCESS_TIMEOUT_S = 120


# -- steps the tests plug in (module level so worker processes can import them)


class SlowStep(DocumentStep):
    name = "slow"

    def apply(self, doc: Document) -> Document:
        time.sleep(0.03)
        return self.accept(doc)


class SleepyStep(DocumentStep):
    """Sleeps on pages whose URL asks for it: a stand-in for a pathological page."""

    name = "sleepy"

    def apply(self, doc: Document) -> Document:
        if doc.url and "sleep" in doc.url:
            time.sleep(5)
        return self.accept(doc)


class BrokenStep(DocumentStep):
    name = "broken"

    def apply(self, doc: Document) -> Document:
        if doc.url and "boom" in doc.url:
            raise ZeroDivisionError("boom")
        return self.accept(doc)


def no_steps(config):  # type: ignore[no-untyped-def]
    return []


def slow_steps(config):  # type: ignore[no-untyped-def]
    return [SlowStep()]


def sleepy_steps(config):  # type: ignore[no-untyped-def]
    return [SleepyStep()]


def broken_steps(config):  # type: ignore[no-untyped-def]
    return [BrokenStep()]


# -- helpers


def make_crawl(folder: Path, files: int = 3, per_file: int = 4) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for f in range(files):
        pages = sample_pages(per_file, prefix=f"https://site{f}.example/news")
        if f == 0:
            pages += [
                Page("https://site0.example/missing", b"<html>404</html>", status=404),
                Page("https://site0.example/pic.jpg", b"\xff\xd8\xff\xe0", content_type="image/jpeg"),
            ]
        path = folder / f"crawl-{f}.warc.gz"
        path.write_bytes(warc_bytes(pages, info=True))
        paths.append(str(path))
    return paths


def load_rows(outdir: Path, kind: str) -> list[dict]:
    rows: list[dict] = []
    for part in sorted((outdir / kind).glob("part-*.parquet")):
        rows += pq.read_table(part).to_pylist()
    return rows


def no_dedup():  # type: ignore[no-untyped-def]
    return config_from_mapping({"dedup": {"enabled": False}, "site_boilerplate": {"enabled": False}})


# -- tests


def test_every_record_is_accounted_for(tmp_path):
    inputs = make_crawl(tmp_path / "in")
    stats = run_corpus(inputs, str(tmp_path / "out"), config=no_dedup(), workers=1, steps_factory=no_steps)
    kept, rejected = load_rows(tmp_path / "out", "kept"), load_rows(tmp_path / "out", "rejected")
    assert len(kept) + len(rejected) == stats["documents"] == 3 * 4 + 2
    assert stats["kept"] == len(kept) and stats["rejected"] == len(rejected)
    reasons = {r["url"]: (r["rejected_step"], r["rejected_reason"]) for r in rejected}
    assert reasons["https://site0.example/missing"] == ("read", "HTTP 404 error page")
    assert reasons["https://site0.example/pic.jpg"] == ("read", "non-HTML payload (image/jpeg)")
    assert stats["steps"]["read"]["rejected"] == 2
    one = next(r for r in kept + rejected if r["url"] == "https://site1.example/news/2")
    assert one["source"]["file"].endswith("crawl-1.warc.gz") and one["source"]["position"].startswith("urn:uuid:")
    assert one["source"]["http_status"] == 200
    on_disk = json.loads((tmp_path / "out" / "stats.json").read_text())
    assert on_disk["documents"] == stats["documents"]
    assert not list((tmp_path / "out" / "_work" / "p1").glob("*.docs"))  # spills are cleaned up when complete


def test_output_is_the_same_for_any_number_of_workers(tmp_path):
    inputs = make_crawl(tmp_path / "in", files=4)
    run_corpus(inputs, str(tmp_path / "one"), config=no_dedup(), workers=1, steps_factory=no_steps)
    run_corpus(inputs, str(tmp_path / "two"), config=no_dedup(), workers=2, steps_factory=no_steps)
    for kind in ("kept", "rejected"):
        assert load_rows(tmp_path / "one", kind) == load_rows(tmp_path / "two", kind)
        names = sorted(p.name for p in (tmp_path / "one" / kind).iterdir())
        assert names == sorted(p.name for p in (tmp_path / "two" / kind).iterdir())


def test_jsonl_output(tmp_path):
    inputs = make_crawl(tmp_path / "in", files=1)
    run_corpus(inputs, str(tmp_path / "out"), config=no_dedup(), workers=1, fmt="jsonl", steps_factory=no_steps)
    rows = [json.loads(line) for p in sorted((tmp_path / "out" / "rejected").glob("*.jsonl")) for line in p.open()]
    assert {r["rejected_reason"] for r in rows} >= {"HTTP 404 error page"}
    assert all(isinstance(r["signals"], dict) for r in rows)


def test_time_budget_and_failing_steps_reject_one_record_each(tmp_path):
    pages = [Page(f"https://t.example/{name}", article(name, "Some words for the body.")) for name in ("a", "sleep", "b")]
    path = tmp_path / "c.warc.gz"
    path.write_bytes(warc_bytes(pages))
    cfg = config_from_mapping({"engine": {"record_budget_s": 0.5}, "dedup": {"enabled": False}})
    stats = run_corpus([str(path)], str(tmp_path / "o1"), config=cfg, workers=1, steps_factory=sleepy_steps)
    rejected = load_rows(tmp_path / "o1", "rejected")
    assert [(r["url"], r["rejected_step"]) for r in rejected] == [("https://t.example/sleep", "budget")]
    assert stats["kept"] == 2

    pages[1] = Page("https://t.example/boom", article("boom", "Some words for the body."))
    path.write_bytes(warc_bytes(pages))
    run_corpus([str(path)], str(tmp_path / "o2"), config=no_dedup(), workers=1, steps_factory=broken_steps)
    (row,) = load_rows(tmp_path / "o2", "rejected")
    assert row["rejected_step"] == "broken" and "ZeroDivisionError" in row["rejected_reason"]


def test_resume_after_kill_minus_nine_matches_a_clean_run(tmp_path):
    inputs = make_crawl(tmp_path / "in", files=8, per_file=5)
    out = tmp_path / "killed"
    script = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]\n"
        "from thresher.run import run_corpus, config_from_mapping\n"
        "from test_run_corpus import slow_steps\n"
        "cfg = config_from_mapping({'dedup': {'enabled': False}, 'site_boilerplate': {'enabled': False}})\n"
        "run_corpus(sys.argv[4:], sys.argv[3], config=cfg, workers=2, steps_factory=slow_steps)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(TESTS), str(SRC), str(out), *inputs], start_new_session=True
    )
    deadline = time.monotonic() + SUBPROCESS_TIMEOUT_S
    while not list((out / "_work" / "p1").glob("*.done")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "_work" / "complete").exists(), "the run finished before it could be killed"
    run_corpus(inputs, str(out), config=no_dedup(), workers=2, steps_factory=slow_steps)
    run_corpus(inputs, str(tmp_path / "clean"), config=no_dedup(), workers=2, steps_factory=slow_steps)
    for kind in ("kept", "rejected"):
        assert load_rows(out, kind) == load_rows(tmp_path / "clean", kind)
    assert not list(out.rglob("*.tmp"))


def test_resume_in_the_middle_of_writing(tmp_path):
    """A run that died after writing some shards' parts (and left a half-written temp file) finishes cleanly."""
    inputs = make_crawl(tmp_path / "in", files=4)
    out = tmp_path / "out"
    cfg = no_dedup()
    plan = Plan(outdir=str(out), dedup=None, site_boilerplate=None, steps_factory=no_steps)
    shards = plan_shards(expand_inputs(inputs), plan.input)
    # Phase 1 and 2 by hand, then phase 3 for two shards only, then a stray temp file as a crash leaves it.
    from thresher.engine.workdir import Workdir

    wd = Workdir(str(out))
    wd.prepare()
    for shard in shards:
        phases.clean_shard(plan, shard)
    phases.learn_corpus(plan, shards)
    phases.forget_global_state()
    for shard in shards[:2]:
        phases.write_shard(plan, shard)
    (out / "kept" / "part-00002.parquet.tmp").write_bytes(b"half a file")
    stats = run_corpus(inputs, str(out), config=cfg, workers=1, steps_factory=no_steps)
    run_corpus(inputs, str(tmp_path / "clean"), config=cfg, workers=1, steps_factory=no_steps)
    assert stats["documents"] == 4 * 4 + 2
    for kind in ("kept", "rejected"):
        assert load_rows(out, kind) == load_rows(tmp_path / "clean", kind)
    assert not list(out.rglob("*.tmp"))


def test_a_different_run_in_the_same_folder_is_refused(tmp_path):
    inputs = make_crawl(tmp_path / "in", files=2)
    run_corpus(inputs[:1], str(tmp_path / "out"), config=no_dedup(), workers=1, steps_factory=no_steps)
    with pytest.raises(InputError, match="holds a different run"):
        run_corpus(inputs, str(tmp_path / "out"), config=no_dedup(), workers=1, steps_factory=no_steps)
    stats = run_corpus(
        inputs, str(tmp_path / "out"), config=no_dedup(), workers=1, steps_factory=no_steps, overwrite=True
    )
    assert stats["documents"] == 2 * 4 + 2


def test_a_run_spilled_in_an_older_format_is_not_resumed(tmp_path):
    import json

    inputs = make_crawl(tmp_path / "in", files=1)
    out = tmp_path / "out"
    run_corpus(inputs, str(out), config=no_dedup(), workers=1, steps_factory=no_steps)
    manifest_path = out / "_work" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["spill_format"] -= 1  # as an older thresher wrote it
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(InputError, match="older thresher"):
        run_corpus(inputs, str(out), config=no_dedup(), workers=1, steps_factory=no_steps)


@pytest.mark.parametrize(
    ("args", "config", "message"),
    [
        (["nowhere/at/all.warc.gz"], None, "input not found"),
        (None, "[nonsense]\nx = 1\n", "unknown table [nonsense]"),
        (None, "[input\n", "cannot read config"),
        (None, "[engine]\nrecord_budget_s = 'soon'\n", "record_budget_s must be a number"),
        (None, "[input]\nshard_bytes = -1\n", "shard_bytes must be a positive integer"),
    ],
)
def test_cli_errors_are_one_line(tmp_path, capsys, args, config, message):
    inputs = args or make_crawl(tmp_path / "in", files=1)
    argv = ["run", *inputs, "-o", str(tmp_path / "out"), "--workers", "1"]
    if config is not None:
        (tmp_path / "run.toml").write_text(config)
        argv += ["--config", str(tmp_path / "run.toml")]
    assert cli_main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err


def test_cli_run_in_a_subprocess_has_no_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "thresher.cli_run", "run", str(tmp_path / "missing"), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT_S,
        env=dict(os.environ, PYTHONPATH=str(SRC)),
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("thresher run: error: input not found") and "Traceback" not in result.stderr
