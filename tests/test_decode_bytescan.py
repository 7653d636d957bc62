"""The compiled byte scans (thresher/_bytescan.pyx) give decode.py's Python answers, and the lazily decoded text of a
strict UTF-8 page is the page's text."""

from __future__ import annotations

import importlib.util
import os
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher import decode
from thresher.decode import DecodeResult, decode_with_info
from thresher.errors import InputError

@pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None, reason="no C compiler here")
@pytest.mark.skipif(bool(os.environ.get("THRESHER_PURE_PYTHON")), reason="the Python code is asked for")
def test_the_install_built_the_byte_scans_and_decoding_uses_them() -> None:
    assert importlib.util.find_spec("thresher._bytescan") is not None
    assert decode._BYTESCAN is not None


needs_compiled = pytest.mark.skipif(decode._BYTESCAN is None, reason="the compiled byte scans are not in this install")

# Byte sequences at the edges of UTF-8's rules: overlong forms, surrogates, above U+10FFFF, stray and missing
# continuation bytes, and their valid neighbours.
EDGES = [
    b"\xc0\x80", b"\xc1\xbf", b"\xc2\x80", b"\xdf\xbf", b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xe0\xa0\x80", b"\xed\x9f\xbf",
    b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xee\x80\x80", b"\xef\xbf\xbf", b"\xf0\x80\x80\x80", b"\xf0\x8f\xbf\xbf",
    b"\xf0\x90\x80\x80", b"\xf4\x8f\xbf\xbf", b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\xff", b"\x80", b"\xbf",
    b"\xe2\x82", b"\xf0\x9f\x98", b"\xc3", "é€𝄞".encode(), b"plain ascii text", b"\x00", b"\x7f",
]
BYTES = st.one_of(
    st.binary(max_size=64),
    st.lists(st.sampled_from(EDGES), max_size=12).map(b"".join),
    st.text(max_size=40).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def _strictly_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@needs_compiled
@settings(max_examples=600)
@given(BYTES, st.binary(max_size=17))
def test_the_compiled_utf8_check_is_python_strict_decoder(data: bytes, prefix: bytes) -> None:
    # A prefix shifts the input against the scan's eight- and sixteen-byte steps.
    assert decode._BYTESCAN.is_utf8(data) == _strictly_utf8(data)
    assert decode._BYTESCAN.is_utf8(prefix + data) == _strictly_utf8(prefix + data)


@needs_compiled
@given(st.binary(max_size=80), st.binary(max_size=6))
def test_the_compiled_byte_search_is_the_translate_rule(data: bytes, members: bytes) -> None:
    assert decode._BYTESCAN.holds_any(data, members) == (data.translate(None, members) != data)


@needs_compiled
@settings(max_examples=400)
@given(st.binary(max_size=80).filter(lambda d: b"\x00" not in d), st.integers(0, 80), st.sampled_from(range(256)))
def test_the_compiled_search_for_control_bytes_finds_one_anywhere(data: bytes, at: int, byte: int) -> None:
    # The binary check's own set, which the scan rules out eight bytes at a time: one byte at any place in the run.
    data = (data[:at] + bytes([byte]) + data[at:]).replace(b"\x00", b"")
    members = decode._SUSPECT_BYTE_SET
    assert decode._BYTESCAN.holds_any(data, members) == (data.translate(None, members) != data)


def _outcome(data: bytes) -> tuple:
    try:
        result = decode_with_info(data)
    except InputError as exc:
        return ("error", str(exc))
    return ("ok", result.text, result.charset, result.method, result.utf8 is not None)


PAGES = st.lists(
    st.sampled_from(["<p>", "text ", "\u3000", "\n", "é", "𝄞", "\x00", "\x01", " ", "<meta charset=utf-8>"]), max_size=30
).map("".join)


@needs_compiled
@settings(max_examples=300)
@given(st.one_of(PAGES.map(lambda t: t.encode("utf-8")), BYTES))
def test_decoding_with_and_without_the_compiled_scans_agrees(data: bytes) -> None:
    compiled = _outcome(data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decode, "_BYTESCAN", None)
        assert _outcome(data) == compiled


def test_a_strict_utf8_page_keeps_its_bytes_and_decodes_its_text_when_read() -> None:
    data = "<html><body><p>Grüße aus Köln — 日本</p></body></html>".encode()
    result = decode_with_info(data)
    assert result.utf8 is data
    assert result.text == data.decode("utf-8")
    assert result == DecodeResult(data.decode("utf-8"), "utf-8", "utf-8")


@pytest.mark.parametrize("data", ["\u3000\n\u2003".encode(), "\u00a0\u2029".encode(), " \u0085 ".encode()])
def test_a_page_of_white_space_only_is_empty_however_it_is_spelled(data: bytes) -> None:
    with pytest.raises(InputError, match="empty"):
        decode_with_info(data)


def test_a_decode_result_needs_text_or_bytes() -> None:
    with pytest.raises(ValueError):
        DecodeResult(None, "utf-8", "utf-8")


@given(st.lists(st.sampled_from([b" ", b"\t", b"\n", b"\r", b"\x0b", b"\x0c", b"\x1c", b"\x85", b"a"]), max_size=8).map(b"".join))
def test_the_empty_input_test_is_bytes_strip(data: bytes) -> None:
    assert (decode._LEADING_BYTES_SPACE.match(data).end() == len(data)) == (not data.strip())
