"""Thresher's benchmark scores must not fall below the floors kept in bench/floors.json.

HTML mode on AEB (shingle F1) and on trafilatura-eval (snippet F1); text mode on the same pages flattened to
whole-page text as a WET record holds it; thresher must also not fail on any of these pages. Skipped when
../shared/bench is absent. Nothing is cached in the repo: the flattening runs here (a few seconds).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # `bench` is a top-level folder of the repository, not part of the package

from bench.flatten import flatten_pages
from bench.runner import SystemRun, run_system
from bench.scoring import load_aeb, load_trafilatura_eval, score_aeb, score_snippets

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
FLOORS_PATH = REPO_ROOT / "bench" / "floors.json"
FLOOR_KEYS = {"aeb_html_f1", "trafeval_html_f1", "aeb_text_f1", "trafeval_text_f1"}

needs_bench = pytest.mark.skipif(not BENCH.is_dir(), reason="benchmark data ../shared/bench is absent")


def _floors() -> dict[str, float]:
    return json.loads(FLOORS_PATH.read_text(encoding="utf-8"))


def test_floors_file_names_every_pin_once_with_a_score():
    floors = _floors()
    assert set(floors) == FLOOR_KEYS
    assert all(isinstance(v, float) and 0.0 < v < 1.0 for v in floors.values())


@pytest.fixture(scope="module")
def aeb_pages():
    return load_aeb(BENCH)


@pytest.fixture(scope="module")
def trafeval_pages():
    return load_trafilatura_eval(BENCH)


def _extract(page):
    import thresher

    return thresher.extract_text(page.html, page.url)


def _clean_text(text):
    import thresher

    return thresher.clean_text(text)


def _assert_above_floor(key: str, f1: float, run: SystemRun) -> None:
    # Every page here is a real crawled page: thresher must clean each one without raising.
    assert run.errors == 0, f"{key}: thresher failed on {run.errors} pages ({run.status})"
    floor = _floors()[key]
    assert f1 >= floor, f"{key}: F1 {f1:.4f} fell below its floor {floor:.4f}"


@needs_bench
def test_aeb_html_mode(aeb_pages):
    run = run_system("thresher", _extract, aeb_pages)
    score = score_aeb([p.gold for p in aeb_pages], run.outputs, n_bootstrap=0)
    _assert_above_floor("aeb_html_f1", score.f1, run)


@needs_bench
def test_trafilatura_eval_html_mode(trafeval_pages):
    run = run_system("thresher", _extract, trafeval_pages)
    _assert_above_floor("trafeval_html_f1", score_snippets(trafeval_pages, run.outputs).f1, run)


@needs_bench
def test_aeb_text_mode(aeb_pages):
    texts = flatten_pages(aeb_pages, "aeb", cache_dir=None)
    run = run_system("thresher", _clean_text, texts)
    score = score_aeb([p.gold for p in aeb_pages], run.outputs, n_bootstrap=0)
    _assert_above_floor("aeb_text_f1", score.f1, run)


@needs_bench
def test_trafilatura_eval_text_mode(trafeval_pages):
    texts = flatten_pages(trafeval_pages, "trafilatura-eval", cache_dir=None)
    run = run_system("thresher", _clean_text, texts)
    _assert_above_floor("trafeval_text_f1", score_snippets(trafeval_pages, run.outputs).f1, run)
