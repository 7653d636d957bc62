"""The decoder's shortcuts (charset label found early or in growing comment-free prefixes, tail-first boundary
search, one-pass binary check, a valid UTF-8 sample left undecoded) give exactly what the plain statements of those
rules give."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import given, settings
from hypothesis import strategies as st

import thresher.decode as decode_module
from thresher.decode import (
    _BODY_START,
    _BOUNDARY_BYTE,
    _CONTROL_BYTE_SET,
    _MAGIC,
    _META_CHARSET,
    MAX_CONTROL_SHARE,
    MAX_NUL_SHARE,
    _binary_reason,
    _fit,
    _fit_utf8,
    _labelled_charset,
    _magic_kind,
    _sample,
    _trim_end,
    normalize_charset,
)

_COMMENT = re.compile(rb"<!--.*?(?:-->|\Z)", re.DOTALL)


def reference_label(head: bytes) -> str | None:
    """Cut every comment, then take the first <meta> charset before <body> (no XML declaration in these inputs)."""
    head = _COMMENT.sub(b"", head)
    body = _BODY_START.search(head)
    meta = _META_CHARSET.search(head, 0, body.start() if body else len(head))
    if not meta:
        return None
    codec = normalize_charset(meta.group(1).decode("ascii"))
    return "utf-8" if codec is not None and codec.startswith(("utf-16", "utf-32")) else codec


# Heads built from the pieces that matter, in any order and split anywhere: comments around and inside tags.
PIECES = st.sampled_from(
    [b"<meta charset=", b"utf-8", b'"iso-8859-2"', b"<!--", b"-->", b"<body>", b"<body ", b"<bo", b"dy>", b">", b"x",
     b" ", b"-8", b"<meta http-equiv=Content-Type content='text/html; charset=", b"windows-1251'>", b"<head>"]
)
HEADS = st.lists(PIECES, max_size=14).map(b"".join)


@contextmanager
def _options(**values: int) -> Iterator[None]:
    """The decoder's module options set to `values` for the block (hypothesis runs many examples per test, so a
    function-scoped monkeypatch would not reset between them)."""
    saved = {name: getattr(decode_module, name) for name in values}
    try:
        for name, value in values.items():
            setattr(decode_module, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(decode_module, name, value)


@settings(max_examples=500, deadline=None)
@given(HEADS)
def test_label_matches_cutting_comments_first(head: bytes) -> None:
    assert _labelled_charset(head) == reference_label(head)


# Heads with several whole comments, the charset often only after some of them.
COMMENTED_HEADS = st.lists(
    st.sampled_from([b"<!-- a -->", b"<!---->", b"<!-- <body> -->", b"x", b"<meta charset=", b"koi8-r>", b"<body>"]),
    max_size=12,
).map(b"".join)


# Small sizes make the short test heads take every path: the early look, and a cut head searched again and again.
@settings(max_examples=500, deadline=None)
@given(st.one_of(HEADS, COMMENTED_HEADS), st.sampled_from([0, 1, 5, 20, 60]), st.sampled_from([1, 3, 16, 50]))
def test_label_with_any_early_window_and_search_steps(head: bytes, early: int, step: int) -> None:
    with _options(EARLY_CHARSET_BYTES=early, CUT_SEARCH_BYTES=step):
        assert _labelled_charset(head) == reference_label(head)


def test_label_behind_a_comment_is_still_found() -> None:
    assert _labelled_charset(b"<!-- a --><meta charset=windows-1251><body>") == normalize_charset("windows-1251")
    with _options(EARLY_CHARSET_BYTES=0, CUT_SEARCH_BYTES=1):
        assert _labelled_charset(b"<!--a-->x<!--b-->y<meta charset=koi8-r>") == "koi8-r"
    assert _labelled_charset(b"<meta charset=utf<!-- cut -->-8><body>") == "utf-8"
    assert _labelled_charset(b"<!-- <meta charset=koi8-r> --><body><meta charset=koi8-r>") is None


@given(st.binary(max_size=600))
def test_trim_end_cuts_after_the_last_boundary_byte(piece: bytes) -> None:
    last = max((i for i, b in enumerate(piece) if _BOUNDARY_BYTE.fullmatch(bytes([b]))), default=None)
    assert _trim_end(piece) == (piece if last is None else piece[: last + 1])


@given(st.lists(st.binary(max_size=200), max_size=4))
def test_binary_reason_matches_the_shares(sample: list[bytes]) -> None:
    size = sum(map(len, sample))
    nuls = sum(p.count(0) for p in sample)
    controls = sum(sum(b in _CONTROL_BYTE_SET for b in p) for p in sample)
    reason = _binary_reason(sample)
    if size == 0 or (nuls / size <= MAX_NUL_SHARE and controls / size <= MAX_CONTROL_SHARE):
        assert reason is None
    elif nuls / size > MAX_NUL_SHARE:
        assert reason is not None and "NUL" in reason
    else:
        assert reason is not None and "control" in reason


# Sampled texts: ASCII around multi-byte characters, so sample cuts fall both between and inside characters.
UTF8_TEXTS = st.lists(st.sampled_from(["a", " ", "<p>", "é", "€", "𝄞", "日本", "\n"]), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(UTF8_TEXTS, st.binary(max_size=3), st.sampled_from([4, 9, 16]))
def test_utf8_fit_of_a_valid_input_is_the_fit_of_its_sample(text: str, tail: bytes, chunk: int) -> None:
    data = text.encode("utf-8") + tail  # a tail of raw bytes makes some inputs invalid
    with _options(HEAD_SAMPLE_BYTES=2 * chunk, CHUNK_SAMPLE_BYTES=chunk, CHUNK_SAMPLE_COUNT=3):
        sample = _sample(data)
        fit, strict, whole = _fit_utf8(data, sample)
        plain = _fit(sample, "utf-8")
    try:
        expected = data.decode("utf-8")
    except UnicodeDecodeError:
        expected = None
    assert strict == (expected is not None)
    assert whole in (None, expected)  # the compiled check validates without decoding
    assert (fit.size, fit.invalid, fit.non_ascii) == (plain.size, plain.invalid, plain.non_ascii)
    assert fit.text in (None, plain.text)


# Inputs that start with a signature, or a near miss of one, or anything.
MAGIC_STARTS = st.one_of(
    st.sampled_from([b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"RIFF1234WEBP", b"abcdftyp", b"PK\x05\x06", b"\x00asm"]),
    st.binary(max_size=12),
)


@given(MAGIC_STARTS, st.binary(max_size=8))
def test_magic_kind_is_the_first_signature_that_matches(start: bytes, rest: bytes) -> None:
    data = start + rest
    assert _magic_kind(data) == next((kind for signature, kind in _MAGIC if signature.match(data)), None)
