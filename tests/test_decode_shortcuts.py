"""The decoder's shortcuts (charset label before any comment, tail-first boundary search, one-pass binary check)
give exactly what the plain statements of those rules give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.decode import (
    _BODY_START,
    _BOUNDARY_BYTE,
    _CONTROL_BYTE_SET,
    MAX_CONTROL_SHARE,
    MAX_NUL_SHARE,
    _binary_reason,
    _labelled_charset,
    _META_CHARSET,
    _trim_end,
    _without_comments,
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


@settings(max_examples=500, deadline=None)
@given(HEADS)
def test_label_matches_cutting_comments_first(head: bytes) -> None:
    assert _labelled_charset(head) == reference_label(head)


@given(HEADS)
def test_comment_cutting_matches_the_pattern(head: bytes) -> None:
    assert _without_comments(head) == _COMMENT.sub(b"", head)


def test_label_behind_a_comment_is_still_found() -> None:
    assert _labelled_charset(b"<!-- a --><meta charset=windows-1251><body>") == normalize_charset("windows-1251")
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
