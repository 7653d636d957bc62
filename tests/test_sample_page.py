"""The page that started the project: a crawled news page in text form, cleaned exactly."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import thresher

FIXTURE = Path(__file__).parent / "fixtures" / "ecns-2017-10-05"
EXPECTED = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def record() -> dict:
    return thresher.clean((FIXTURE / "page.txt").read_bytes()).to_dict()


@pytest.mark.parametrize("field", ["title", "published", "source", "editor", "section", "language", "text"])
def test_field_is_exact(record: dict, field: str) -> None:
    assert record[field] == EXPECTED[field]


def test_flags_spam_injection(record: dict) -> None:
    assert "spam_injection" in record["flags"]


def test_every_line_accounted_with_expected_role(record: dict) -> None:
    got = [(e["line"], e["role"]) for e in record["lines"]]
    want = [(e["line"], e["role"]) for e in EXPECTED["lines"]]
    assert got == want


def test_every_removed_line_has_label_and_reason(record: dict) -> None:
    removed = [e for e in record["lines"] if e["role"] == "removed"]
    assert removed
    assert all(e.get("label") and e.get("reason") for e in removed)


def test_last_line_is_spam_and_menu_is_navigation(record: dict) -> None:
    assert record["lines"][-1]["label"] == "spam"
    assert record["lines"][-1]["language"] == "zh"
    labels = {e["line"]: e.get("label") for e in record["lines"]}
    assert labels["Entertainment"] == "navigation"
    assert labels["Related news"] == "widget heading"
    assert labels["Reproduction in whole or in part without permission is prohibited."] == "legal notice"


def test_clean_text_api_returns_body_only() -> None:
    assert thresher.clean_text((FIXTURE / "page.txt").read_text(encoding="utf-8")) == EXPECTED["text"]


def test_cli_json_matches(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "thresher", "clean", "--json", str(FIXTURE / "page.txt")],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout)
    assert data["text"] == EXPECTED["text"]
    assert [e["role"] for e in data["lines"]] == [e["role"] for e in EXPECTED["lines"]]


def test_cli_human_output_starts_with_title() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "thresher", "clean", str(FIXTURE / "page.txt")], capture_output=True, text=True, check=True
    )
    lines = out.stdout.splitlines()
    assert lines[0] == EXPECTED["title"]
    assert "2017-10-05T15:26" in out.stdout.split("\n\n")[0]
    assert EXPECTED["text"] in out.stdout
