"""Bad and awkward input, through the command line and through the API.

Every input must either clean (exit 0 / a `Document`) or be refused with one line on stderr (exit 2 / `InputError`):
never a traceback, never an internal error. The inputs are built here; the two huge ones (a 50 MB line, a million
lines) run in-process, and the million lines only when THRESHER_FULL_SIZE=1 (a tenth of it otherwise, to keep the
suite fast; `bench/scaling.py` times the full sizes).
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_decode import BINARIES, LEGACY, html_page, tiny_png

from thresher import clean
from thresher.errors import InputError
from thresher.model import Document

FULL_SIZE = os.environ.get("THRESHER_FULL_SIZE") == "1"
EXIT_OK, EXIT_BAD_INPUT = 0, 2
ONE_LINE_MB = 50
MANY_LINES = 1_000_000 if FULL_SIZE else 100_000
CLI_LINE_MB = 4  # a long single line through the CLI as well, kept small: the 50 MB one runs in-process


def run_cli(tmp_path: Path, data: bytes, *args: str, stdin: bool = False) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "THRESHER_DEBUG"}
    if stdin:
        command = [sys.executable, "-m", "thresher", "clean", *args, "-"]
        return subprocess.run(command, input=data, capture_output=True, env=env, timeout=120, check=False)
    page = tmp_path / "page.input"
    page.write_bytes(data)
    command = [sys.executable, "-m", "thresher", "clean", *args, str(page)]
    return subprocess.run(command, capture_output=True, env=env, timeout=120, check=False)


def assert_clean_or_refused(result: subprocess.CompletedProcess[bytes]) -> None:
    stderr = result.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in stderr
    assert result.returncode in (EXIT_OK, EXIT_BAD_INPUT), f"exit {result.returncode}: {stderr.strip()}"
    if result.returncode != EXIT_OK:
        assert len(stderr.strip().splitlines()) == 1, stderr


def assert_refused(result: subprocess.CompletedProcess[bytes], message: str) -> None:
    assert_clean_or_refused(result)
    assert result.returncode == EXIT_BAD_INPUT
    assert message in result.stderr.decode("utf-8")
    assert result.stdout == b""


def all_block_text(result: subprocess.CompletedProcess[bytes]) -> str:
    """Every line or block the JSON account holds, kept or removed: what was decoded, whatever the cleaner kept."""
    record = json.loads(result.stdout)
    entries = record.get("lines") or record.get("blocks") or []
    return "\n".join(entry.get("line", entry.get("text", "")) for entry in entries) + "\n" + (record["title"] or "")


# -- refused with one line


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "input is empty"),
        (b"  \n\t\r\n   \n", "input is empty"),
        (b"\xef\xbb\xbf\n", "input is empty"),
        (tiny_png(), "input is a PNG image, not a page"),
        (BINARIES["JPEG image"], "input is a JPEG image, not a page"),
        (BINARIES["PDF document"], "input is a PDF document, not a page"),
        (b"\x00" * 4096, "binary"),
        (b"<html>\x00\x00\x00\x00\x01\x02\x03</html>" * 50, "binary"),
    ],
    ids=["empty", "whitespace", "bom-only", "png", "jpeg", "pdf", "nul", "nul-in-markup"],
)
def test_cli_refuses_with_one_line(tmp_path: Path, data: bytes, message: str) -> None:
    assert_refused(run_cli(tmp_path, data), message)


def test_cli_refuses_binary_on_stdin(tmp_path: Path) -> None:
    assert_refused(run_cli(tmp_path, tiny_png(), stdin=True), "PNG image")


def test_cli_gzip_page_is_opened_transparently(tmp_path: Path) -> None:
    result = run_cli(tmp_path, gzip.compress(html_page("A page inside a gzip stream.").encode()))
    assert result.returncode == 0
    assert "A page inside a gzip stream." in result.stdout.decode()


def test_cli_truncated_gzip_is_refused_by_name(tmp_path: Path) -> None:
    data = gzip.compress(html_page("A page inside a gzip stream.").encode() * 50)
    assert_refused(run_cli(tmp_path, data[: len(data) // 2]), "truncated gzip")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(0x80, 0x100)) * 40,  # high bytes only: no charset makes sense of them
        b"\xff\xfe\xfd" * 2000 + b"\n" + b"\xc3\x28\xa0\xa1\xe2\x28\xa1" * 500,  # invalid UTF-8 everywhere
        "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e\n".encode("utf-8") * 20 + b"\xe9\xe8\n" * 20,  # mixed UTF-8/Latin-1
        b"\xfe\xff\xd8\x00",  # UTF-16 BOM, then half a surrogate pair
        b"<" * 5000 + b">" * 5000,
    ],
    ids=["high-bytes", "invalid-utf8", "mixed", "lone-surrogate", "brackets"],
)
def test_cli_undecodable_bytes_are_cleaned_or_refused(tmp_path: Path, data: bytes) -> None:
    assert_clean_or_refused(run_cli(tmp_path, data))


# -- cleaned: every legacy encoding, as text and as an HTML page with its label


@pytest.mark.parametrize(("text", "writer", "expected"), LEGACY, ids=[case[1] for case in LEGACY])
def test_cli_cleans_legacy_plain_text(tmp_path: Path, text: str, writer: str, expected: str) -> None:
    result = run_cli(tmp_path, (text + "\n\n" + text + "\n").encode(writer), "--json")
    assert_clean_or_refused(result)
    assert result.returncode == EXIT_OK
    assert text[:40] in all_block_text(result)


@pytest.mark.parametrize(("text", "writer", "expected"), LEGACY, ids=[case[1] for case in LEGACY])
def test_cli_cleans_legacy_html_with_meta(tmp_path: Path, text: str, writer: str, expected: str) -> None:
    page = html_page(text, f'<meta charset="{writer.replace("_", "-")}">')
    result = run_cli(tmp_path, page.encode(writer), "--json", stdin=True)
    assert_clean_or_refused(result)
    assert result.returncode == EXIT_OK
    assert text[:40] in all_block_text(result)


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_cli_cleans_unicode_with_bom(tmp_path: Path, codec: str) -> None:
    text = LEGACY[2][0] + "\n\n" + LEGACY[4][0] + "\n"
    data = text.encode(codec) if codec in ("utf-8-sig", "utf-16") else "\ufeff".encode(codec) + text.encode(codec)
    result = run_cli(tmp_path, data, "--json")
    assert_clean_or_refused(result)
    assert result.returncode == EXIT_OK
    assert text[:40] in all_block_text(result)


def test_cli_cleans_a_long_single_line(tmp_path: Path) -> None:
    line = ("All work and no play makes a dull day. " * (CLI_LINE_MB * 2**20 // 39)).encode()
    result = run_cli(tmp_path, line)
    assert_clean_or_refused(result)
    assert result.returncode == EXIT_OK


# -- the API: a Document or InputError, nothing else


@pytest.mark.parametrize("kind", list(BINARIES))
def test_api_refuses_binary(kind: str) -> None:
    with pytest.raises(InputError, match=kind):
        clean(BINARIES[kind])


@pytest.mark.parametrize("data", [b"", b"\n\n  \n", "\ufeff".encode("utf-16")])
def test_api_refuses_empty_bytes(data: bytes) -> None:
    with pytest.raises(InputError, match="^input is empty$"):
        clean(data)


@pytest.mark.parametrize("page_format", ["auto", "html"])  # auto sniffs text: the text mode path
def test_api_fifty_megabyte_single_line(page_format: str) -> None:
    words = "The quick brown fox jumps over the lazy dog near the river bank. "
    line = (words * (ONE_LINE_MB * 2**20 // len(words))).strip()
    data = line.encode() if page_format != "html" else f"<html><body><p>{line}</p></body></html>".encode()
    doc = clean(data, format=page_format)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    # The line is accounted for, not lost: whole, or cut at a size budget that the document says it hit.
    if "truncated_input" not in doc.flags:
        assert sum(len(block.text) for block in doc.blocks) >= len(line) * 0.99
    else:
        assert doc.blocks and doc.blocks[0].text.startswith(words.strip())
    del data, line, doc


def test_api_many_short_lines_are_each_accounted_for() -> None:
    data = "".join(f"Line {n} of a very long listing.\n" for n in range(MANY_LINES)).encode()
    doc = clean(data, format="text")
    assert len(doc.blocks) == MANY_LINES
    assert doc.blocks[-1].text == f"Line {MANY_LINES - 1} of a very long listing."
