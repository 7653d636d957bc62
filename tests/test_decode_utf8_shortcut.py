"""A strict UTF-8 page with non-ASCII text is read as UTF-8 without looking at its labels: the method they decide is
worked out only when it is read, and it is what the label loop names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher import decode
from thresher.decode import DecodeResult, decode_with_info
from thresher.errors import InputError

LABELS = ["", "<meta charset=utf-8>", '<meta charset="windows-1252">', "<meta charset=koi8-r>", "<!-- <meta charset=utf-8> -->"]
PAGES = st.tuples(
    st.sampled_from(LABELS),
    st.lists(st.sampled_from(["<p>", "text ", "é", "日本", " ", "\n", "<body>", "<meta charset=utf-8>"]), max_size=12),
).map(lambda parts: (parts[0] + "".join(parts[1])).encode("utf-8"))
DECLARED = st.sampled_from([None, "utf-8", "text/html; charset=UTF-8", "iso-8859-1", "cp1251", "nonsense"])


def _outcome(data: bytes, declared: str | None) -> tuple:
    try:
        result = decode_with_info(data, declared=declared)
    except InputError as exc:
        return ("error", str(exc))
    return ("ok", result.text, result.charset, result.method, result.utf8 is not None)


@settings(max_examples=300)
@given(PAGES, DECLARED)
def test_the_utf8_shortcut_gives_what_the_label_loop_gives(data: bytes, declared: str | None) -> None:
    shortcut = _outcome(data, declared)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decode, "_settled_as_utf8", lambda strict, fit: False)
        assert _outcome(data, declared) == shortcut


def test_the_method_is_worked_out_once_and_only_when_read() -> None:
    calls = []

    def method() -> str:
        calls.append(1)
        return "meta"

    result = DecodeResult("text", "utf-8", method)
    assert calls == []
    assert result.method == "meta" and result.method == "meta"
    assert calls == [1]
    assert result == DecodeResult("text", "utf-8", "meta")


@given(st.lists(st.sampled_from([b"abc", "é".encode(), "日".encode(), b" "]), max_size=6).map(b"".join))
def test_one_non_ascii_character_is_known_without_decoding(data: bytes) -> None:
    fit = decode._Fit(len(data), 0, None, [], undecoded=[data])
    for at_least in range(4):
        assert fit.has_non_ascii(at_least) == (decode._Fit(len(data), 0, None, [], undecoded=[data]).non_ascii >= at_least)
